"""mockex.AsyncClient and AsyncSession (and Session.aio()) against the real daemon."""

import asyncio

import pytest

import mockex
from conftest import DEMO_KEY, START


def run(coroutine):
    return asyncio.run(coroutine)


def test_an_async_session_is_created_used_and_deleted(client):
    async def scenario():
        async with mockex.AsyncClient(client.url) as aclient:
            async with await aclient.create_session("quickstart", clock="stepped",
                                                    start=START) as s:
                clock = await s.clock.advance("2s")
                assert clock.now == START + 2000
                assert (await s.market.halt("BTCUSDT")).action == "halt"
                assert (await s.book("BTCUSDT")).status == "HALT"
                assert (await s.balances(DEMO_KEY))["BTC"].free == 10
                async with s.faults.stale(symbol="BTCUSDT", for_="3s", name="frozen") as fault:
                    status = await fault.status()
                    assert (status.name, status.state) == ("frozen", "active")
                    assert (await fault.pause()).state == "paused"
                assert await s.faults.list() == []
                entry = await s.wait_for("market", text="halt")
                assert entry.data["event"] == "halt BTCUSDT"
                assert (await s.report()).session_id == s.id
                sessions = [info.id for info in await aclient.sessions()]
                assert s.id in sessions
                return s.id
    gone = run(scenario())
    assert gone not in [info.id for info in client.sessions()]


def test_async_errors_and_timeouts(client):
    async def scenario():
        aclient = mockex.AsyncClient(client.url)   # a connection per call, no close needed
        with pytest.raises(mockex.NotFound):
            await aclient.session("nope")
        with pytest.raises(mockex.InvalidScenario) as bad:
            await aclient.create_session(scenario_yaml="name: x\n")
        assert bad.value.errors
        s = await aclient.create_session("quickstart", clock="stepped")
        try:
            with pytest.raises(mockex.MockexTimeout):
                await s.wait_for("fill", timeout=0.3)
            with pytest.raises(mockex.InvalidRequest) as rule:
                await s.faults.latency(ms=-1)
            assert rule.value.field == "params.ms"
        finally:
            await s.close()
        with pytest.raises(mockex.ConnectionFailed):
            await mockex.AsyncClient("http://127.0.0.1:9", timeout=2).sessions()
    run(scenario())


def test_a_blocking_session_has_an_asyncio_view(session):
    async def scenario():
        view = session.aio()
        fault = await view.faults.http_error(503, "* /api/v3/*", name="outage")
        assert fault.name == "outage"
        assert [f.name for f in session.faults.list()] == ["outage"]
        await fault.remove()
        await view.close()   # a view never deletes the session
    run(scenario())
    assert session.info().id == session.id
