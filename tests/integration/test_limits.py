"""Each limit of the transport, answered with its status and counted in the metrics."""

import socket
import time
import urllib.request

from conftest import http_exchange, is_closed_by_peer, metric_value

GET_HEALTH = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"


def rejections(daemon, limit):
    text = urllib.request.urlopen(daemon.url + "/metrics", timeout=10).read().decode()
    return metric_value(text, "mockex_limit_rejections_total", {"limit": limit})


def test_oversized_headers_get_431(start_daemon):
    daemon = start_daemon(env={"MOCKEX_MAX_HEADER_BYTES": "4096"})
    with daemon.connect() as sock:
        status, _, _ = http_exchange(
            sock, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 8000 + b"\r\n\r\n")
        assert status == 431
        assert is_closed_by_peer(sock)
    assert rejections(daemon, "header_size") == 1


def test_headers_under_the_limit_are_fine(start_daemon):
    daemon = start_daemon(env={"MOCKEX_MAX_HEADER_BYTES": "4096"})
    with daemon.connect() as sock:
        status, _, _ = http_exchange(
            sock, b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 3000 + b"\r\n\r\n")
        assert status == 200


def test_oversized_body_gets_413_before_it_is_read(start_daemon):
    daemon = start_daemon(env={"MOCKEX_MAX_BODY_BYTES": "1024"})
    with daemon.connect() as sock:
        # Only the headers are sent: the declared length alone is refused.
        status, _, _ = http_exchange(
            sock, b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n")
        assert status == 413
        assert is_closed_by_peer(sock)
    assert rejections(daemon, "body_size") == 1


def test_chunked_body_past_the_limit_gets_413(start_daemon):
    daemon = start_daemon(env={"MOCKEX_MAX_BODY_BYTES": "1024"})
    with daemon.connect() as sock:
        chunk = b"800\r\n" + b"x" * 0x800 + b"\r\n"
        status, _, _ = http_exchange(
            sock, b"POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk)
        assert status == 413


def test_incomplete_request_gets_408_after_the_idle_timeout(start_daemon):
    daemon = start_daemon(env={"MOCKEX_IDLE_TIMEOUT": "300ms"})
    started = time.monotonic()
    with daemon.connect() as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finished
        status, _, _ = http_exchange(sock, b"")
        assert status == 408
        assert time.monotonic() - started >= 0.3
        assert is_closed_by_peer(sock)
    assert rejections(daemon, "idle_timeout") == 1


def test_idle_keep_alive_connection_is_closed_quietly(start_daemon):
    daemon = start_daemon(env={"MOCKEX_IDLE_TIMEOUT": "300ms"})
    with daemon.connect() as sock:
        started = time.monotonic()  # before the server can start its idle timer
        assert http_exchange(sock, GET_HEALTH)[0] == 200
        sock.settimeout(10)
        assert sock.recv(100) == b""  # closed without a response
        assert time.monotonic() - started >= 0.3


def test_each_request_moves_the_idle_deadline_later(start_daemon):
    daemon = start_daemon(env={"MOCKEX_IDLE_TIMEOUT": "400ms"})
    with daemon.connect() as sock:
        assert http_exchange(sock, GET_HEALTH)[0] == 200
        time.sleep(0.25)
        last = time.monotonic()  # before the second request: the deadline counts from after it
        assert http_exchange(sock, GET_HEALTH)[0] == 200
        sock.settimeout(10)
        assert sock.recv(100) == b""  # closed quietly, once idle for the whole timeout
        assert time.monotonic() - last >= 0.4


def test_connections_past_the_limit_get_503(start_daemon):
    daemon = start_daemon(env={"MOCKEX_MAX_CONNECTIONS": "2"})
    first, second = daemon.connect(), daemon.connect()
    try:
        # Both held connections are served, so the server has registered them.
        assert http_exchange(first, GET_HEALTH)[0] == 200
        assert http_exchange(second, GET_HEALTH)[0] == 200
        with daemon.connect() as third:
            status, headers, _ = http_exchange(third, b"")
            assert status == 503
            assert headers["retry-after"] == "1"
            assert is_closed_by_peer(third)
    finally:
        first.close()
        second.close()
    # Once they are gone, new connections are served again; the metrics are read on that same
    # connection (a second one could race the server's noticing that this one closed).
    deadline = time.monotonic() + 10
    while True:
        with daemon.connect() as sock:
            status, _, body = http_exchange(sock, b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        if status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert status == 200
    assert metric_value(body.decode(), "mockex_limit_rejections_total",
                        {"limit": "connections"}) >= 1


def test_slowloris_is_cut_off_and_others_are_served(start_daemon):
    daemon = start_daemon(env={"MOCKEX_IDLE_TIMEOUT": "500ms"})
    slow = daemon.connect()
    try:
        request = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100
        cut_off = False
        for byte in request:
            try:
                slow.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                cut_off = True
                break
            # A well-behaved client meanwhile gets its answers.
            with daemon.connect() as sock:
                assert http_exchange(sock, GET_HEALTH)[0] == 200
            time.sleep(0.02)
        if not cut_off:
            slow.settimeout(10)
            try:
                data = slow.recv(65536)
            except ConnectionResetError:
                data = b""
            assert data == b"" or data.startswith(b"HTTP/1.1 408")
    finally:
        slow.close()
