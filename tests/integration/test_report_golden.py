"""The session report of a scripted, stepped trading session, byte for byte against a golden file.

Everything in the session is deterministic (seed, fixed start, stepped clock, the client's own
order ids); only what no test can fix is masked before comparing: the session id and the
latency figures, which are wall-clock measurements.

To regenerate after an intended change: MOCKEX_UPDATE_GOLDEN=1 pytest tests/integration/test_report_golden.py
"""

import asyncio
import hashlib
import hmac
import os
import re
import time
import urllib.parse

import aiohttp

from conftest import QUIET, REPO

GOLDEN = REPO / "tests" / "integration" / "golden" / "stepped_trading_report.md"
START_MS = 1_700_000_000_000


def signed(params):
    query = urllib.parse.urlencode({**params, "timestamp": int(time.time() * 1000)})
    return query + "&signature=" + hmac.new(b"demo-secret", query.encode(),
                                            hashlib.sha256).hexdigest()


async def script(daemon):
    async with aiohttp.ClientSession(headers={"X-MBX-APIKEY": "demo-key"}) as client:
        async with client.post(daemon.url + "/_mockex/v1/sessions",
                               json={"scenario_yaml": QUIET, "clock": "stepped", "seed": 11,
                                     "start": START_MS}) as r:
            session = await r.json()
        admin = daemon.url + "/_mockex/v1/sessions/" + session["id"]
        rest = session["rest_url"] + "/api/v3"

        async def order(method, **params):
            async with client.request(method, rest + "/order", data=signed(params),
                                      headers={"Content-Type": "application/x-www-form-urlencoded"}) as r:
                return r.status, await r.json()

        async def advance(by):
            async with client.post(admin + "/clock/advance", json={"by": by}) as r:
                assert r.status == 200

        await advance("2s")
        # A client that syncs a book: subscribe and snapshot, then after a gap snapshot again
        # (a resync); then it reconnects and syncs once more.
        async def depth():
            async with client.get(rest + "/depth?symbol=BTCUSDT&limit=5") as r:
                assert r.status == 200

        for snapshots in (2, 1):
            async with client.ws_connect(session["ws_url"]) as ws:
                await ws.send_str('{"method":"SUBSCRIBE","params":["btcusdt@depth@100ms"],"id":1}')
                await ws.receive()
                for _ in range(snapshots):
                    await depth()
                    await advance("1s")
                    assert "depthUpdate" in (await ws.receive()).data
            await asyncio.sleep(0.3)  # the close reaches the journal before the next open
        status, _ = await order("POST", symbol="BTCUSDT", side="BUY", type="LIMIT",
                                timeInForce="GTC", quantity="0.01", price="25000",
                                newClientOrderId="rest-1")
        assert status == 200
        status, bought = await order("POST", symbol="BTCUSDT", side="BUY", type="MARKET",
                                     quantity="0.02", newClientOrderId="take-1")
        assert status == 200 and bought["status"] == "FILLED", bought
        status, _ = await order("POST", symbol="BTCUSDT", side="BUY", type="LIMIT",
                                timeInForce="GTC", quantity="100", price="25000",
                                newClientOrderId="too-big")
        assert status == 400
        status, _ = await order("DELETE", symbol="BTCUSDT", origClientOrderId="rest-1")
        assert status == 200
        status, _ = await order("DELETE", symbol="BTCUSDT", origClientOrderId="rest-1")
        assert status == 400
        await advance("1s")
        await asyncio.sleep(0.3)  # the last WebSocket close reaches the journal
        async with client.get(admin + "/report.md") as r:
            return session["id"], await r.text()


def normalised(report, session_id):
    report = report.replace(session_id, "<session>")
    # The latency row: responses count stays, the wall-clock figures are masked.
    return re.sub(r"^\| (\d+) \| \d+ \| \d+ \| \d+ \| \d+ \|$", r"| \1 | … | … | … | … |", report,
                  flags=re.MULTILINE)


def test_stepped_trading_session_report_matches_the_golden_file(daemon):
    session_id, report = asyncio.run(asyncio.wait_for(script(daemon), 60))
    text = normalised(report, session_id)
    if os.environ.get("MOCKEX_UPDATE_GOLDEN"):
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text()
