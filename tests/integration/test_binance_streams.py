"""Binance Spot market streams (spec §10, §12) over real sockets with aiohttp."""

import asyncio
import json
from decimal import Decimal

import aiohttp
import pytest

from conftest import QUIET



def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 60))


async def receive_json(ws, timeout=10):
    message = await asyncio.wait_for(ws.receive(), timeout)
    assert message.type == aiohttp.WSMsgType.TEXT, message
    return json.loads(message.data)


async def until(ws, predicate, timeout=10):
    """The first message matching `predicate`; the others are dropped."""
    async def wait():
        while True:
            payload = await receive_json(ws, timeout)
            if predicate(payload):
                return payload
    return await asyncio.wait_for(wait(), timeout)


async def create_session(client, daemon, **body):
    async with client.post(daemon.url + "/_mockex/v1/sessions", json=body) as response:
        assert response.status == 201, await response.text()
        return await response.json()


def test_raw_stream_in_the_url_carries_binance_trade_payloads(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/ws/btcusdt@trade") as ws:
                trade = await receive_json(ws)
                assert trade["e"] == "trade" and trade["s"] == "BTCUSDT" and trade["M"] is True
                assert isinstance(trade["t"], int) and isinstance(trade["E"], int)
                assert isinstance(trade["m"], bool)
                assert Decimal(trade["p"]) > 0 and Decimal(trade["q"]) > 0
                assert len(trade["p"].split(".")[1]) == 8  # padded as Binance does
    run(scenario())


def test_combined_stream_and_every_control_message(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/stream?streams=btcusdt@bookTicker") as ws:
                frame = await receive_json(ws)
                assert frame["stream"] == "btcusdt@bookTicker"
                assert set(frame["data"]) == {"u", "s", "b", "B", "a", "A"}
                await ws.send_str('{"method":"SUBSCRIBE","params":["ETHUSDT@trade"],"id":1}')
                assert await until(ws, lambda m: "id" in m) == {"result": None, "id": 1}
                await ws.send_str('{"method":"LIST_SUBSCRIPTIONS","id":"ab-1"}')
                assert await until(ws, lambda m: "id" in m) == {
                    "result": ["btcusdt@bookTicker", "ethusdt@trade"], "id": "ab-1"}
                await ws.send_str('{"method":"SET_PROPERTY","params":["combined",false],"id":2}')
                assert await until(ws, lambda m: "id" in m) == {"result": None, "id": 2}
                await asyncio.sleep(1.1)  # the control limit is five messages a second
                await ws.send_str('{"method":"GET_PROPERTY","params":["combined"],"id":3}')
                assert await until(ws, lambda m: "id" in m) == {"result": False, "id": 3}
                raw = await until(ws, lambda m: "stream" not in m and "id" not in m)
                assert raw.get("e") == "trade" or {"u", "b", "a"} <= set(raw)
                await ws.send_str('{"method":"UNSUBSCRIBE","params":["btcusdt@bookTicker"],"id":4}')
                assert await until(ws, lambda m: "id" in m) == {"result": None, "id": 4}
    run(scenario())


@pytest.mark.parametrize("message, reply", [
    ('{"method":"SUBSCRIBE","params":["btcusdt@nonsense"],"id":1}',
     {"error": {"code": 2, "msg": "Invalid request: invalid stream"}, "id": 1}),
    ('{"method":"SUBSCRIBE","params":["dogeusdt@trade"],"id":"x"}',
     {"error": {"code": 2, "msg": "Invalid request: invalid stream"}, "id": "x"}),
    ('{"method":"SET_PROPERTY","params":["colour",true],"id":2}',
     {"code": 0, "msg": "Unknown property", "id": 2}),
    ('{"method":"SET_PROPERTY","params":["combined","yes"],"id":3}',
     {"code": 1, "msg": "Invalid value type: expected Boolean", "id": 3}),
    ('{"method":"FLY","id":4}', {"code": 2, "msg": "Invalid request: unknown method", "id": 4}),
    ('{"method":', {"code": 3, "msg": "Invalid JSON: expected a JSON object", "id": None}),
])
def test_bad_control_messages_get_binance_errors_and_keep_the_connection(daemon, message, reply):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/ws/0") as ws:  # ccxt's counter path
                await ws.send_str(message)
                assert await receive_json(ws) == reply
                await ws.send_str('{"method":"LIST_SUBSCRIPTIONS","id":9}')
                assert await receive_json(ws) == {"result": [], "id": 9}
    run(scenario())


def test_a_sixth_message_within_a_second_closes_the_connection(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/ws") as ws:
                for i in range(6):
                    await ws.send_str('{"method":"LIST_SUBSCRIPTIONS","id":%d}' % i)
                replies = 0
                while True:
                    message = await asyncio.wait_for(ws.receive(), 10)
                    if message.type != aiohttp.WSMsgType.TEXT:
                        break
                    replies += 1
                assert replies == 5
                assert ws.close_code == 1008
    run(scenario())


class LocalBook:
    """Binance's documented procedure (spec §12.1), strict on U = previous u + 1 like ccxt."""

    def __init__(self, snapshot):
        self.id = snapshot["lastUpdateId"]
        self.bids = {p: q for p, q in snapshot["bids"]}
        self.asks = {p: q for p, q in snapshot["asks"]}
        self.synced = False
        self.previous_u = None

    def apply(self, event):
        first, last = event["U"], event["u"]
        if self.previous_u is not None:
            assert first == self.previous_u + 1, "gap"
        self.previous_u = last
        if last <= self.id:
            return
        if not self.synced:
            assert first <= self.id + 1 <= last
            self.synced = True
        for side, levels in ((self.bids, event["b"]), (self.asks, event["a"])):
            for price, qty in levels:
                if Decimal(qty) == 0:
                    side.pop(price, None)
                else:
                    side[price] = qty
        self.id = last


def test_depth_stream_and_rest_snapshots_share_one_gap_free_update_id(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            session = await create_session(client, daemon, scenario_yaml=QUIET)
            rest = session["rest_url"]
            async with client.ws_connect(session["ws_url"]) as ws:
                await ws.send_str('{"method":"SUBSCRIBE","params":["btcusdt@depth@100ms"],"id":1}')
                assert await receive_json(ws) == {"result": None, "id": 1}
                async with client.get(rest + "/api/v3/depth?symbol=BTCUSDT&limit=1000") as r:
                    book = LocalBook(await r.json())
                compared = 0
                for _ in range(40):
                    event = await receive_json(ws)
                    assert event["e"] == "depthUpdate" and "pu" not in event
                    book.apply(event)
                    if not book.synced:
                        continue
                    async with client.get(rest + "/api/v3/depth?symbol=BTCUSDT&limit=1000") as r:
                        fresh = await r.json()
                    if fresh["lastUpdateId"] == book.id:
                        assert book.bids == {p: q for p, q in fresh["bids"]}
                        assert book.asks == {p: q for p, q in fresh["asks"]}
                        compared += 1
                        if compared == 3:
                            break
                assert compared == 3, "never caught the book between two events"
    run(scenario())


def test_sessions_stream_their_own_market_under_their_prefix(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            stepped = await create_session(client, daemon, scenario="quickstart", clock="stepped")
            assert stepped["ws_url"].endswith("/s/%s/ws" % stepped["id"])
            async with client.ws_connect(stepped["ws_url"] + "/btcusdt@miniTicker") as ws:
                with pytest.raises(asyncio.TimeoutError):
                    await receive_json(ws, timeout=1.5)  # a stepped clock stands still
                admin = daemon.url + "/_mockex/v1/sessions/" + stepped["id"]
                async with client.post(admin + "/clock/advance", json={"by": "5s"}) as r:
                    assert r.status == 200
                    now = (await r.json())["now"]
                tickers = []
                while not tickers or tickers[-1]["E"] < now - now % 1000:
                    tickers.append(await receive_json(ws))
                # One push per scenario second (once the market has traded), on the second, up
                # to where the clock went.
                last = now - now % 1000
                assert len(tickers) >= 3
                assert [t["E"] for t in tickers] == list(range(last - 1000 * (len(tickers) - 1),
                                                               last + 1, 1000))
                assert all(t["e"] == "24hrMiniTicker" and t["s"] == "BTCUSDT" for t in tickers)
            async with client.ws_connect(daemon.ws_url + "/s/nope/ws") as ws:
                pass
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        run(scenario())
    assert refused.value.status == 404


def test_deleting_or_resetting_a_session_ends_its_connections(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            for action, code in (("reset", 1012), ("delete", 1001)):
                session = await create_session(client, daemon, scenario="quickstart")
                admin = daemon.url + "/_mockex/v1/sessions/" + session["id"]
                async with client.ws_connect(session["ws_url"] + "/btcusdt@trade") as ws:
                    await receive_json(ws)
                    if action == "reset":
                        async with client.post(admin + "/reset") as r:
                            assert r.status == 200
                    else:
                        async with client.delete(admin) as r:
                            assert r.status == 204
                    await until(ws, lambda m: m.get("e") == "serverShutdown")
                    message = await asyncio.wait_for(ws.receive(), 10)
                    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
                    assert ws.close_code == code
                if action == "reset":
                    async with client.delete(admin) as r:
                        assert r.status == 204
    run(scenario())


def test_the_journal_records_connections_control_messages_and_stream_events(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            session = await create_session(client, daemon, scenario="quickstart")
            async with client.ws_connect(session["ws_url"] + "/btcusdt@trade") as ws:
                await ws.send_str('{"method":"SUBSCRIBE","params":["btcusdt@depth"],"id":1}')
                await until(ws, lambda m: m.get("id") == 1)
                await until(ws, lambda m: m.get("e") == "depthUpdate")
                # The initial snapshot, then a second one as after a gap: a resync.
                for _ in range(2):
                    async with client.get(session["rest_url"] + "/api/v3/depth?symbol=BTCUSDT") as r:
                        assert r.status == 200
            await asyncio.sleep(0.2)
            journal = daemon.url + "/_mockex/v1/sessions/%s/journal" % session["id"]
            async with client.get(journal + "?kinds=ws_open,ws_in,ws_out,ws_close") as r:
                entries = (await r.json())["entries"]
            kinds = [e["kind"] for e in entries]
            assert kinds[0] == "ws_open" and kinds[-1] == "ws_close"
            opened = entries[0]["data"]
            assert opened["path"].endswith("/ws/btcusdt@trade")
            assert opened["streams"] == ["btcusdt@trade"]
            assert any(e["kind"] == "ws_in" and e["data"].get("subscribe") == ["btcusdt@depth"]
                       for e in entries)
            assert any(e["kind"] == "ws_out" and e["data"].get("stream") == "btcusdt@depth"
                       and e["data"]["recipients"] == 1 for e in entries)
            async with client.get(daemon.url + "/_mockex/v1/sessions/%s/report" % session["id"]) as r:
                report = await r.json()
            ws = report["client"]["ws"]
            assert ws["connects"] == 1 and ws["messages_in"] == 1
            assert ws["messages_out"] >= 2  # the reply and a depth event at least
            assert report["client"]["depth"] == {"snapshots": 2, "initial_syncs": 1, "resyncs": 1}
    run(scenario())


def test_connections_end_at_their_lifetime_after_a_server_shutdown_event(start_daemon):
    daemon = start_daemon("--ws-max-lifetime", "800ms")

    async def scenario():
        async with aiohttp.ClientSession() as client:
            for path, unwrap in (("/stream?streams=btcusdt@trade", lambda m: m.get("data", {})),
                                 ("/ws/btcusdt@trade", lambda m: m)):
                async with client.ws_connect(daemon.ws_url + path) as ws:
                    opened = asyncio.get_running_loop().time()
                    notice = await until(ws, lambda m: unwrap(m).get("e") == "serverShutdown")
                    if "stream" in notice:
                        assert notice["stream"] == "!serverShutdown"
                    message = await asyncio.wait_for(ws.receive(), 10)
                    assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
                    assert ws.close_code == 1000
                    assert asyncio.get_running_loop().time() - opened >= 0.7
    run(scenario())
