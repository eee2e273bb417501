"""The Compose stack's example client: a trading client's first minutes against mockexd.

It reaches the daemon at $MOCKEX_URL (http://mockexd:8765 in docker-compose.yml), makes a session
of its own with the Python SDK (client-sdk/python), and checks what a Binance Spot client relies
on: public and signed REST, a rate-limit fault and the retry after it, a market stream and the
WebSocket API. It exits 0 when everything holds, 1 (with the reason) when not.

The session is left open on purpose: stopping the daemon (`docker compose stop`) then writes its
journal and report to the volume, where CI can keep them. Its id is printed as `session <id>`.
"""

import asyncio
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

import aiohttp

import mockex

API_KEY, SECRET = "demo-key", "demo-secret"  # the quickstart scenario's demo account


def call(method, url, params=None, signed=False):
    """One REST call: (status, headers, JSON body), errors included."""
    query = urllib.parse.urlencode(params or {})
    if signed:
        query += ("&" if query else "") + f"timestamp={int(time.time() * 1000)}"
        query += "&signature=" + hmac.new(SECRET.encode(), query.encode(),
                                          hashlib.sha256).hexdigest()
    request = urllib.request.Request(url + ("?" + query if query else ""), method=method,
                                     headers={"X-MBX-APIKEY": API_KEY} if signed else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.load(error)


def check(what, ok, detail=""):
    if not ok:
        raise SystemExit(f"FAILED: {what} {detail}".rstrip())
    print(f"ok  {what}", flush=True)


async def websockets(session):
    """A trade from the market stream once scenario time moves, and the WebSocket API's time."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
        async with http.ws_connect(session.ws_root + "/ws/btcusdt@trade") as ws:
            await asyncio.to_thread(session.clock.advance, "5s")
            trade = json.loads((await ws.receive(timeout=10)).data)
            check("market stream btcusdt@trade", trade.get("e") == "trade", trade)
        async with http.ws_connect(session.ws_api_url) as ws:
            await ws.send_json({"id": "t1", "method": "time"})
            answer = json.loads((await ws.receive(timeout=10)).data)
            check("WebSocket API time", answer.get("status") == 200, answer)


def main():
    client = mockex.Client()  # $MOCKEX_URL
    check("daemon ready", client.ready())
    scenario = os.environ.get("MOCKEX_EXAMPLE_SCENARIO", "quickstart")
    session = client.create_session(scenario, seed=7, clock="stepped")
    print(f"session {session.id}", flush=True)
    rest = session.rest_url + "/api/v3"

    status, _, info = call("GET", rest + "/exchangeInfo", {"symbol": "BTCUSDT"})
    check("exchangeInfo", status == 200 and info["symbols"][0]["status"] == "TRADING", info)
    status, _, depth = call("GET", rest + "/depth", {"symbol": "BTCUSDT", "limit": 5})
    check("depth", status == 200 and depth["bids"] and depth["asks"], depth)

    status, _, order = call("POST", rest + "/order", {"symbol": "BTCUSDT", "side": "BUY",
                                                      "type": "MARKET", "quantity": "0.001"},
                            signed=True)
    check("signed market order filled", status == 200 and order["status"] == "FILLED", order)
    status, _, account = call("GET", rest + "/account", signed=True)
    btc = next(b for b in account.get("balances", []) if b["asset"] == "BTC")
    check("account shows the fill", status == 200 and Decimal(btc["free"]) > 10, btc)

    with session.faults.http_error(429, "GET /api/v3/ticker/price", retry_after=1, first=1):
        status, headers, body = call("GET", rest + "/ticker/price", {"symbol": "BTCUSDT"})
        check("429 injected", status == 429 and headers["Retry-After"] == "1"
              and body["code"] == -1003, (status, body))
        time.sleep(1)  # as Retry-After asks
        status, _, body = call("GET", rest + "/ticker/price", {"symbol": "BTCUSDT"})
        check("retry served", status == 200 and body["symbol"] == "BTCUSDT", body)

    asyncio.run(websockets(session))

    report = session.report()
    check("report counts the fault", report.faults_by_kind.get("http_error") == 1,
          report.faults_by_kind)
    check("report counts the order", report.orders["placed"] == 1 and report.orders["filled"] == 1,
          report.orders)
    check("report counts the rate-limit hit", report.rate_limit_hits == 1, report.rate_limit_hits)
    print(f"mockex example client: all checks passed (session {session.id})", flush=True)


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - any failure is the client's verdict
        print(f"FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
