"""SIGTERM and SIGINT: stop accepting, finish what is in flight, close WebSockets with 1001, exit 0."""

import asyncio
import signal
import time

import aiohttp
import pytest

from conftest import http_exchange, is_closed_by_peer


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_idle_daemon_exits_zero_on_signal(start_daemon, sig):
    daemon = start_daemon()
    assert daemon.stop(sig) == 0
    assert "mockexd stopped" in daemon.log()


def test_request_in_flight_completes_then_exit_zero(start_daemon):
    daemon = start_daemon()
    body = b'{"note":"in flight"}'
    with daemon.connect() as sock:
        # A first answer proves the server holds this connection; then half a request follows.
        assert http_exchange(sock, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200
        sock.sendall(b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: "
                     + str(len(body)).encode() + b"\r\n\r\n" + body[:5])
        daemon.proc.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        assert daemon.proc.poll() is None, "the daemon must wait for the request in flight"
        sock.sendall(body[5:])
        status, headers, _ = http_exchange(sock, b"")
        # /healthz is GET only: the answer proves the request was routed and answered.
        assert status == 405
        assert headers["connection"].lower() == "close"
        assert is_closed_by_peer(sock)
    assert daemon.proc.wait(timeout=30) == 0


def test_idle_keep_alive_connection_does_not_delay_shutdown(start_daemon):
    daemon = start_daemon(env={"MOCKEX_DRAIN_TIMEOUT": "30s"})
    with daemon.connect() as sock:
        assert http_exchange(sock, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200
        started = time.monotonic()
        daemon.proc.send_signal(signal.SIGTERM)
        assert is_closed_by_peer(sock)
        assert daemon.proc.wait(timeout=30) == 0
        assert time.monotonic() - started < 25  # well before the 30 s drain deadline


def test_websocket_gets_a_1001_close_frame(start_daemon):
    daemon = start_daemon()

    async def scenario():
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(daemon.ws_url + "/_mockex/v1/ws/echo") as ws:
                await ws.send_str("before")
                assert (await asyncio.wait_for(ws.receive(), 10)).data == "before"
                daemon.proc.send_signal(signal.SIGTERM)
                message = await asyncio.wait_for(ws.receive(), 10)
                assert message.type == aiohttp.WSMsgType.CLOSE
                return message.data

    assert asyncio.run(scenario()) == 1001
    # The daemon exits by itself once the close handshake is done.
    assert daemon.proc.wait(timeout=10) == 0


def test_drain_deadline_bounds_a_stuck_client(start_daemon):
    daemon = start_daemon(env={"MOCKEX_DRAIN_TIMEOUT": "500ms", "MOCKEX_IDLE_TIMEOUT": "60s"})
    with daemon.connect() as sock:
        assert http_exchange(sock, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200
        sock.sendall(b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
        started = time.monotonic()
        assert daemon.stop() == 0
        assert time.monotonic() - started >= 0.5
    assert "drain deadline passed" in daemon.log()


def test_new_connections_are_refused_while_draining(start_daemon):
    daemon = start_daemon(env={"MOCKEX_DRAIN_TIMEOUT": "5s"})
    with daemon.connect() as held:
        assert http_exchange(held, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")[0] == 200
        held.sendall(b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab")
        daemon.proc.send_signal(signal.SIGTERM)
        assert connections_refused_within(daemon, 10)
        held.sendall(b"cdefghij")
        assert http_exchange(held, b"")[0] == 405
    assert daemon.proc.wait(timeout=30) == 0


def connections_refused_within(daemon, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with daemon.connect() as sock:
                http_exchange(sock, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        except OSError:
            return True
        time.sleep(0.02)
    return False


def test_second_signal_stops_at_once_even_with_a_websocket_open(start_daemon):
    daemon = start_daemon(env={"MOCKEX_DRAIN_TIMEOUT": "60s"})

    async def scenario():
        async with aiohttp.ClientSession() as client:
            # autoclose=False: the client never answers the close frame, so the drain waits.
            async with client.ws_connect(daemon.ws_url + "/_mockex/v1/ws/echo",
                                         autoclose=False) as ws:
                daemon.proc.send_signal(signal.SIGTERM)
                message = await asyncio.wait_for(ws.receive(), 10)
                assert message.type == aiohttp.WSMsgType.CLOSE
                started = time.monotonic()
                daemon.proc.send_signal(signal.SIGTERM)
                code = await asyncio.get_running_loop().run_in_executor(
                    None, lambda: daemon.proc.wait(timeout=10))
                assert time.monotonic() - started < 10
                return code

    assert asyncio.run(scenario()) == 0
    assert "stopping now" in daemon.log()
