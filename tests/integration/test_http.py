"""HTTP/1.1 behaviour over raw sockets: keep-alive, pipelining, methods, malformed input."""

import json
import urllib.request

from conftest import http_exchange, is_closed_by_peer, metric_value, read_response

GET_HEALTH = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"


def test_keep_alive_serves_many_requests_on_one_connection(daemon):
    with daemon.connect() as sock:
        for _ in range(5):
            status, headers, body = http_exchange(sock, GET_HEALTH)
            assert status == 200
            assert headers.get("connection", "keep-alive").lower() != "close"
            assert json.loads(body)["status"] == "ok"
    text = urllib.request.urlopen(daemon.url + "/metrics", timeout=10).read().decode()
    # One connection for the five requests above, one for this /metrics call.
    assert metric_value(text, "mockex_connections_accepted_total") == 2


def test_pipelined_requests_are_answered_in_order(daemon):
    with daemon.connect() as sock:
        sock.sendall(GET_HEALTH + b"GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n"
                     + b"GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")
        first = read_response(sock)
        second = read_response(sock)
        third = read_response(sock)
    assert first[0] == 200 and json.loads(first[2])["status"] == "ok"
    assert second[0] == 200 and json.loads(second[2])["status"] == "ready"
    assert third[0] == 404


def test_connection_close_is_honoured(daemon):
    with daemon.connect() as sock:
        status, headers, _ = http_exchange(
            sock, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert status == 200
        assert headers["connection"].lower() == "close"
        assert is_closed_by_peer(sock)


def test_wrong_method_is_405_with_allow(daemon):
    with daemon.connect() as sock:
        status, headers, body = http_exchange(
            sock, b"DELETE /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 405
    assert headers["allow"] == "GET"
    assert json.loads(body)["error"]["code"] == "method_not_allowed"


def test_malformed_request_gets_400_and_close_and_the_daemon_carries_on(daemon):
    with daemon.connect() as sock:
        status, headers, body = http_exchange(sock, b"THIS IS NOT HTTP\r\n\r\n")
        assert status == 400
        assert json.loads(body)["error"]["code"] == "malformed_request"
        assert is_closed_by_peer(sock)
    with daemon.connect() as sock:
        assert http_exchange(sock, GET_HEALTH)[0] == 200
    text = urllib.request.urlopen(daemon.url + "/metrics", timeout=10).read().decode()
    assert metric_value(text, "mockex_limit_rejections_total", {"limit": "malformed"}) == 1


def test_binary_garbage_does_not_hurt_the_daemon(daemon):
    with daemon.connect() as sock:
        sock.sendall(bytes(range(256)) * 4 + b"\r\n\r\n")
        assert is_closed_by_peer(sock)
    with daemon.connect() as sock:
        assert http_exchange(sock, GET_HEALTH)[0] == 200


def test_http_1_0_request_is_answered_and_closed(daemon):
    with daemon.connect() as sock:
        status, _, _ = http_exchange(sock, b"GET /healthz HTTP/1.0\r\n\r\n")
        assert status == 200
        assert is_closed_by_peer(sock)


def test_pipelining_past_the_limit_pauses_reading_and_answers_everything(start_daemon):
    daemon = start_daemon(env={"MOCKEX_MAX_PIPELINED": "4"})
    paths = [b"/healthz", b"/readyz", b"/nope"] * 20
    with daemon.connect() as sock:
        sock.sendall(b"".join(b"GET " + p + b" HTTP/1.1\r\nHost: x\r\n\r\n" for p in paths))
        statuses = [read_response(sock)[0] for _ in paths]
    assert statuses == [200, 200, 404] * 20


def test_an_upgrade_pipelined_behind_a_request_is_carried_out_after_its_response(daemon):
    upgrade = ("GET /_mockex/v1/ws/echo HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
               "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
               "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
    with daemon.connect() as sock:
        # Both in one write: the upgrade arrives while the first response is still on its way.
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" + upgrade.encode())
        status, _, body = read_response(sock)
        assert status == 200 and json.loads(body)["status"] == "ok"
        status, headers, _ = read_response(sock)
        assert status == 101 and headers["upgrade"].lower() == "websocket"
