"""Security: loopback by default, scenario and replay files only from the scenario directories,
inline scenarios bounded, and no API secret or admin token in any log, journal or report."""

import asyncio
import hashlib
import hmac
import json
import os
import time
import urllib.request

import aiohttp

from conftest import QUIET
from fault_helpers import signed

SECRET = "s3cr3t-0f-the-test-account"
TOKEN = "t0ken-0f-the-admin-api"
SCENARIO = QUIET.replace("secret: demo-secret", f"secret: {SECRET}")
REPLAY = """
name: replayed
instruments:
  - {{symbol: BTCUSDT, base: BTC, quote: USDT, price: {{tick: "0.01"}}, lot: {{step: "0.001"}}}}
market:
  BTCUSDT:
    replay: {{file: "{file}"}}
"""


def admin(daemon, method, path, body=None, token=TOKEN):
    """(status, parsed JSON) of one admin call carrying the bearer token."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(daemon.url + "/_mockex/v1" + path, data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def create(daemon, body):
    status, text = admin(daemon, "POST", "/sessions", body)
    return status, json.loads(text)


def listening_addresses(pid):
    """The local addresses of the process's listening TCP sockets, as /proc shows them."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        target = os.readlink(f"/proc/{pid}/fd/{fd}")
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table in ("tcp", "tcp6"):
        with open(f"/proc/{pid}/net/{table}") as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                    found.append(fields[1].split(":")[0])
    return found


def test_the_default_bind_is_loopback_only(start_daemon):
    daemon = start_daemon()
    assert listening_addresses(daemon.proc.pid) == ["0100007F"]  # 127.0.0.1


def test_scenario_and_replay_files_stay_inside_the_scenario_directories(start_daemon, tmp_path):
    scenarios = tmp_path / "scenarios"
    outside = tmp_path / "outside"
    scenarios.mkdir()
    outside.mkdir()
    (outside / "private.yaml").write_text(SCENARIO)
    (outside / "private.jsonl").write_text("")
    (scenarios / "escape.yaml").symlink_to(outside / "private.yaml")
    (scenarios / "mine.yaml").write_text(SCENARIO)
    daemon = start_daemon(env={"MOCKEX_SCENARIO_DIRS": str(scenarios), "MOCKEX_ADMIN_TOKEN": TOKEN})

    status, body = create(daemon, {"scenario": "escape"})
    assert (status, body["error"]["code"]) == (403, "scenario_outside_dirs")
    for name in ("../outside/private", str(outside / "private.yaml")):
        status, body = create(daemon, {"scenario": name})
        assert (status, body["error"]["code"]) == (400, "invalid_scenario_name")
    for replay in ("../outside/private.jsonl", str(outside / "private.jsonl"), "/etc/passwd"):
        status, body = create(daemon, {"scenario_yaml": REPLAY.format(file=replay)})
        assert status == 422, body
        assert "is outside the scenario directories" in body["errors"][0], body
    status, body = create(daemon, {"scenario": "mine"})
    assert status == 201, body


def test_inline_scenarios_are_bounded(start_daemon):
    daemon = start_daemon("--max-scenario-bytes", str(len(SCENARIO)),
                          env={"MOCKEX_ADMIN_TOKEN": TOKEN})
    status, body = create(daemon, {"scenario_yaml": SCENARIO + "# one byte too many\n"})
    assert (status, body["error"]["code"]) == (413, "scenario_too_large")
    status, body = create(daemon, {"scenario_yaml": SCENARIO})
    assert status == 201, body


async def ws_api_logon(url, secret):
    params = {"apiKey": "demo-key", "timestamp": int(time.time() * 1000)}
    payload = "&".join(f"{k}={params[k]}" for k in sorted(params))
    params["signature"] = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
    async with aiohttp.ClientSession() as client:
        async with client.ws_connect(url) as ws:
            await ws.send_json({"id": 1, "method": "session.logon", "params": params})
            answer = json.loads((await asyncio.wait_for(ws.receive(), 10)).data)
    return answer, params["signature"]


def test_no_secret_or_token_in_logs_journals_reports_or_answers(start_daemon, tmp_path):
    journals, reports = tmp_path / "journals", tmp_path / "reports"
    daemon = start_daemon("--journal-dir", str(journals),
                          "--report-dir", str(reports), env={"MOCKEX_ADMIN_TOKEN": TOKEN})
    status, session = create(daemon, {"scenario_yaml": SCENARIO, "clock": "realtime"})
    assert status == 201, session
    base = f"{daemon.url}/s/{session['id']}"
    order = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
             "quantity": "0.1", "price": "100.00"}
    assert signed(base, "POST", "/api/v3/order", order, secret=SECRET)[0] == 200
    assert signed(base, "POST", "/api/v3/order", order, secret="wrong")[1]["code"] == -1022
    answer, signature = asyncio.run(ws_api_logon(session["ws_api_url"], SECRET))
    assert answer["status"] == 200, answer
    bad_yaml = SCENARIO.replace("balances:", "balances: oops\n    extra:")
    assert create(daemon, {"scenario_yaml": bad_yaml})[0] == 422

    answers = [admin(daemon, "GET", path)[1] for path in (
        "/sessions", f"/sessions/{session['id']}", f"/sessions/{session['id']}/journal.jsonl",
        f"/sessions/{session['id']}/report", f"/sessions/{session['id']}/report.md")]
    answers.append(urllib.request.urlopen(daemon.url + "/metrics", timeout=10).read())
    assert admin(daemon, "DELETE", f"/sessions/{session['id']}")[0] == 204
    assert daemon.stop() == 0
    files = {path: path.read_bytes() for path in [*journals.iterdir(), *reports.iterdir()]}
    everything = b"".join(answers) + b"".join(files.values()) + daemon.log().encode()
    assert SECRET.encode() not in everything
    assert TOKEN.encode() not in everything
    journal = files[journals / f"{session['id']}.jsonl"]
    assert signature.encode() in journal  # signatures are kept: a test may check what was sent
