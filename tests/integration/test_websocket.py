"""WebSocket on the same port as HTTP, with a real aiohttp client."""

import asyncio
import urllib.request

import aiohttp
import pytest

from conftest import metric_soon, metric_value


def open_websockets(daemon):
    text = urllib.request.urlopen(daemon.url + "/metrics", timeout=10).read().decode()
    return metric_value(text, "mockex_open_websockets")


def test_websocket_round_trip_on_the_http_port(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/_mockex/v1/ws/echo") as ws:
                for text in ["hello", '{"method":"ping","id":1}', "x" * 100_000]:
                    await ws.send_str(text)
                    message = await asyncio.wait_for(ws.receive(), 10)
                    assert message.type == aiohttp.WSMsgType.TEXT
                    assert message.data == text
                assert open_websockets(daemon) == 1
            # The same port still serves plain HTTP.
            async with client.get(daemon.url + "/healthz") as response:
                assert response.status == 200

    asyncio.run(scenario())
    assert wait_for(lambda: open_websockets(daemon) == 0)


def test_server_answers_pings(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/_mockex/v1/ws/echo",
                                         autoping=False) as ws:
                await ws.ping(b"are-you-there")
                message = await asyncio.wait_for(ws.receive(), 10)
                assert message.type == aiohttp.WSMsgType.PONG
                assert message.data == b"are-you-there"

    asyncio.run(scenario())


def test_upgrade_on_an_unknown_path_is_refused_with_404(daemon):
    async def scenario():
        async with aiohttp.ClientSession() as client:
            try:
                await client.ws_connect(daemon.ws_url + "/no-such-stream")
            except aiohttp.WSServerHandshakeError as e:
                return e.status
        return None

    assert asyncio.run(scenario()) == 404


def test_message_over_the_limit_closes_with_1009(start_daemon):
    daemon = start_daemon(env={"MOCKEX_MAX_WS_MESSAGE_BYTES": "1024"})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/_mockex/v1/ws/echo") as ws:
                await ws.send_str("x" * 4096)
                message = await asyncio.wait_for(ws.receive(), 10)
                assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                        aiohttp.WSMsgType.CLOSING)
                return ws.close_code

    assert asyncio.run(scenario()) == 1009
    assert metric_soon(daemon, "mockex_limit_rejections_total", {"limit": "ws_message_size"}, 1) == 1


def wait_for(predicate, timeout=10.0):
    import time
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def test_server_pings_a_silent_websocket_and_closes_it_without_pongs(start_daemon):
    daemon = start_daemon("--ws-ping-interval", "300ms")

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/_mockex/v1/ws/echo",
                                         autoping=False) as ws:
                message = await asyncio.wait_for(ws.receive(), 10)
                assert message.type == aiohttp.WSMsgType.PING
                # No pong: after twice the interval of silence the server gives up.
                message = await asyncio.wait_for(ws.receive(), 10)
                assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                        aiohttp.WSMsgType.CLOSING)
            async with client.ws_connect(daemon.ws_url + "/_mockex/v1/ws/echo") as ws:
                # aiohttp answers each ping while it reads: the socket stays open.
                with pytest.raises(asyncio.TimeoutError):
                    await asyncio.wait_for(ws.receive(), 1.5)
                await ws.send_str("still here")
                assert (await asyncio.wait_for(ws.receive(), 10)).data == "still here"

    asyncio.run(scenario())
