"""Binance Spot market-data REST on the default session, with a real aiohttp client (spec §7)."""

import asyncio
import time
from decimal import Decimal

import aiohttp


def fetch(daemon, *paths):
    """GETs each path with one aiohttp session; resp.json() insists on a JSON content type."""
    async def run():
        async with aiohttp.ClientSession() as client:
            out = []
            for path in paths:
                async with client.get(daemon.url + path) as response:
                    out.append((response.status, dict(response.headers), await response.json()))
            return out
    return asyncio.run(run())


def test_ping_time_and_weight_headers(daemon):
    before = int(time.time() * 1000)
    (ping_status, ping_headers, ping), (_, time_headers, server) = fetch(
        daemon, "/api/v3/ping", "/api/v3/time")
    after = int(time.time() * 1000)
    assert ping_status == 200 and ping == {}
    assert ping_headers["Content-Type"] == "application/json;charset=UTF-8"
    assert ping_headers["X-MBX-USED-WEIGHT-1M"] == "1"
    assert time_headers["X-MBX-USED-WEIGHT-1M"] == "2"
    # The quickstart scenario starts `now` and runs in real time: server time is wall time.
    assert before - 1000 <= server["serverTime"] <= after + 1000


def test_exchange_info_describes_the_scenario_instruments(daemon):
    [(status, _, info)] = fetch(daemon, "/api/v3/exchangeInfo")
    assert status == 200
    assert info["timezone"] == "UTC"
    symbols = {s["symbol"]: s for s in info["symbols"]}
    assert set(symbols) == {"BTCUSDT", "ETHUSDT"}
    btc = symbols["BTCUSDT"]
    assert (btc["baseAsset"], btc["quoteAsset"], btc["status"]) == ("BTC", "USDT", "TRADING")
    filters = {f["filterType"]: f for f in btc["filters"]}
    assert {"PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "NOTIONAL"} <= set(filters)
    assert Decimal(filters["PRICE_FILTER"]["tickSize"]) > 0
    assert "contractType" not in btc  # would make ccxt treat it as a contract (spec §6.3)
    assert {"rateLimitType": "REQUEST_WEIGHT", "interval": "MINUTE", "intervalNum": 1,
            "limit": 6000} in info["rateLimits"]


def test_depth_is_a_consistent_moving_book(daemon):
    [(status, headers, first)] = fetch(daemon, "/api/v3/depth?symbol=BTCUSDT&limit=5")
    assert status == 200
    assert headers["X-MBX-USED-WEIGHT-1M"] == "5"
    bids = [(Decimal(p), Decimal(q)) for p, q in first["bids"]]
    asks = [(Decimal(p), Decimal(q)) for p, q in first["asks"]]
    assert len(bids) == 5 and len(asks) == 5
    assert bids == sorted(bids, reverse=True) and asks == sorted(asks)
    assert bids[0][0] < asks[0][0], "never crossed"
    assert all(q > 0 for _, q in bids + asks)
    # Prices are strings padded to the asset precision, never exponent notation.
    assert all(len(p.split(".")[1]) == 8 for p, _ in first["bids"])
    deadline = time.monotonic() + 10
    while True:
        [(_, _, later)] = fetch(daemon, "/api/v3/depth?symbol=BTCUSDT&limit=5")
        if later["lastUpdateId"] > first["lastUpdateId"] or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert later["lastUpdateId"] > first["lastUpdateId"], "the random-walk market moves"


def test_tickers_single_and_all(daemon):
    (_, _, one), (_, _, every), (_, _, some) = fetch(
        daemon, "/api/v3/ticker/bookTicker?symbol=ETHUSDT", "/api/v3/ticker/price",
        '/api/v3/ticker/price?symbols=%5B%22BTCUSDT%22%5D')
    assert one["symbol"] == "ETHUSDT"
    assert Decimal(one["bidPrice"]) < Decimal(one["askPrice"])
    assert sorted(t["symbol"] for t in every) == ["BTCUSDT", "ETHUSDT"]
    assert [t["symbol"] for t in some] == ["BTCUSDT"]
    assert all(Decimal(t["price"]) > 0 for t in every)


def test_errors_carry_binance_codes_and_exact_messages(daemon):
    results = fetch(daemon, "/api/v3/depth?symbol=NOPE", "/api/v3/depth",
                    "/api/v3/depth?symbol=btcusdt",
                    "/api/v3/ticker/price?symbol=BTCUSDT&symbols=%5B%5D",
                    "/s/no-such-session/api/v3/ping")
    assert [(s, b["code"]) for s, _, b in results] == [
        (400, -1121), (400, -1102), (400, -1100), (400, -1128), (404, -1000)]
    assert results[0][2]["msg"] == "Invalid symbol."
    assert results[1][2]["msg"] == ("Mandatory parameter 'symbol' was not sent, was empty/null, "
                                    "or malformed.")


def test_ccxt_load_markets_extras_answer(daemon):
    results = fetch(daemon, "/fapi/v1/exchangeInfo", "/dapi/v1/exchangeInfo",
                    "/sapi/v1/system/status")
    assert [s for s, _, _ in results] == [200, 200, 200]
    assert results[0][2]["symbols"] == []
    assert results[2][2] == {"status": 0, "msg": "normal"}


def wait_for_trades(daemon, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        [(_, _, trades)] = fetch(daemon, "/api/v3/trades?symbol=BTCUSDT&limit=5")
        if trades:
            return trades
        time.sleep(0.1)
    raise AssertionError("the quickstart market printed no trade")


def test_market_trades_feed_trades_aggtrades_klines_and_tickers(daemon):
    trades = wait_for_trades(daemon)
    ids = [t["id"] for t in trades]
    assert ids == sorted(ids)
    for t in trades:
        assert Decimal(t["quoteQty"]) == Decimal(t["price"]) * Decimal(t["qty"])
    (_, _, aggs), (_, _, klines), (_, _, ticker), (_, _, mini), (_, _, avg) = fetch(
        daemon, "/api/v3/aggTrades?symbol=BTCUSDT&limit=5",
        "/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=3",
        "/api/v3/ticker/24hr?symbol=BTCUSDT", "/api/v3/ticker/24hr?symbol=BTCUSDT&type=MINI",
        "/api/v3/avgPrice?symbol=BTCUSDT")
    assert aggs and all(a["M"] is True for a in aggs)
    assert all(a["f"] <= a["l"] for a in aggs)
    assert klines and all(len(k) == 12 for k in klines)
    last = klines[-1]
    assert last[6] - last[0] == 59_999  # closeTime = openTime + interval - 1
    assert Decimal(last[3]) <= Decimal(last[4]) <= Decimal(last[2])  # low <= close <= high
    # ccxt reads a ticker as spot when bidQty is present and time is absent (spec §7.2).
    assert "bidQty" in ticker and "time" not in ticker
    assert ticker["count"] >= 1 and ticker["lastId"] >= ticker["firstId"]
    assert "bidQty" not in mini and "priceChange" not in mini
    assert avg["mins"] == 5 and Decimal(avg["price"]) > 0


def test_kline_and_ticker_parameter_errors(daemon):
    results = fetch(daemon, "/api/v3/klines?symbol=BTCUSDT&interval=2m",
                    "/api/v3/klines?symbol=BTCUSDT", "/api/v3/trades?symbol=BTCUSDT&limit=x",
                    "/api/v3/ticker?symbol=BTCUSDT&windowSize=9y")
    assert [b["code"] for _, _, b in results] == [-1120, -1102, -1100, -1100]


def test_unsupported_operations_and_unknown_paths_answer_in_binance_shape(daemon):
    async def run():
        async with aiohttp.ClientSession() as client:
            out = []
            for method, path in (("POST", "/api/v3/order/oco"), ("POST", "/api/v3/sor/order"),
                                 ("POST", "/api/v3/orderList/oto"),
                                 ("GET", "/api/v3/nonsense"), ("PUT", "/api/v3/order"),
                                 ("GET", "/sapi/v1/nonsense")):
                async with client.request(method, daemon.url + path) as response:
                    out.append((response.status, response.headers["Content-Type"],
                                await response.json()))
            return out
    results = asyncio.run(run())
    for status, content_type, body in results[:3]:
        assert (status, body) == (400, {"code": -1000, "msg": "This operation is not supported."})
        assert content_type == "application/json;charset=UTF-8"
    assert results[3][:1] == (404,)
    assert results[3][2] == {"code": -1000, "msg": "Unknown path: /api/v3/nonsense"}
    assert [r[0] for r in results[4:]] == [404, 404]
