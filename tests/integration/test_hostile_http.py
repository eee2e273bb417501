"""Hostile HTTP clients against the real daemon over raw sockets: connection floods, slowloris
armies, huge query strings, header counts and streamed bodies, invalid UTF-8 where text is
expected, and ten thousand sessions asked for."""

import hashlib
import hmac
import json
import select
import threading
import time

import pytest

from conftest import (http_exchange, is_closed_by_peer, metric_soon, read_response, scrape,
                      wait_until)
from fault_helpers import admin

GET_HEALTH = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
MIB = 1024 * 1024


def limit_hits(daemon, limit):
    return scrape(daemon, "mockex_limit_rejections_total", {"limit": limit}) or 0


def health_status(daemon):
    with daemon.connect() as sock:
        return http_exchange(sock, GET_HEALTH)[0]


def request(method, target, body=b"", headers=()):
    """A raw HTTP/1.1 request; `target` and header values are bytes, sent as they are."""
    head = [method.encode() + b" " + target + b" HTTP/1.1", b"Host: x"]
    head += [name.encode() + b": " + value for name, value in headers]
    if body:
        head.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(head) + b"\r\n\r\n" + body


def strict_json(body):
    """The body as JSON, decoded as strict UTF-8: a stray byte fails here."""
    return json.loads(body.decode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Connection floods and slowloris

def test_a_connection_flood_past_the_limit_is_turned_away_and_the_daemon_recovers(start_daemon):
    limit, flood = 16, 64
    daemon = start_daemon("--max-connections", str(limit))
    baseline = scrape(daemon, "mockex_open_connections")  # the scrape's own connection
    sockets = [daemon.connect() for _ in range(flood)]
    try:
        # Everything past the limit gets a 503 and a close; the rest are held, silent, open.
        refused, deadline = set(), time.monotonic() + 10
        while len(refused) < flood - limit and time.monotonic() < deadline:
            ready, _, _ = select.select([s for s in sockets if s not in refused], [], [], 0.5)
            for sock in ready:
                status, headers, _ = read_response(sock)
                assert (status, headers["retry-after"]) == (503, "1")
                assert is_closed_by_peer(sock)
                refused.add(sock)
        assert len(refused) == flood - limit
        held = [s for s in sockets if s not in refused]
        ready, _, _ = select.select(held, [], [], 0)
        assert ready == [], "a connection under the limit was answered unasked"
        assert health_status(daemon) == 503  # still full
        # The held connections are real ones: each is served.
        for sock in held:
            assert http_exchange(sock, GET_HEALTH)[0] == 200
    finally:
        for sock in sockets:
            sock.close()
    assert wait_until(lambda: health_status(daemon) == 200), "still refused after the flood"
    assert metric_soon(daemon, "mockex_open_connections", None, baseline) == baseline
    assert limit_hits(daemon, "connections") >= flood - limit + 1


def test_a_slowloris_army_is_cut_off_at_the_idle_timeout_and_others_are_served(start_daemon):
    daemon = start_daemon("--idle-timeout", "1s")
    # Half dribble their headers, half send whole headers and dribble a body they promised.
    dribbles = [b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200] * 10
    dribbles += [request("POST", b"/_mockex/v1/sessions", headers=[("Content-Length", b"500")])
                 + b"{" + b" " * 400] * 10
    slow = [daemon.connect() for _ in dribbles]
    sent = [0] * len(slow)
    cut = [False] * len(slow)
    started = time.monotonic()
    try:
        while not all(cut):
            assert time.monotonic() - started < 20, "a slow client outlived the idle timeout"
            for i, sock in enumerate(slow):
                if cut[i]:
                    continue
                try:
                    sock.sendall(dribbles[i][sent[i]:sent[i] + 1])
                    sent[i] += 1
                except (BrokenPipeError, ConnectionResetError):
                    cut[i] = True
                    continue
                ready, _, _ = select.select([sock], [], [], 0)
                if ready:
                    # A 408, then the close; or the close alone.
                    try:
                        data = sock.recv(65536)
                    except ConnectionResetError:
                        data = b""
                    assert data == b"" or data.startswith(b"HTTP/1.1 408"), data
                    cut[i] = True
            # Well-behaved clients get their answers meanwhile.
            assert health_status(daemon) == 200
            time.sleep(0.05)  # the dribble's pace
    finally:
        for sock in slow:
            sock.close()
    assert max(sent) < max(len(d) for d in dribbles), "a dribbled request got through"
    assert metric_soon(daemon, "mockex_limit_rejections_total", {"limit": "idle_timeout"},
                       len(slow)) == len(slow)


# ---------------------------------------------------------------------------------------------
# Sizes

@pytest.mark.parametrize("padding, expected", [(20_000, 431), (6_000, 200)])
def test_a_query_string_past_the_header_limit_gets_431(start_daemon, padding, expected):
    daemon = start_daemon("--max-header-bytes", "8192")
    target = b"/api/v3/ticker/price?symbol=BTCUSDT&pad=" + b"a" * padding
    with daemon.connect() as sock:
        status, _, body = http_exchange(sock, request("GET", target))
        assert status == expected
        if expected == 200:
            assert strict_json(body)["symbol"] == "BTCUSDT"
        else:
            assert is_closed_by_peer(sock)
    assert limit_hits(daemon, "header_size") == (1 if expected == 431 else 0)


@pytest.mark.parametrize("count, expected", [(3000, 431), (300, 200)])
def test_a_request_with_thousands_of_headers_gets_431(start_daemon, count, expected):
    daemon = start_daemon("--max-header-bytes", "8192")
    headers = [(f"X-H{i}", b"v") for i in range(count)]
    with daemon.connect() as sock:
        status, _, _ = http_exchange(sock, request("GET", b"/api/v3/time", headers=headers))
        assert status == expected
        assert expected == 200 or is_closed_by_peer(sock)
    assert limit_hits(daemon, "header_size") == (1 if expected == 431 else 0)
    assert health_status(daemon) == 200


def test_a_chunked_body_streamed_past_the_limit_is_cut_off_not_buffered(start_daemon):
    daemon = start_daemon("--max-body-bytes", str(MIB))
    baseline_rss = daemon.rss_bytes()
    budget = 256 * MIB
    chunk = b"100000\r\n" + b"x" * MIB + b"\r\n"  # one 1 MiB chunk
    sent = 0
    with daemon.connect() as sock:
        sock.sendall(b"POST /_mockex/v1/sessions HTTP/1.1\r\nHost: x\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")

        def stream():
            nonlocal sent
            try:
                while sent < budget:
                    sock.sendall(chunk)
                    sent += len(chunk)
            except OSError:
                pass  # the daemon closed: what this client sends has nowhere to go

        sender = threading.Thread(target=stream, daemon=True)
        sender.start()
        status, _, body = read_response(sock)  # read while the sender still sends
        assert status == 413
        assert strict_json(body)["error"]["code"] == "body_too_large"
        sender.join(30)
        assert not sender.is_alive(), "the daemon kept reading a body it had refused"
    assert sent < budget
    assert daemon.rss_bytes() - baseline_rss < 32 * MIB or not daemon.rss_tells_memory()
    assert limit_hits(daemon, "body_size") == 1
    assert health_status(daemon) == 200


# ---------------------------------------------------------------------------------------------
# Invalid UTF-8

def signed_order(client_order_id):
    """A signed order with this newClientOrderId, stamped now (a stale one is refused first)."""
    query = (b"symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=20000"
             b"&newClientOrderId=" + client_order_id + b"&timestamp=%d" % (time.time() * 1000))
    signature = hmac.new(b"demo-secret", query, hashlib.sha256).hexdigest().encode()
    return request("POST", b"/api/v3/order", query + b"&signature=" + signature,
                   [("X-MBX-APIKEY", b"demo-key"),
                    ("Content-Type", b"application/x-www-form-urlencoded")])


# Each case builds its request when it runs.
@pytest.mark.parametrize("make, status, code", [
    (lambda: request("GET", b"/api/v3/ticker/price?symbol=%FF%FE"), 400, -1100),
    (lambda: request("GET", b"/api/v3/ticker/price?symbol=\xff\xfe"), 400, -1100),
    (lambda: request("GET", b"/api/v3/depth?symbol=BTCUSDT&limit=%C0%AF"), 400, -1100),
    (lambda: request("GET", b"/api/v3/account?timestamp=1",
                     headers=[("X-MBX-APIKEY", b"\xff\xfe")]), 401, -2015),
    (lambda: signed_order(b"ab\xffcd"), 400, -1100),
    (lambda: signed_order(b"ab%FFcd"), 400, -1100),
    (lambda: request("POST", b"/_mockex/v1/sessions", b'{"scenario":"quick\xffstart"}',
                     [("Content-Type", b"application/json")]), 400, "invalid_request"),
    (lambda: request("GET", b"/_mockex/v1/sessions/%FF%FE"), 404, "session_not_found"),
], ids=["query-percent", "query-raw", "query-overlong", "api-key-header", "form-body-raw",
        "form-body-percent", "admin-json-body", "admin-path"])
def test_invalid_utf8_gets_the_dialects_error_json(daemon, make, status, code):
    with daemon.connect() as sock:
        got, _, body = http_exchange(sock, make())
        answer = strict_json(body)
    assert got == status, answer
    assert answer.get("code", answer.get("error", {}).get("code")) == code
    # What the journal kept of it is valid UTF-8 JSON too, line by line.
    with daemon.connect() as sock:
        got, _, export = http_exchange(
            sock, request("GET", b"/_mockex/v1/sessions/default/journal.jsonl"))
    assert got == 200
    assert all(strict_json(line) for line in export.splitlines())


def test_invalid_utf8_in_a_header_the_daemon_ignores_changes_nothing(daemon):
    with daemon.connect() as sock:
        status, _, body = http_exchange(
            sock, request("GET", b"/api/v3/time", headers=[("User-Agent", b"\xff\xfe\xc0\xaf")]))
    assert status == 200 and "serverTime" in strict_json(body)


# ---------------------------------------------------------------------------------------------
# Ten thousand sessions

def create_sessions(daemon, count, deadline):
    """POSTs `count` session creations on one keep-alive connection; their (status, body)."""
    body = json.dumps({"scenario": "quickstart", "clock": "stepped"}).encode()
    raw = request("POST", b"/_mockex/v1/sessions", body, [("Content-Type", b"application/json")])
    answers = []
    with daemon.connect() as sock:
        for _ in range(count):
            assert time.monotonic() < deadline, f"only {len(answers)} answered in time"
            status, _, text = http_exchange(sock, raw)
            answers.append((status, strict_json(text)))
    return answers


def assert_first_created_then_limited(answers, created):
    statuses = [status for status, _ in answers]
    assert statuses[:created] == [201] * created
    assert statuses[created:] == [429] * (len(answers) - created)
    for _, refusal in answers[created:created + 1] + answers[-1:]:
        assert refusal["error"]["code"] == "session_limit"


@pytest.mark.parametrize("max_sessions", [200, None], ids=["max-200", "default-max"])
def test_ten_thousand_sessions_asked_for_get_the_limit_then_429(start_daemon, max_sessions):
    daemon = start_daemon(*(["--max-sessions", str(max_sessions)] if max_sessions else []))
    limit = max_sessions or 1000  # sessions.max's default
    baseline_rss = daemon.rss_bytes()
    deadline = time.monotonic() + 60
    answers = create_sessions(daemon, 10_000, deadline)
    assert_first_created_then_limited(answers, limit)
    full_rss = daemon.rss_bytes()
    # Refused before the scenario is read: one that does not exist, or a large inline one, gets
    # the same 429 (and costs a lookup, not a scenario load).
    for body in ({"scenario": "no-such-scenario"}, {"scenario_yaml": "#" * 200_000}):
        status, refusal = admin(daemon, "POST", "/sessions", body)
        assert (status, refusal["error"]["code"]) == (429, "session_limit")
    # Deleting sessions frees their slots, and only theirs.
    freed = [body["id"] for _, body in answers[:50]]
    for session_id in freed:
        assert admin(daemon, "DELETE", f"/sessions/{session_id}")[0] == 204
    assert_first_created_then_limited(create_sessions(daemon, 51, deadline), 50)
    # A session costs tens of KiB, not the megabytes that would let this exhaust the host.
    per_session = (full_rss - baseline_rss) / limit
    assert per_session < 1 * MIB or not daemon.rss_tells_memory(), f"{per_session / 1024:.0f} KiB"
    print(f"\n{limit} sessions: RSS {baseline_rss / MIB:.1f} -> {full_rss / MIB:.1f} MiB, "
          f"{60 - (deadline - time.monotonic()):.1f} s for 10,000 requests and the rest")
