"""The admin API (/_mockex/v1/...) against the real daemon over real sockets."""

import functools
import http.client
import json
import os
import pathlib
import subprocess
import tempfile
import types

import pytest

from conftest import MOCKEXD, Daemon

PREFIX = "/_mockex/v1"
START_MS = 1_700_000_000_000

INVALID_YAML = """name: broken
seed: 1
clock: {mode: stepped}
instruments:
  - symbol: BTCUSDT
    base: BTC
    quote: USDT
    price: {tick: "0.01", min: "0.01", max: "1000000"}
    lot: {step: "0.00001", min: "0.00001", max: "9000"}
accounts: []
no_such_key: 1
"""


def request(daemon, method, path, body=None, headers=None):
    """One request on a fresh connection; returns (status, headers, parsed JSON or text)."""
    conn = http.client.HTTPConnection("127.0.0.1", daemon.port, timeout=10)
    try:
        data = json.dumps(body).encode() if body is not None else None
        all_headers = {"Content-Type": "application/json"} if data is not None else {}
        all_headers.update(headers or {})
        conn.request(method, path, body=data, headers=all_headers)
        response = conn.getresponse()
        raw = response.read()
        response_headers = {k.lower(): v for k, v in response.getheaders()}
        if response_headers.get("content-type", "").startswith("application/json") and raw:
            return response.status, response_headers, json.loads(raw)
        return response.status, response_headers, raw.decode()
    finally:
        conn.close()


@functools.lru_cache(maxsize=None)
def _admin_routes_missing():
    """True when this mockexd answers 404 on the admin API (the routes are not wired in yet)."""
    if not os.path.exists(MOCKEXD):
        return False  # let the tests fail as loudly as the rest of the suite
    with tempfile.TemporaryDirectory() as tmp:
        try:
            daemon = Daemon(pathlib.Path(tmp))
        except RuntimeError:
            return False  # a daemon that does not start fails the tests, not hides them
        try:
            status, _, _ = request(daemon, "GET", f"{PREFIX}/sessions")
        finally:
            daemon.stop()
    return status == 404


@functools.lru_cache(maxsize=None)
def _help_text():
    return subprocess.run([MOCKEXD, "--help"], capture_output=True, text=True, timeout=30).stdout


pytestmark = pytest.mark.skipif(_admin_routes_missing(),
                                reason="mockexd does not serve the admin API yet")


def create_stepped(daemon, **extra):
    body = {"scenario": "quickstart", "clock": "stepped", "start": START_MS, **extra}
    status, headers, created = request(daemon, "POST", f"{PREFIX}/sessions", body)
    assert status == 201, created
    return created


def test_create_get_and_delete_a_session(daemon):
    created = create_stepped(daemon, seed=7)
    sid = created["id"]
    host = f"127.0.0.1:{daemon.port}"
    assert created["rest_url"] == f"http://{host}/s/{sid}"
    assert created["ws_url"] == f"ws://{host}/s/{sid}/ws"
    assert created["ws_api_url"] == f"ws://{host}/s/{sid}/ws-api/v3"
    assert created["scenario"] == "quickstart"
    assert created["seed"] == 7
    assert created["clock"] == "stepped"

    status, headers, info = request(daemon, "GET", f"{PREFIX}/sessions/{sid}")
    assert status == 200
    assert headers["content-type"].startswith("application/json")
    assert info["clock_state"]["now"] == START_MS
    assert info["finished"] is False

    status, _, listed = request(daemon, "GET", f"{PREFIX}/sessions")
    assert status == 200
    ids = [s["id"] for s in listed["sessions"]]
    assert ids[0] == "default" and sid in ids

    status, _, body = request(daemon, "DELETE", f"{PREFIX}/sessions/{sid}")
    assert status == 204 and body == ""
    status, _, body = request(daemon, "GET", f"{PREFIX}/sessions/{sid}")
    assert status == 404
    assert body["error"]["code"] == "session_not_found"


def test_the_default_session_cannot_be_deleted(daemon):
    status, _, body = request(daemon, "DELETE", f"{PREFIX}/sessions/default")
    assert status == 409
    assert body["error"]["code"] == "default_session"


def test_advance_a_stepped_clock(daemon):
    sid = create_stepped(daemon)["id"]
    status, _, body = request(daemon, "POST", f"{PREFIX}/sessions/{sid}/clock/advance",
                              {"by": "5s"})
    assert status == 200, body
    assert body["now"] == START_MS + 5000
    status, _, clock = request(daemon, "GET", f"{PREFIX}/sessions/{sid}/clock")
    assert clock["now"] == START_MS + 5000 and clock["mode"] == "stepped"


def test_halt_shows_in_the_book_and_the_journal_of_that_session_only(daemon):
    sid = create_stepped(daemon)["id"]
    other = create_stepped(daemon)["id"]
    status, _, body = request(daemon, "POST", f"{PREFIX}/sessions/{sid}/market/halt",
                              {"symbol": "BTCUSDT"})
    assert status == 200, body
    _, _, book = request(daemon, "GET", f"{PREFIX}/sessions/{sid}/book/BTCUSDT?limit=5")
    assert book["status"] == "HALT"
    assert len(book["bids"]) == 5
    _, _, untouched = request(daemon, "GET", f"{PREFIX}/sessions/{other}/book/BTCUSDT")
    assert untouched["status"] == "TRADING"

    status, _, journal = request(daemon, "GET",
                                 f"{PREFIX}/sessions/{sid}/journal?kinds=market&text=halt")
    assert status == 200
    assert [e["data"]["event"] for e in journal["entries"]] == ["halt BTCUSDT"]
    _, _, quiet = request(daemon, "GET", f"{PREFIX}/sessions/{other}/journal?text=halt")
    assert quiet["entries"] == []

    status, headers, jsonl = request(daemon, "GET", f"{PREFIX}/sessions/{sid}/journal.jsonl")
    assert status == 200 and headers["content-type"] == "application/x-ndjson"
    assert any(json.loads(line)["kind"] == "market" for line in jsonl.splitlines())


def test_balances_set_and_read_back(daemon):
    sid = create_stepped(daemon)["id"]
    status, _, body = request(daemon, "POST", f"{PREFIX}/sessions/{sid}/balances",
                              {"account": "demo-key", "asset": "BTC", "amount": "1.5"})
    assert status == 200, body
    _, _, balances = request(daemon, "GET", f"{PREFIX}/sessions/{sid}/balances?account=demo-key")
    btc = [b for b in balances["balances"] if b["asset"] == "BTC"][0]
    assert btc["free"] == "1.50000000"


def test_report_as_json_and_markdown(daemon):
    sid = create_stepped(daemon)["id"]
    status, _, report = request(daemon, "GET", f"{PREFIX}/sessions/{sid}/report")
    assert status == 200 and isinstance(report, dict)
    status, headers, markdown = request(daemon, "GET", f"{PREFIX}/sessions/{sid}/report.md")
    assert status == 200
    assert headers["content-type"] == "text/markdown; charset=utf-8"
    assert sid in markdown


def test_invalid_inline_scenario_is_422_with_line_and_column(daemon):
    status, _, body = request(daemon, "POST", f"{PREFIX}/sessions",
                              {"scenario_yaml": INVALID_YAML})
    assert status == 422, body
    assert body["error"]["code"] == "invalid_scenario"
    assert any(e.startswith("<inline>:11:1: ") for e in body["errors"]), body["errors"]


@pytest.mark.parametrize("name", ["../scenarios/quickstart", "/etc/passwd", ".hidden", "a/b"])
def test_path_traversal_is_refused(daemon, name):
    status, _, body = request(daemon, "POST", f"{PREFIX}/sessions", {"scenario": name})
    assert status == 400
    assert body["error"]["code"] == "invalid_scenario_name"


def test_unknown_scenario_is_404(daemon):
    status, _, body = request(daemon, "POST", f"{PREFIX}/sessions", {"scenario": "nope"})
    assert status == 404
    assert body["error"]["code"] == "scenario_not_found"


def test_session_limit_is_429(start_daemon):
    if "MOCKEX_MAX_SESSIONS" not in _help_text():
        pytest.skip("mockexd has no MOCKEX_MAX_SESSIONS knob")
    daemon = start_daemon(env={"MOCKEX_MAX_SESSIONS": "2"})
    create_stepped(daemon)
    create_stepped(daemon)
    status, _, body = request(daemon, "POST", f"{PREFIX}/sessions",
                              {"scenario": "quickstart", "clock": "stepped"})
    assert status == 429
    assert body["error"]["code"] == "session_limit"


def test_a_configured_token_is_required(start_daemon):
    if "MOCKEX_ADMIN_TOKEN" not in _help_text():
        pytest.skip("mockexd has no MOCKEX_ADMIN_TOKEN knob")
    daemon = start_daemon(env={"MOCKEX_ADMIN_TOKEN": "s3cret"})
    status, _, body = request(daemon, "GET", f"{PREFIX}/sessions")
    assert status == 401
    assert body["error"]["code"] == "unauthorized"
    status, _, _ = request(daemon, "GET", f"{PREFIX}/sessions",
                           headers={"Authorization": "Bearer wrong"})
    assert status == 401
    status, _, _ = request(daemon, "GET", f"{PREFIX}/sessions",
                           headers={"Authorization": "Bearer s3cret"})
    assert status == 200


def test_the_admin_api_can_have_a_listener_of_its_own(start_daemon, tmp_path):
    port_file = tmp_path / "admin.port"
    daemon = start_daemon("--admin-port", "0", "--admin-port-file", str(port_file),
                          env={"MOCKEX_ADMIN_TOKEN": "s3cret"})
    admin = types.SimpleNamespace(port=int(port_file.read_text()))
    assert admin.port != daemon.port
    auth = {"Authorization": "Bearer s3cret"}
    # The exchange port no longer serves the admin API; the admin port serves only it (and health).
    status, _, _ = request(daemon, "GET", f"{PREFIX}/sessions", headers=auth)
    assert status == 404
    status, _, _ = request(admin, "GET", "/api/v3/ping")
    assert status == 404
    for listener in (daemon, admin):
        assert request(listener, "GET", "/healthz")[0] == 200
    assert request(admin, "GET", f"{PREFIX}/sessions")[0] == 401  # the token still applies
    status, _, body = request(admin, "POST", f"{PREFIX}/sessions",
                              {"scenario": "quickstart", "clock": "stepped"}, headers=auth)
    assert status == 201
    # Session URLs name the exchange port, where the session's exchange answers.
    assert body["rest_url"] == f"http://127.0.0.1:{daemon.port}/s/{body['id']}"
    assert body["ws_api_url"] == f"ws://127.0.0.1:{daemon.port}/s/{body['id']}/ws-api/v3"
    status, _, ping = request(daemon, "GET", f"/s/{body['id']}/api/v3/ping")
    assert (status, ping) == (200, {})
