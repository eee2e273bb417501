"""The Binance WebSocket API (/ws-api/v3) and user data (spec §11, §7.5) over real sockets.

Requests are signed the way the clients sign them (spec §11.3): every param but `signature`,
sorted by name, joined as k=v with JSON numbers as their literal text, HMAC-SHA256 with the
quickstart demo account's secret. Orders that produce user data events go through REST, as a
client that trades over REST and watches over the WS API does.
"""

import asyncio
import hashlib
import hmac
import json
import time
import urllib.parse
from decimal import Decimal

import aiohttp
import pytest

from conftest import QUIET

KEY, SECRET = "demo-key", "demo-secret"


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 60))


def now_ms():
    return int(time.time() * 1000)


def json_text(value):
    """A param as the signature sees it: strings unquoted, everything else its JSON text."""
    return value if isinstance(value, str) else json.dumps(value)


def sign(params, secret=SECRET):
    payload = "&".join(f"{k}={json_text(params[k])}" for k in sorted(params))
    return dict(params, signature=hmac.new(secret.encode(), payload.encode(),
                                           hashlib.sha256).hexdigest())


def signed_params(**params):
    return sign(dict({"apiKey": KEY, "timestamp": now_ms()}, **params))


class WsApi:
    """One WS API connection: requests by id, with user data events kept apart in order."""

    def __init__(self, ws):
        self.ws = ws
        self.events = []
        self.next_id = 1

    async def receive(self, timeout=10):
        message = await asyncio.wait_for(self.ws.receive(), timeout)
        assert message.type == aiohttp.WSMsgType.TEXT, message
        return json.loads(message.data)

    async def send_raw(self, text, id_value):
        await self.ws.send_str(text)
        while True:
            payload = await self.receive()
            if "event" in payload and "subscriptionId" in payload:
                self.events.append(payload)
            elif payload.get("id") == id_value:
                return payload
            else:
                raise AssertionError(f"unexpected message {payload}")

    async def call(self, method, params=None, id_value=None):
        if id_value is None:
            id_value = self.next_id
            self.next_id += 1
        request = {"id": id_value, "method": method}
        if params is not None:
            request["params"] = params
        return await self.send_raw(json.dumps(request), id_value)

    async def event(self, timeout=10):
        """The next user data event (its subscriptionId checked by the caller)."""
        if not self.events:
            payload = await self.receive(timeout)
            assert "event" in payload, payload
            self.events.append(payload)
        return self.events.pop(0)

    async def events_until(self, predicate, timeout=10):
        got = []
        while not got or not predicate(got[-1]["event"]):
            got.append(await self.event(timeout))
        return got


async def rest(client, daemon, method, path, params, prefix=""):
    params = dict(params, timestamp=now_ms(), recvWindow=5000)
    query = urllib.parse.urlencode(params)
    query += "&signature=" + hmac.new(SECRET.encode(), query.encode(), hashlib.sha256).hexdigest()
    async with client.request(method, daemon.url + prefix + path + "?" + query,
                              headers={"X-MBX-APIKEY": KEY}) as response:
        return response.status, await response.json()


async def book_ticker(client, daemon):
    async with client.get(daemon.url + "/api/v3/ticker/bookTicker?symbol=BTCUSDT") as response:
        ticker = await response.json()
    return Decimal(ticker["bidPrice"]), Decimal(ticker["askPrice"])


def price_text(value):
    return str(value.quantize(Decimal("0.01")))


async def limit_buy(client, daemon, client_id, price, tif="GTC"):
    status, placed = await rest(client, daemon, "POST", "/api/v3/order", {
        "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": tif,
        "quantity": "0.001", "price": price_text(price), "newClientOrderId": client_id})
    assert status == 200, placed
    return placed


def with_ws_api(daemon, body, stepped=False):
    """Runs `await body(client, api)` with an HTTP client and one WS API connection: to the
    default session, or to a new stepped one (whose rate-limit windows never roll over)."""
    async def scenario():
        async with aiohttp.ClientSession() as client:
            url = daemon.ws_url + "/ws-api/v3"
            if stepped:
                async with client.post(daemon.url + "/_mockex/v1/sessions",
                                       json={"scenario": "quickstart", "clock": "stepped"}) as r:
                    assert r.status == 201, await r.text()
                    url = (await r.json())["ws_api_url"]
            async with client.ws_connect(url) as ws:
                await body(client, WsApi(ws))
    run(scenario())


def kinds(events):
    out = []
    for wrapped in events:
        event = wrapped["event"]
        out.append(event["e"] + (":" + event["x"] if event["e"] == "executionReport" else ""))
    return out


def test_envelope_echoes_ids_with_their_json_type_and_carries_rate_limits(daemon):
    async def body(client, api):
        pong = await api.call("ping", id_value="abc-1")
        assert list(pong) == ["id", "status", "result", "rateLimits"]
        assert pong["id"] == "abc-1" and pong["status"] == 200 and pong["result"] == {}
        [weight] = pong["rateLimits"]
        assert weight["rateLimitType"] == "REQUEST_WEIGHT"
        assert (weight["interval"], weight["intervalNum"], weight["limit"]) == \
            ("MINUTE", 1, 6000)
        assert weight["count"] == 3  # the connection (2) and this ping (1)
        server_time = await api.call("v3/time", id_value=7)
        assert server_time["id"] == 7 and isinstance(server_time["id"], int)
        assert abs(server_time["result"]["serverTime"] - now_ms()) < 5000
        assert server_time["rateLimits"][0]["count"] == weight["count"] + 1
        unnamed = await api.send_raw('{"id":null,"method":"ping"}', None)
        assert unnamed["id"] is None and unnamed["status"] == 200
        quiet = await api.call("ping", {"returnRateLimits": False})
        assert "rateLimits" not in quiet
        async with client.ws_connect(daemon.ws_url + "/ws-api/v3?returnRateLimits=false") as ws:
            quiet = WsApi(ws)
            assert "rateLimits" not in await quiet.call("ping")
            status = await quiet.call("session.status")
            assert status["result"]["returnRateLimits"] is False
            assert status["result"]["apiKey"] is None
    with_ws_api(daemon, body, stepped=True)


def test_signature_covers_sorted_params_with_a_json_float_kept_as_sent(daemon):
    async def body(client, api):
        bid, _ = await book_ticker(client, daemon)
        price = price_text(bid * Decimal("0.9"))
        params = signed_params(symbol="BTCUSDT", side="BUY", type="LIMIT",
                               timeInForce="GTC", quantity=0.001, price=price,
                               newClientOrderId="ws-float-1", recvWindow=5000)
        text = json.dumps({"id": "place-1", "method": "order.place", "params": params})
        assert '"quantity": 0.001' in text  # a JSON number, signed as its text
        placed = await api.send_raw(text, "place-1")
        assert placed["status"] == 200, placed
        result = placed["result"]
        assert result["status"] == "NEW" and result["clientOrderId"] == "ws-float-1"
        assert Decimal(result["origQty"]) == Decimal("0.001") and result["fills"] == []
        # order.place reports the account's order counts too.
        limit_types = [limit["rateLimitType"] for limit in placed["rateLimits"]]
        assert limit_types == ["ORDERS", "ORDERS", "REQUEST_WEIGHT"]
        assert placed["rateLimits"][0]["count"] >= 1
        found = await api.call("order.status", signed_params(
            symbol="BTCUSDT", orderId=result["orderId"]))
        assert found["status"] == 200 and found["result"]["status"] == "NEW"
        listed = await api.call("openOrders.status", signed_params(symbol="BTCUSDT"))
        assert result["orderId"] in [o["orderId"] for o in listed["result"]]
        canceled = await api.call("order.cancel", signed_params(
            symbol="BTCUSDT", origClientOrderId="ws-float-1",
            newClientOrderId="ws-cancel-1"))
        assert canceled["status"] == 200, canceled
        assert canceled["result"]["status"] == "CANCELED"
        assert canceled["result"]["origClientOrderId"] == "ws-float-1"
        assert canceled["result"]["clientOrderId"] == "ws-cancel-1"
        none_open = await api.call("openOrders.cancelAll", signed_params(symbol="BTCUSDT"))
        assert none_open["status"] == 400 and none_open["error"]["code"] == -2011
        account = await api.call("account.status", signed_params())
        assert account["status"] == 200
        assert {b["asset"] for b in account["result"]["balances"]} >= {"BTC", "USDT"}
    with_ws_api(daemon, body)


def test_signing_and_timing_errors(daemon):
    async def body(client, api):
        bad = signed_params()
        bad["signature"] = "0" * 64
        reply = await api.call("account.status", bad)
        assert reply["status"] == 400
        assert reply["error"] == {"code": -1022,
                                  "msg": "Signature for this request is not valid."}
        # A signed float re-printed differently would not verify: 0.0010 is not 0.001.
        tampered = signed_params(symbol="BTCUSDT", quantity=0.001)
        text = json.dumps({"id": 9, "method": "order.status", "params": tampered})
        reply = await api.send_raw(text.replace("0.001", "0.0010"), 9)
        assert reply["error"]["code"] == -1022
        stale = sign({"apiKey": KEY, "timestamp": now_ms() - 10_000, "recvWindow": 5000})
        reply = await api.call("account.status", stale)
        assert reply["status"] == 400
        assert reply["error"] == {
            "code": -1021, "msg": "Timestamp for this request is outside of the recvWindow."}
        reply = await api.call("account.status", sign({"apiKey": "nobody",
                                                        "timestamp": now_ms()}))
        assert reply["status"] == 401 and reply["error"]["code"] == -2015
        reply = await api.call("account.status", {"apiKey": KEY, "timestamp": now_ms()})
        assert reply["error"]["code"] == -1102 and "'signature'" in reply["error"]["msg"]
    with_ws_api(daemon, body)


def test_user_data_follows_each_order_with_the_exact_event_sequence(daemon):
    async def body(client, api):
        subscribed = await api.call("userDataStream.subscribe.signature",
                                    signed_params(recvWindow=10000))
        assert subscribed["status"] == 200, subscribed
        assert subscribed["result"] == {"subscriptionId": 0}
        bid, ask = await book_ticker(client, daemon)

        # A limit order that rests: NEW (C empty), then the quote it locks.
        resting = await limit_buy(client, daemon, "ud-rest-1", bid * Decimal("0.9"))
        got = await api.events_until(lambda e: e["e"] == "outboundAccountPosition")
        assert kinds(got) == ["executionReport:NEW", "outboundAccountPosition"]
        assert all(e["subscriptionId"] == 0 for e in got)
        new = got[0]["event"]
        assert (new["X"], new["c"], new["C"], new["i"]) == \
            ("NEW", "ud-rest-1", "", resting["orderId"])
        assert (new["s"], new["S"], new["o"], new["f"]) == ("BTCUSDT", "BUY", "LIMIT", "GTC")
        assert new["N"] is None and new["t"] == -1 and new["w"] is True
        [usdt] = got[1]["event"]["B"]
        assert usdt["a"] == "USDT" and Decimal(usdt["l"]) > 0

        # A limit order through the ask: NEW, TRADE(s) with the fill, then both assets.
        await limit_buy(client, daemon, "ud-take-1", ask * Decimal("1.01"))
        got = await api.events_until(lambda e: e["e"] == "outboundAccountPosition")
        assert kinds(got)[0] == "executionReport:NEW"
        assert set(kinds(got)[1:-1]) == {"executionReport:TRADE"}
        assert kinds(got)[-1] == "outboundAccountPosition"
        trade = got[-2]["event"]
        assert trade["X"] == "FILLED" and Decimal(trade["z"]) == Decimal("0.001")
        assert Decimal(trade["l"]) > 0 and Decimal(trade["L"]) > 0
        assert Decimal(trade["n"]) > 0 and trade["N"] == "BTC"
        assert trade["t"] > 0 and trade["m"] is False and Decimal(trade["Y"]) > 0
        assert {b["a"] for b in got[-1]["event"]["B"]} == {"BTC", "USDT"}

        # A user cancel: c is the cancel's id and C the order's.
        status, _ = await rest(client, daemon, "DELETE", "/api/v3/order", {
            "symbol": "BTCUSDT", "origClientOrderId": "ud-rest-1",
            "newClientOrderId": "ud-cancel-1"})
        assert status == 200
        got = await api.events_until(lambda e: e["e"] == "outboundAccountPosition")
        assert kinds(got) == ["executionReport:CANCELED", "outboundAccountPosition"]
        canceled = got[0]["event"]
        assert (canceled["X"], canceled["c"], canceled["C"]) == \
            ("CANCELED", "ud-cancel-1", "ud-rest-1")

        # An IOC that cannot fill: NEW, then EXPIRED with its reason.
        await limit_buy(client, daemon, "ud-ioc-1", bid * Decimal("0.9"), tif="IOC")
        got = await api.events_until(lambda e: e["e"] == "executionReport"
                                     and e["x"] == "EXPIRED")
        assert kinds(got) == ["executionReport:NEW", "executionReport:EXPIRED"]
        expired = got[1]["event"]
        assert expired["X"] == "EXPIRED" and expired["c"] == "ud-ioc-1"
        assert expired["eR"] == "UNFILLED_IOC_QUANTITY_EXPIRED"

        # An admin deposit: balanceUpdate, then the new balance.
        async with client.post(
                daemon.url + "/_mockex/v1/sessions/default/balances/deposit",
                json={"account": KEY, "asset": "USDT", "amount": "12.5"}) as response:
            assert response.status == 200, await response.text()
        got = await api.events_until(lambda e: e["e"] == "balanceUpdate")
        # Whatever the IOC's release reported comes first.
        assert set(kinds(got)[:-1]) <= {"outboundAccountPosition"}
        update = got[-1]["event"]
        assert update["a"] == "USDT" and Decimal(update["d"]) == Decimal("12.5")
        position = (await api.event())["event"]
        assert position["e"] == "outboundAccountPosition"
        assert position["B"][0]["a"] == "USDT"
    with_ws_api(daemon, body)


def test_subscriptions_are_one_per_account_per_connection_and_end_with_a_terminated_event(daemon):
    async def body(client, api):
        first = await api.call("userDataStream.subscribe.signature", signed_params())
        assert first["result"] == {"subscriptionId": 0}
        again = await api.call("userDataStream.subscribe.signature", signed_params())
        assert again["status"] == 400
        assert again["error"] == {"code": -2035,
                                  "msg": "User Data Stream subscription already active."}
        listed = await api.call("session.subscriptions")
        assert listed["result"] == [{"subscriptionId": 0}]
        ended = await api.call("userDataStream.unsubscribe", {"subscriptionId": 0})
        assert ended["status"] == 200 and ended["result"] == {}
        terminated = await api.event()
        assert terminated["subscriptionId"] == 0
        assert terminated["event"]["e"] == "eventStreamTerminated"
        assert isinstance(terminated["event"]["E"], int)
        assert (await api.call("session.subscriptions"))["result"] == []
        # Ids go on counting on this connection.
        renewed = await api.call("userDataStream.subscribe.signature", signed_params())
        assert renewed["result"] == {"subscriptionId": 1}
        bid, _ = await book_ticker(client, daemon)
        await limit_buy(client, daemon, "sub-rest-1", bid * Decimal("0.9"))
        assert (await api.event())["subscriptionId"] == 1
    with_ws_api(daemon, body)


def test_subscribe_needs_a_logged_on_session(daemon):
    async def body(client, api):
        refused = await api.call("userDataStream.subscribe")
        assert refused["status"] == 401 and refused["error"]["code"] == -2015
        logon = await api.call("session.logon", signed_params())
        assert logon["status"] == 200, logon
        assert logon["result"]["apiKey"] == KEY
        assert logon["result"]["userDataStream"] is False
        subscribed = await api.call("userDataStream.subscribe")
        assert subscribed["result"] == {"subscriptionId": 0}
        status = await api.call("session.status")
        assert status["result"]["userDataStream"] is True
        assert status["result"]["authorizedSince"] >= status["result"]["connectedSince"]
        # A logged-on session may leave apiKey and signature out.
        account = await api.call("account.status", {"timestamp": now_ms()})
        assert account["status"] == 200, account
        out = await api.call("session.logout")
        assert out["result"]["apiKey"] is None
        again = await api.call("userDataStream.subscribe")
        assert again["error"]["code"] == -2015
    with_ws_api(daemon, body)


def test_legacy_listen_key_sockets_carry_the_events_unwrapped_or_combined(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.post(daemon.url + "/api/v3/userDataStream",
                                   headers={"X-MBX-APIKEY": KEY}) as response:
                key = (await response.json())["listenKey"]
            async with client.ws_connect(daemon.ws_url + "/ws/" + key) as raw, \
                    client.ws_connect(daemon.ws_url + "/stream?streams=" + key) as combined:
                await asyncio.sleep(0.2)  # both sockets are open on the session's strand
                bid, _ = await book_ticker(client, daemon)
                placed = await limit_buy(client, daemon, "lk-rest-1", bid * Decimal("0.9"))
                report = json.loads((await asyncio.wait_for(raw.receive(), 10)).data)
                assert report["e"] == "executionReport" and report["x"] == "NEW"
                assert report["i"] == placed["orderId"] and report["c"] == "lk-rest-1"
                position = json.loads((await asyncio.wait_for(raw.receive(), 10)).data)
                assert position["e"] == "outboundAccountPosition"
                wrapped = json.loads((await asyncio.wait_for(combined.receive(), 10)).data)
                assert wrapped == {"stream": key, "data": report}
    run(scenario())


def test_an_expired_listen_key_ends_its_sockets_data_with_listen_key_expired(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            # No market: an hour of scenario time passes at once, even under sanitizers.
            still = QUIET.split("market:")[0]
            async with client.post(daemon.url + "/_mockex/v1/sessions",
                                   json={"scenario_yaml": still, "clock": "stepped"}) as r:
                assert r.status == 201
                session = await r.json()
            prefix = "/s/" + session["id"]
            async with client.post(daemon.url + prefix + "/api/v3/userDataStream",
                                   headers={"X-MBX-APIKEY": KEY}) as response:
                key = (await response.json())["listenKey"]
            async with client.ws_connect(daemon.ws_url + prefix + "/ws/" + key) as ws:
                await asyncio.sleep(0.2)
                admin = daemon.url + "/_mockex/v1/sessions/" + session["id"]
                async with client.post(admin + "/clock/advance", json={"by": "61m"}) as r:
                    assert r.status == 200, await r.text()
                expired = json.loads((await asyncio.wait_for(ws.receive(), 30)).data)
                assert expired["e"] == "listenKeyExpired" and expired["listenKey"] == key
    run(scenario())


def test_bad_input_is_answered_and_never_drops_the_connection(daemon):
    async def body(client, api):
        for text in ("not json", "[1,2]", '"ping"', '{"method":"ping","params":[1]}',
                     '{"id":{"a":1},"method":"ping"}'):
            reply = await api.send_raw(text, None)
            assert reply["status"] == 400 and reply["error"]["code"] < 0, (text, reply)
        missing = await api.send_raw('{"id":3}', 3)
        assert missing["status"] == 400 and "method" in missing["error"]["msg"]
        unknown = await api.call("order.teleport", {})
        assert unknown["status"] == 400 and unknown["error"]["code"] == -1000
        typed = await api.call("order.status", signed_params(symbol=123, orderId="x"))
        assert typed["status"] == 400 and typed["error"]["code"] == -1121
        wrong = await api.call("order.place", signed_params(
            symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="GTC",
            quantity=[1], price=True))
        assert wrong["status"] == 400 and wrong["error"]["code"] == -1100
        subscription = await api.call("userDataStream.unsubscribe",
                                      {"subscriptionId": "zero"})
        assert subscription["status"] == 400
        assert (await api.call("ping"))["status"] == 200
    with_ws_api(daemon, body)


def test_ws_api_serves_other_sessions_and_closes_on_reset(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.post(daemon.url + "/_mockex/v1/sessions",
                                   json={"scenario": "quickstart"}) as r:
                session = await r.json()
            async with client.ws_connect(session["ws_api_url"]) as ws:
                api = WsApi(ws)
                assert (await api.call("ping"))["status"] == 200
                admin = daemon.url + "/_mockex/v1/sessions/" + session["id"]
                async with client.post(admin + "/reset") as r:
                    assert r.status == 200, await r.text()
                closed = await asyncio.wait_for(ws.receive(), 10)
                assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
                assert ws.close_code == 1012
    run(scenario())
