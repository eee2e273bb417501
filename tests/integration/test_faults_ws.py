"""WebSocket and market-data fault kinds on the wire: refused upgrades, drops with exact counts
under a fixed seed (the same twice), duplicates, corruption, depth gaps a syncing client sees,
disconnects with and without a close frame, unanswered pings, stale streams and duplicated
executionReports."""

import asyncio
import hashlib
import hmac
import json
import time

import aiohttp
import pytest

from conftest import QUIET
from fault_helpers import KEY, SECRET, add_fault, admin, fault_entries, new_session


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 60))


async def drain(ws, timeout):
    """Every text message until `timeout` passes without one."""
    out = []
    while True:
        try:
            message = await asyncio.wait_for(ws.receive(), timeout)
        except asyncio.TimeoutError:
            return out
        if message.type != aiohttp.WSMsgType.TEXT:
            return out
        out.append(message.data)


def advance(daemon, sid, by):
    status, body = admin(daemon, "POST", f"/sessions/{sid}/clock/advance", {"by": by})
    assert status == 200, body


def test_a_refused_upgrade_gets_the_status_in_binance_words(daemon):
    session = new_session(daemon, QUIET)
    add_fault(daemon, session["id"], {"kind": "ws_refuse", "params": {"status": 503}, "first": 1})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(session["ws_url"] + "/btcusdt@trade")
            assert refused.value.status == 503
            async with client.ws_connect(session["ws_url"] + "/btcusdt@trade") as ws:
                assert not ws.closed
    run(scenario())
    [entry] = fault_entries(daemon, session["id"])
    assert entry["fault_kind"] == "ws_refuse"


def stepped_trades(daemon, rules, seconds=20):
    """The trade messages a subscriber of a stepped session gets while its clock moves."""
    session = new_session(daemon, QUIET.replace("trade_rate: 1", "trade_rate: 20"),
                          clock="stepped", seed=11, start=1700000000000)
    for rule in rules:
        add_fault(daemon, session["id"], rule)

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_url"] + "/btcusdt@trade") as ws:
                await asyncio.sleep(0.2)  # the subscription is in place before the clock moves
                for _ in range(seconds):
                    advance(daemon, session["id"], "1s")
                return await drain(ws, 1.0)
    return session, run(scenario())


def test_drops_are_exact_under_a_fixed_seed_and_the_same_twice(daemon):
    _, everything = stepped_trades(daemon, [])
    drop = {"name": "lossy", "kind": "ws_drop", "match": {"stream": "*@trade"}, "probability": 0.3}
    first, got = stepped_trades(daemon, [drop])
    second, again = stepped_trades(daemon, [drop])
    dropped = len(fault_entries(daemon, first["id"]))
    assert len(everything) > 100
    assert 0 < dropped < len(everything)
    assert len(got) == len(everything) - dropped
    assert got == again
    assert fault_entries(daemon, first["id"]) == fault_entries(daemon, second["id"])
    assert set(got) <= set(everything)


def test_duplicates_and_corruption(daemon):
    _, everything = stepped_trades(daemon, [], seconds=5)
    _, doubled = stepped_trades(daemon, [{"kind": "ws_duplicate", "every": 2}], seconds=5)
    assert len(doubled) == len(everything) + len(everything) // 2
    _, corrupt = stepped_trades(
        daemon, [{"kind": "ws_corrupt", "params": {"mode": "wrong_type"}, "first": 3}], seconds=5)
    assert len(corrupt) == len(everything)
    broken = [json.loads(m) for m in corrupt[:3]]
    assert all(isinstance(m["E"], str) for m in broken)
    assert all(isinstance(json.loads(m)["E"], int) for m in corrupt[3:])
    _, cut = stepped_trades(daemon, [{"kind": "ws_corrupt", "first": 1}], seconds=5)
    with pytest.raises(json.JSONDecodeError):
        json.loads(cut[0])


def test_a_depth_gap_is_seen_by_a_client_that_checks_update_ids(daemon):
    session = new_session(daemon, QUIET, clock="stepped", seed=3)
    add_fault(daemon, session["id"], {"kind": "depth_gap", "params": {"skip": 2}, "after": 3,
                                      "first": 1})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_url"] + "/btcusdt@depth@100ms") as ws:
                await asyncio.sleep(0.2)
                for _ in range(20):
                    advance(daemon, session["id"], "500ms")
                return [json.loads(m) for m in await drain(ws, 1.0)]
    updates = run(scenario())
    gaps = [(a["u"], b["U"]) for a, b in zip(updates, updates[1:]) if b["U"] != a["u"] + 1]
    assert len(gaps) == 1, gaps


@pytest.mark.parametrize("abrupt", [False, True])
def test_disconnects_with_a_close_code_or_none(daemon, abrupt):
    session = new_session(daemon, QUIET, clock="stepped", seed=3)
    add_fault(daemon, session["id"], {"kind": "ws_disconnect", "after": 2,
                                      "params": {"code": 4000, "abrupt": abrupt}})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_url"] + "/btcusdt@depth@100ms") as ws:
                await asyncio.sleep(0.2)
                for _ in range(5):
                    advance(daemon, session["id"], "500ms")
                got = await drain(ws, 2.0)
                await asyncio.wait_for(ws.receive(), 2.0) if not ws.closed else None
                return got, ws.close_code
    got, code = run(scenario())
    assert len(got) == 2
    assert code == (1006 if abrupt else 4000)


def test_no_pong_leaves_pings_unanswered_while_data_flows(daemon):
    session = new_session(daemon, QUIET, clock="stepped", seed=3)
    add_fault(daemon, session["id"], {"kind": "ws_no_pong", "first": 1})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_url"] + "/btcusdt@depth@100ms",
                                         autoping=False) as ws:
                await asyncio.sleep(0.2)
                advance(daemon, session["id"], "2s")
                assert len(await drain(ws, 0.5)) >= 1
                await ws.ping(b"anyone")
                advance(daemon, session["id"], "2s")
                seen = []
                try:
                    while True:
                        seen.append(await asyncio.wait_for(ws.receive(), 1.0))
                except asyncio.TimeoutError:
                    pass
                return seen
    seen = run(scenario())
    assert seen and {m.type for m in seen} == {aiohttp.WSMsgType.TEXT}


def test_a_stale_stream_freezes_while_the_market_moves_on(daemon):
    session = new_session(daemon, QUIET.replace("trade_rate: 1", "trade_rate: 20"),
                          clock="stepped", seed=5)
    sid = session["id"]

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_url"] + "/btcusdt@trade") as ws:
                await asyncio.sleep(0.2)
                advance(daemon, sid, "1s")
                before = await drain(ws, 0.5)
                add_fault(daemon, sid, {"kind": "stale", "match": {"symbol": "BTCUSDT"}, "for": "3s"})
                advance(daemon, sid, "2s")
                during = await drain(ws, 0.5)
                advance(daemon, sid, "2s")
                after = await drain(ws, 0.5)
                return before, during, after, ws.closed
    before, during, after, closed = run(scenario())
    assert before and after and not closed
    assert during == []


def sign(params):
    payload = "&".join(f"{k}={params[k]}" for k in sorted(params))
    return hmac.new(SECRET.encode(), payload.encode(), hashlib.sha256).hexdigest()


async def subscribe_user_data(ws):
    """The demo account's user data on this WebSocket API connection."""
    params = {"apiKey": KEY, "timestamp": int(time.time() * 1000)}
    params["signature"] = sign(params)
    await ws.send_json({"id": 1, "method": "userDataStream.subscribe.signature", "params": params})
    assert (await ws.receive_json())["status"] == 200


async def place_resting_order(ws, client_id):
    """A BTCUSDT limit buy far below the market, over the WebSocket API."""
    order = {"apiKey": KEY, "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT",
             "timeInForce": "GTC", "quantity": "0.001", "price": "20000.00",
             "newClientOrderId": client_id, "timestamp": int(time.time() * 1000)}
    order["signature"] = sign(order)
    await ws.send_json({"id": client_id, "method": "order.place", "params": order})


def test_duplicate_report_sends_the_execution_report_twice(daemon):
    session = new_session(daemon, QUIET)
    add_fault(daemon, session["id"], {"kind": "duplicate_report",
                                      "match": {"event": "executionReport.NEW"}})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_api_url"]) as ws:
                await subscribe_user_data(ws)
                await place_resting_order(ws, "dup-1")
                return [json.loads(m) for m in await drain(ws, 1.0)]
    messages = run(scenario())
    reports = [m["event"] for m in messages if m.get("event", {}).get("e") == "executionReport"]
    assert [r["x"] for r in reports] == ["NEW", "NEW"]
    assert reports[0] == reports[1]


TRIGGERED = QUIET.replace("name: quiet", "name: triggered") + """
timeline:
  - at: 0s
    fault:
      name: cut-user-data
      kind: ws_disconnect
      params: {code: 4001}
      trigger: {on: order_ack, match: {client_order_id: "x-*"}, delay: 50ms}
"""


def test_fifty_ms_after_an_x_order_ack_that_accounts_user_data_sockets_are_cut(daemon):
    session = new_session(daemon, TRIGGERED)

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_api_url"]) as ws:
                await subscribe_user_data(ws)
                await place_resting_order(ws, "plain-1")
                assert len(await drain(ws, 0.5)) >= 2  # the answer and the NEW report
                assert not ws.closed
                started = time.monotonic()
                await place_resting_order(ws, "x-1")
                await drain(ws, 5.0)
                return ws.close_code, time.monotonic() - started
    code, elapsed = run(scenario())
    assert code == 4001
    assert elapsed >= 0.05
    names = [e["name"] for e in fault_entries(daemon, session["id"])]
    assert names == ["cut-user-data"]


def test_a_disconnect_window_that_cuts_open_sockets_counts_toward_first(daemon):
    session = new_session(daemon, QUIET, clock="stepped", seed=3)
    sid = session["id"]

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_url"] + "/btcusdt@trade") as first:
                await asyncio.sleep(0.2)
                add_fault(daemon, sid, {"name": "once", "kind": "ws_disconnect",
                                        "match": {"stream": "btcusdt@trade"},
                                        "params": {"code": 4002}, "first": 1})
                await drain(first, 2.0)
                cut = first.close_code
            async with client.ws_connect(session["ws_url"] + "/btcusdt@trade") as second:
                await asyncio.sleep(0.2)
                for _ in range(4):
                    advance(daemon, sid, "1s")
                got = await drain(second, 1.0)
                return cut, len(got), second.closed
    cut, received, closed = run(scenario())
    assert cut == 4002
    assert received >= 1 and not closed   # first: 1 was spent on the cut when the window opened
    status = admin(daemon, "GET", f"/sessions/{sid}/faults/once")[1]
    assert (status["fired"], status["state"]) == (1, "expired")
    assert len(fault_entries(daemon, sid)) == 1


def test_a_fill_report_can_arrive_after_the_rest_answer(daemon):
    session = new_session(daemon, QUIET)
    add_fault(daemon, session["id"], {"kind": "fill_delay",
                                      "params": {"ms": 300, "what": "report"}})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_api_url"]) as ws:
                await subscribe_user_data(ws)
                from fault_helpers import signed as rest
                status, placed = rest(session["rest_url"], "POST", "/api/v3/order",
                                      {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET",
                                       "quantity": "0.001", "newClientOrderId": "rep-1"})
                answered = time.monotonic()
                assert status == 200 and placed["status"] == "FILLED"
                arrivals = []
                while True:
                    try:
                        message = await asyncio.wait_for(ws.receive_json(), 2.0)
                    except asyncio.TimeoutError:
                        return arrivals, answered
                    event = message.get("event", {})
                    if event.get("e") == "executionReport":
                        arrivals.append((event["x"], time.monotonic()))
    arrivals, answered = run(scenario())
    kinds = [kind for kind, _ in arrivals]
    assert kinds[0] == "NEW" and "TRADE" in kinds
    trade_at = min(at for kind, at in arrivals if kind == "TRADE")
    assert trade_at - answered >= 0.25


def test_delay_lag_and_reorder_change_when_messages_arrive(daemon):
    _, everything = stepped_trades(daemon, [], seconds=5)
    _, reordered = stepped_trades(daemon, [{"kind": "ws_reorder", "first": 1}], seconds=5)
    assert reordered[:2] == [everything[1], everything[0]]
    assert reordered[2:] == everything[2:]
    _, lagged = stepped_trades(daemon, [{"kind": "lag", "params": {"ms": 300}}], seconds=5)
    assert lagged == everything  # all of them, late, in order, event times untouched
    _, delayed = stepped_trades(daemon, [{"kind": "ws_delay", "params": {"ms": 400}, "first": 1}],
                                seconds=5)
    assert sorted(delayed) == sorted(everything) and delayed[0] == everything[1]


def test_the_fill_report_is_dropped_but_not_the_ack(daemon):
    session = new_session(daemon, QUIET)
    add_fault(daemon, session["id"], {"kind": "ws_drop", "match": {"event": "executionReport.TRADE"}})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(session["ws_api_url"]) as ws:
                await subscribe_user_data(ws)
                order = {"apiKey": KEY, "symbol": "BTCUSDT", "side": "BUY", "type": "MARKET",
                         "quantity": "0.001", "timestamp": int(time.time() * 1000)}
                order["signature"] = sign(order)
                await ws.send_json({"id": "m", "method": "order.place", "params": order})
                return [json.loads(m) for m in await drain(ws, 1.0)]
    messages = run(scenario())
    answer = next(m for m in messages if m.get("id") == "m")
    assert answer["status"] == 200 and answer["result"]["status"] == "FILLED"
    reports = [m["event"]["x"] for m in messages if m.get("event", {}).get("e") == "executionReport"]
    assert reports == ["NEW"]
    positions = [m for m in messages if m.get("event", {}).get("e") == "outboundAccountPosition"]
    assert positions  # the balance update still arrives


def test_invalid_json_corruption_breaks_the_syntax_only(daemon):
    _, everything = stepped_trades(daemon, [], seconds=3)
    _, broken = stepped_trades(daemon, [{"kind": "ws_corrupt", "params": {"mode": "invalid_json"},
                                         "first": 1}], seconds=3)
    with pytest.raises(json.JSONDecodeError):
        json.loads(broken[0])
    assert broken[0].replace(",}", "}") == everything[0]
    assert broken[1:] == everything[1:]
