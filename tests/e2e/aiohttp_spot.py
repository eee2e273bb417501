"""A hand-written Binance client on aiohttp, as trading teams write them (spec §14.3): signed REST
and a combined market stream. Nothing here knows it talks to mockexd but the base URL.

Usage: /usr/bin/python3 aiohttp_spot.py http://127.0.0.1:PORT
Prints one JSON object with what it saw; exits non-zero on any failure.
"""

import asyncio
import hashlib
import hmac
import json
import sys
import time
import urllib.parse

import aiohttp

KEY, SECRET = "demo-key", "demo-secret"


def signed(params):
    query = urllib.parse.urlencode({**params, "timestamp": int(time.time() * 1000),
                                    "recvWindow": 5000})
    signature = hmac.new(SECRET.encode(), query.encode(), hashlib.sha256).hexdigest()
    return f"{query}&signature={signature}"


async def main(base):
    out = {}
    headers = {"X-MBX-APIKEY": KEY}
    async with aiohttp.ClientSession(headers=headers) as http:
        async with http.get(f"{base}/api/v3/account?{signed({})}") as response:
            response.raise_for_status()
            balances = {b["asset"]: b["free"] for b in (await response.json())["balances"]}
            out["usdt_before"] = balances["USDT"]
        async with http.get(f"{base}/api/v3/depth", params={"symbol": "BTCUSDT", "limit": 5}) as r:
            best_ask = float((await r.json())["asks"][0][0])
        body = signed({"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "IOC",
                       "quantity": "0.001", "price": f"{best_ask * 1.01:.2f}",
                       "newOrderRespType": "FULL"})
        async with http.post(f"{base}/api/v3/order", data=body,
                             headers={"Content-Type": "application/x-www-form-urlencoded"}) as r:
            order = await r.json()
            assert r.status == 200, order
            out["order"] = {"status": order["status"], "executedQty": order["executedQty"],
                            "fills": len(order["fills"])}
        async with http.get(f"{base}/api/v3/account?{signed({})}") as response:
            balances = {b["asset"]: b["free"] for b in (await response.json())["balances"]}
            out["usdt_after"] = balances["USDT"]
            out["btc_after"] = balances["BTC"]

        stream_url = base.replace("http", "ws", 1) + "/stream?streams=btcusdt@depth@100ms/btcusdt@trade"
        seen = {}
        async with http.ws_connect(stream_url) as ws:
            while len(seen) < 2:
                frame = json.loads((await asyncio.wait_for(ws.receive(), 10)).data)
                seen.setdefault(frame["stream"], frame["data"]["e"])
        out["streams"] = seen
    print(json.dumps(out))


if __name__ == "__main__":
    asyncio.run(asyncio.wait_for(main(sys.argv[1]), 60))
