"""HTTP fault kinds proven on the wire against the real daemon: latency, error replies, hang,
reset, close after headers, truncation, malformed bodies and slow bodies; plus the admin API of
faults and their journal entries."""

import json
import socket
import time

import pytest

from conftest import QUIET
from fault_helpers import (add_fault, admin, fault_entries, get, new_session, raw_get,
                           read_until_closed, split_response)

TICKER = "/api/v3/ticker/price?symbol=BTCUSDT"


@pytest.fixture
def session(daemon):
    return new_session(daemon, QUIET)


def test_latency_holds_the_matching_request_only(daemon, session):
    add_fault(daemon, session["id"], {"name": "slow-ticker", "kind": "latency",
                                      "match": {"http": "GET /api/v3/ticker/*"},
                                      "params": {"ms": 250, "jitter_ms": 50}})
    started = time.monotonic()
    status, _, body = get(session["rest_url"] + TICKER)
    elapsed = time.monotonic() - started
    assert status == 200 and json.loads(body)["symbol"] == "BTCUSDT"
    assert elapsed >= 0.25
    started = time.monotonic()
    status, _, _ = get(session["rest_url"] + "/api/v3/time")
    assert status == 200 and time.monotonic() - started < 0.25
    [entry] = fault_entries(daemon, session["id"])
    assert entry["name"] == "slow-ticker" and entry["fault_kind"] == "latency"
    assert entry["target"] == "GET /api/v3/ticker/price"
    assert entry["effect"].startswith("delay ")
    delay_ms = float(entry["effect"][len("delay "):-len("ms")])
    assert 250 <= delay_ms <= 300


def test_http_errors_speak_binance_and_stop_after_first_n(daemon, session):
    add_fault(daemon, session["id"], {"name": "storm", "kind": "http_error",
                                      "match": {"http": "GET /api/v3/*"},
                                      "params": {"status": 429, "retry_after": 7}, "first": 2})
    for _ in range(2):
        status, headers, body = get(session["rest_url"] + TICKER)
        assert status == 429
        assert headers["Retry-After"] == "7"
        assert "X-MBX-USED-WEIGHT-1M" in headers
        assert json.loads(body)["code"] == -1003
    status, _, _ = get(session["rest_url"] + TICKER)
    assert status == 200
    add_fault(daemon, session["id"], {"name": "down", "kind": "http_error",
                                      "match": {"http": "GET /api/v3/depth"},
                                      "params": {"status": 503}})
    status, headers, body = get(session["rest_url"] + "/api/v3/depth?symbol=BTCUSDT")
    assert status == 503 and headers["Content-Type"] == "application/json;charset=UTF-8"
    assert json.loads(body) == {
        "code": -1008,
        "msg": "Server is currently overloaded with other requests. Please try again in a few minutes."}
    add_fault(daemon, session["id"], {"name": "timeout", "kind": "http_error",
                                      "match": {"http": "GET /api/v3/trades"},
                                      "params": {"status": 504, "code": -1007}})
    status, _, body = get(session["rest_url"] + "/api/v3/trades?symbol=BTCUSDT")
    assert status == 504 and json.loads(body)["code"] == -1007


def test_hang_never_answers_while_other_connections_are_served(daemon, session):
    add_fault(daemon, session["id"], {"kind": "hang", "match": {"http": "GET /api/v3/depth"}})
    prefix = session["rest_url"][len(daemon.url):]
    sock = raw_get(daemon.port, prefix + "/api/v3/depth?symbol=BTCUSDT", timeout=0.5)
    with pytest.raises(socket.timeout):
        sock.recv(1)
    status, _, _ = get(session["rest_url"] + TICKER)
    assert status == 200
    sock.close()


def test_reset_is_a_real_rst(daemon, session):
    add_fault(daemon, session["id"], {"kind": "reset", "match": {"http": "GET /api/v3/ticker/*"}})
    prefix = session["rest_url"][len(daemon.url):]
    sock = raw_get(daemon.port, prefix + TICKER)
    with pytest.raises(ConnectionResetError):
        while sock.recv(1024):
            pass
    sock.close()


def test_close_after_headers_sends_the_headers_and_no_body(daemon, session):
    add_fault(daemon, session["id"], {"kind": "close_after_headers",
                                      "match": {"http": "GET /api/v3/ticker/*"}})
    prefix = session["rest_url"][len(daemon.url):]
    status, headers, body = split_response(read_until_closed(raw_get(daemon.port, prefix + TICKER)))
    assert status == 200
    assert int(headers["content-length"]) > 0
    assert body == b""


def test_truncate_keeps_exactly_the_configured_bytes(daemon, session):
    add_fault(daemon, session["id"], {"kind": "truncate", "match": {"http": "GET /api/v3/ticker/*"},
                                      "params": {"bytes": 10}})
    prefix = session["rest_url"][len(daemon.url):]
    status, headers, body = split_response(read_until_closed(raw_get(daemon.port, prefix + TICKER)))
    assert status == 200 and int(headers["content-length"]) > 10
    assert body == b'{"price":"'


def test_malformed_body_is_not_json(daemon, session):
    add_fault(daemon, session["id"], {"kind": "malformed", "match": {"http": "GET /api/v3/ticker/*"}})
    status, _, body = get(session["rest_url"] + TICKER)
    assert status == 200 and body.startswith(b'{"price":')
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)


def test_slow_body_dribbles_the_whole_body_and_keeps_the_connection(daemon, session):
    add_fault(daemon, session["id"], {"kind": "slow_body", "match": {"http": "GET /api/v3/ticker/*"},
                                      "params": {"ms": 400, "chunk_bytes": 8}, "first": 1})
    prefix = session["rest_url"][len(daemon.url):]
    sock = raw_get(daemon.port, prefix + TICKER)
    started = time.monotonic()
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(4096)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int([l for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0]
                 .split(b":")[1])
    while len(body) < length:
        body += sock.recv(4096)
    assert time.monotonic() - started >= 0.4
    assert json.loads(body)["symbol"] == "BTCUSDT"
    sock.sendall(f"GET {prefix}/api/v3/time HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert sock.recv(4096).startswith(b"HTTP/1.1 200")
    sock.close()


def test_fault_admin_api_lists_pauses_resumes_and_removes(daemon, session):
    sid = session["id"]
    rule = {"name": "e", "kind": "http_error", "match": {"http": "GET /api/v3/time"},
            "params": {"status": 500}}
    created = add_fault(daemon, sid, rule)
    assert created["state"] == "active" and created["fired"] == 0
    assert admin(daemon, "POST", f"/sessions/{sid}/faults", rule)[0] == 409
    assert get(session["rest_url"] + "/api/v3/time")[0] == 500
    status, paused = admin(daemon, "POST", f"/sessions/{sid}/faults/e/pause")
    assert status == 200 and paused["state"] == "paused"
    assert get(session["rest_url"] + "/api/v3/time")[0] == 200
    assert admin(daemon, "POST", f"/sessions/{sid}/faults/e/resume")[1]["state"] == "active"
    assert get(session["rest_url"] + "/api/v3/time")[0] == 500
    status, listed = admin(daemon, "GET", f"/sessions/{sid}/faults")
    assert status == 200 and [(f["name"], f["fired"], f["matched"]) for f in listed["faults"]] == [
        ("e", 2, 2)]
    assert admin(daemon, "DELETE", f"/sessions/{sid}/faults/e")[0] == 204
    assert admin(daemon, "DELETE", f"/sessions/{sid}/faults/e")[0] == 404
    assert get(session["rest_url"] + "/api/v3/time")[0] == 200


@pytest.mark.parametrize("rule, field", [
    ({"kind": "latncy"}, "kind"),
    ({"kind": "latency"}, "params.ms"),
    ({"kind": "latency", "params": {"ms": -5}}, "params.ms"),
    ({"kind": "ws_drop", "probability": 1.5}, "probability"),
    ({"kind": "ws_drop", "probablity": 0.5}, "probablity"),
    ({"kind": "latency", "params": {"ms": 5}, "for": "soon"}, "for"),
    ({"kind": "http_error", "match": {"http": "GET"}}, "match.http"),
])
def test_bad_fault_rules_are_refused_with_the_field(daemon, session, rule, field):
    status, body = admin(daemon, "POST", f"/sessions/{session['id']}/faults", rule)
    assert status == 400, body
    assert body["error"]["code"] == "invalid_fault"
    assert body["field"] == field, body


def test_a_rule_with_a_window_expires_on_the_scenario_clock(daemon):
    session = new_session(daemon, QUIET, clock="stepped")
    sid = session["id"]
    add_fault(daemon, sid, {"name": "w", "kind": "http_error", "params": {"status": 502},
                            "match": {"http": "GET /api/v3/time"}, "for": "2s"})
    assert get(session["rest_url"] + "/api/v3/time")[0] == 502
    assert admin(daemon, "POST", f"/sessions/{sid}/clock/advance", {"by": "2s"})[0] == 200
    assert get(session["rest_url"] + "/api/v3/time")[0] == 200
    assert admin(daemon, "GET", f"/sessions/{sid}/faults/w")[1]["state"] == "expired"


def test_the_report_counts_faults_by_kind_and_name(daemon, session):
    sid = session["id"]
    add_fault(daemon, sid, {"name": "flaky", "kind": "http_error", "params": {"status": 500},
                            "match": {"http": "GET /api/v3/time"}, "every": 2})
    for _ in range(4):
        get(session["rest_url"] + "/api/v3/time")
    status, report = admin(daemon, "GET", f"/sessions/{sid}/report")
    assert status == 200
    assert report["faults"]["total"] == 2
    assert report["faults"]["by_kind"] == {"http_error": 2}
    assert report["faults"]["by_name"] == {"flaky": {"kind": "http_error", "count": 2}}


def test_prometheus_counts_faults_by_kind_and_name_and_active_rules(daemon, session):
    from conftest import metric_value
    add_fault(daemon, session["id"], {"name": "m-err", "kind": "http_error",
                                      "params": {"status": 500},
                                      "match": {"http": "GET /api/v3/time"}})
    for _ in range(3):
        get(session["rest_url"] + "/api/v3/time")
    text = get(daemon.url + "/metrics")[2].decode()
    assert metric_value(text, "mockex_faults_injected_total",
                        {"kind": "http_error", "name": "m-err"}) == 3
    assert metric_value(text, "mockex_faults_active") == 1
    admin(daemon, "POST", f"/sessions/{session['id']}/faults/m-err/pause")
    assert metric_value(get(daemon.url + "/metrics")[2].decode(), "mockex_faults_active") == 0
