"""The exchange, the old way: hand-written Binance answers served by aioresponses, which patches
aiohttp's ClientSession._request. Nothing listens anywhere; every answer below is what the test
author believes Binance would say, and nothing checks that belief (signatures, timestamps,
balances, whether an order exists)."""

import asyncio
import re
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl

from aioresponses import CallbackResult

BASE = "http://exchange.test"
WS_BASE = "ws://exchange.test"
ACCOUNT_BALANCES = [{"asset": "BTC", "free": "10.00000000", "locked": "0.00000000"},
                    {"asset": "USDT", "free": "100000.00000000", "locked": "0.00000000"}]
EXCHANGE_INFO = {"symbols": [{"symbol": "BTCUSDT", "filters": [
    {"filterType": "PRICE_FILTER", "minPrice": "0.01000000", "maxPrice": "1000000.00000000",
     "tickSize": "0.01000000"}]}]}


@dataclass
class Sent:
    method: str
    path: str
    params: dict
    at: float           # loop time when the stub was called


class StubExchange:
    """Register answers with on(); read what the bot sent, in order, from `sent`."""

    def __init__(self, mock):
        self.mock = mock
        self.sent = []

    def on(self, method, path, payload=None, *, status=200, headers=None, repeat=False,
           exception=None, delay=0.0):
        async def reply(url, **kwargs):
            params = dict(url.query) | dict(parse_qsl(kwargs.get("data") or ""))
            self.sent.append(Sent(method, url.path, params, asyncio.get_running_loop().time()))
            if delay:
                await asyncio.sleep(delay)      # in-process: no socket, no client timeout
            return CallbackResult(status=status, payload=payload, headers=headers)
        pattern = re.compile(re.escape(BASE + path) + r"(\?.*)?$")
        self.mock.add(pattern, method, callback=reply, repeat=repeat, exception=exception)

    def requests(self, method, path):
        return [s for s in self.sent if (s.method, s.path) == (method, path)]

    def one_lookup_by_client_order_id(self):
        """The one POST and the one GET /api/v3/order, checking the lookup asked for the client
        order id the order was sent with."""
        [post] = self.requests("POST", "/api/v3/order")
        [lookup] = self.requests("GET", "/api/v3/order")
        assert lookup.params["origClientOrderId"] == post.params["newClientOrderId"]

    def startup(self, server_time_offset_ms=0):
        self.on("GET", "/api/v3/time",
                {"serverTime": int(time.time() * 1000) + server_time_offset_ms})
        self.on("GET", "/api/v3/exchangeInfo", EXCHANGE_INFO)
        self.on("GET", "/api/v3/account", {"balances": ACCOUNT_BALANCES, "updateTime": 0})


def order(client_order_id, price, status="NEW", order_id=1, **extra):
    """An order as GET/POST /api/v3/order returns it."""
    return {"symbol": "BTCUSDT", "orderId": order_id, "clientOrderId": client_order_id,
            "price": str(price), "origQty": "0.00100000", "executedQty": "0.00000000",
            "status": status, "side": "BUY", "type": "LIMIT", "timeInForce": "GTC", **extra}


def error(code, msg):
    return {"code": code, "msg": msg}


def execution_report(client_order_id, price, status, order_id=1, original_id=""):
    """A user data executionReport, typed out by hand (no stream to receive one from)."""
    return {"e": "executionReport", "s": "BTCUSDT", "c": client_order_id, "C": original_id,
            "S": "BUY", "q": "0.00100000", "p": str(price), "x": status, "X": status,
            "i": order_id, "z": "0.00000000"}


def book_ticker(bid, ask):
    return {"u": 1, "s": "BTCUSDT", "b": str(bid), "B": "1", "a": str(ask), "A": "1"}
