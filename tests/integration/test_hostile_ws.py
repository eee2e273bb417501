"""Hostile WebSocket clients against the real daemon, frame by frame over raw sockets: a subscriber
that never reads, frames whose headers lie, messages past the size limit, invalid UTF-8,
fragmentation with control frames between the pieces, protocol violations and ping floods."""

import json
import select
import time
import urllib.request

import pytest

from conftest import is_closed_by_peer, metric_soon, scrape, wait_until
from fault_helpers import admin
from ws_frames import BINARY, CONTINUATION, PING, PONG, TEXT, RawWebSocket, frame, fragments

ECHO = "/_mockex/v1/ws/echo"
CLOSE_PROTOCOL_ERROR, CLOSE_INVALID_PAYLOAD, CLOSE_TOO_BIG = 1002, 1007, 1009
MIB = 1024 * 1024


def limit_hits(daemon, limit):
    return scrape(daemon, "mockex_limit_rejections_total", {"limit": limit}) or 0


def assert_serves(daemon):
    """The daemon still answers HTTP and echoes over a fresh WebSocket."""
    with urllib.request.urlopen(daemon.url + "/healthz", timeout=10) as response:
        assert response.status == 200
    with RawWebSocket(daemon.port, ECHO) as ws:
        ws.send(frame(TEXT, "still here"))
        assert ws.read_message() == (TEXT, b"still here")


# ---------------------------------------------------------------------------------------------
# A subscriber that never reads

@pytest.mark.parametrize("bounds", [
    # Each time the other bound is out of reach: only the one under test can drop the client.
    ("--max-ws-send-queue-bytes", "65536", "--max-ws-send-queue", "1000000"),
    ("--max-ws-send-queue", "64", "--max-ws-send-queue-bytes", str(1 << 30)),
], ids=["byte-bound", "message-bound"])
def test_a_subscriber_that_never_reads_is_dropped_and_the_others_keep_their_stream(start_daemon,
                                                                                   bounds):
    daemon = start_daemon(*bounds)
    # Fifty scenario seconds a wall second: each 100 ms stream pushes 500 messages a second.
    status, session = admin(daemon, "POST", "/sessions",
                            {"scenario": "quickstart", "clock": "accelerated", "speed": 50})
    assert status == 201, session
    prefix = "/s/" + session["id"]
    baseline_rss = daemon.rss_bytes()
    streams = "/".join(f"{symbol}@{kind}" for symbol in ("btcusdt", "ethusdt")
                       for kind in ("depth20@100ms", "depth@100ms", "trade", "bookTicker"))
    # Its own kernel holds little of what it is sent: the daemon's queue fills soon.
    slow = RawWebSocket(daemon.port, f"{prefix}/stream?streams={streams}", rcvbuf=4096)
    with slow, RawWebSocket(daemon.port, f"{prefix}/ws/btcusdt@depth@100ms") as reader:
        peak_rss = baseline_rss
        last_update = None
        read_after_drop = 0
        deadline, next_look = time.monotonic() + 30, 0.0
        while read_after_drop < 300:
            now = time.monotonic()
            assert now < deadline, "the slow subscriber was not dropped in 30 s"
            # The reader's diff depth events chain without a gap: U is the previous u + 1.
            _, payload = reader.read_message()
            event = json.loads(payload)
            assert last_update is None or event["U"] == last_update + 1, (event, last_update)
            last_update = event["u"]
            if read_after_drop:
                read_after_drop += 1
            elif now >= next_look:  # a look at the daemon now and then, not between every read
                next_look = now + 0.1
                peak_rss = max(peak_rss, daemon.rss_bytes())
                read_after_drop = int(limit_hits(daemon, "ws_slow_client") == 1)
        peak_rss = max(peak_rss, daemon.rss_bytes())
        # Only the slow one is gone, and its connection is closed.
        assert metric_soon(daemon, "mockex_open_websockets", None, 1) == 1
        assert is_closed_by_peer(slow.sock)
    assert limit_hits(daemon, "ws_slow_client") == 1
    # What it could make the daemon hold is 64 KiB (or 64 messages) of queue and a write-behind
    # buffer; the rest of this bound is the session's journal and allocator slack.
    assert peak_rss - baseline_rss < 64 * MIB or not daemon.rss_tells_memory(), peak_rss
    print(f"\nslow subscriber dropped; RSS {baseline_rss / MIB:.1f} -> "
          f"peak {peak_rss / MIB:.1f} MiB")


# ---------------------------------------------------------------------------------------------
# Sizes

@pytest.mark.parametrize("declared", [1 << 40, (1 << 63) + 5])
def test_a_frame_header_claiming_a_huge_length_is_refused_before_its_payload(start_daemon,
                                                                             declared):
    daemon = start_daemon("--max-ws-message-bytes", "4096")
    with RawWebSocket(daemon.port, ECHO) as ws:
        # Ten bytes follow a header that promises a terabyte (or a length whose top bit, which
        # RFC 6455 reserves, is set): the daemon must not wait for, or make room for, the rest.
        ws.send(frame(TEXT, b"0123456789", length=declared))
        assert ws.close_code(timeout=5) in ({CLOSE_TOO_BIG} if declared < 1 << 63
                                            else {CLOSE_TOO_BIG, CLOSE_PROTOCOL_ERROR})
    assert metric_soon(daemon, "mockex_limit_rejections_total", {"limit": "ws_message_size"},
                       1) == 1
    assert_serves(daemon)


def test_a_message_past_the_limit_in_small_fragments_closes_with_1009(start_daemon):
    daemon = start_daemon("--max-ws-message-bytes", "4096")
    with RawWebSocket(daemon.port, ECHO) as ws:
        # Each piece is small; together they pass the limit on the fifth.
        ws.send(*fragments(TEXT, "x" * 10_000, 1000))
        assert ws.close_code() == CLOSE_TOO_BIG
    assert metric_soon(daemon, "mockex_limit_rejections_total", {"limit": "ws_message_size"},
                       1) == 1
    with RawWebSocket(daemon.port, ECHO) as ws:
        # Just under the limit, in the same small fragments, is one message echoed whole.
        ws.send(*fragments(TEXT, "y" * 4096, 1000))
        assert ws.read_message() == (TEXT, b"y" * 4096)


# ---------------------------------------------------------------------------------------------
# UTF-8

def test_a_character_split_across_fragments_is_reassembled(daemon):
    text = "€ 1 ≈ ¥ 160 — ✓"
    with RawWebSocket(daemon.port, ECHO) as ws:
        # One byte a frame: most frames end inside a multi-byte character.
        ws.send(*fragments(TEXT, text, 1))
        assert ws.read_message() == (TEXT, text.encode())


@pytest.mark.parametrize("path, request_text, error, then, reply", [
    ("/ws", b'{"method":"LIST_SUBSCRIPTIONS","id":"\xff"}', {"code": 3, "id": None},
     '{"method":"LIST_SUBSCRIPTIONS","id":2}', {"result": [], "id": 2}),
    ("/ws-api/v3", b'{"id":"\xff\xfe","method":"ping"}', {"id": None, "status": 400},
     '{"id":2,"method":"ping"}', {"id": 2, "status": 200}),
], ids=["market-streams", "ws-api"])
def test_invalid_utf8_in_a_binary_frame_gets_a_binance_error_and_a_valid_journal(
        daemon, path, request_text, error, then, reply):
    # Binary frames are not checked for UTF-8 by the WebSocket layer: the Binance handlers see
    # the bytes, answer with their JSON error, keep the connection, and journal valid text.
    with RawWebSocket(daemon.port, path) as ws:
        ws.send(frame(BINARY, request_text))
        opcode, payload = ws.read_message()
        assert opcode == TEXT
        answer = json.loads(payload.decode("utf-8"))
        assert {key: answer[key] for key in error} == error
        ws.send(frame(TEXT, then))
        answer = json.loads(ws.read_message()[1])
        assert {key: answer[key] for key in reply} == reply
    status, journal = admin(daemon, "GET", "/sessions/default/journal?kinds=ws_in&limit=100")
    assert status == 200
    texts = [entry["data"]["text"] for entry in journal["entries"]]
    assert request_text.decode("utf-8", errors="replace") in texts


# ---------------------------------------------------------------------------------------------
# Fragmentation, text that is not UTF-8, protocol violations

@pytest.mark.parametrize("path, request_text, expected", [
    ("/ws-api/v3", '{"id":"in-pieces","method":"ping"}', {"id": "in-pieces", "status": 200}),
    ("/ws", '{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":7}', {"result": None, "id": 7}),
], ids=["ws-api-ping", "stream-subscribe"])
def test_a_request_in_many_fragments_with_pings_between_is_answered(daemon, path, request_text,
                                                                    expected):
    pieces = fragments(TEXT, request_text, 2)
    pings = [f"p{i}".encode() for i in range(len(pieces))]
    with RawWebSocket(daemon.port, path) as ws:
        # A ping after every fragment: control frames may come between a message's frames.
        ws.send(*[part for piece, ping in zip(pieces, pings)
                  for part in (piece, frame(PING, ping))])
        pongs, answer = [], None
        while answer is None or len(pongs) < len(pings):
            fin, opcode, payload = ws.read_frame()
            if opcode == PONG:
                pongs.append(payload)
            elif opcode == TEXT and "id" in json.loads(payload):  # not a trade event
                assert fin and answer is None
                answer = json.loads(payload)
        assert pongs == pings
        assert {key: answer[key] for key in expected} == expected


@pytest.mark.parametrize("frames, code", [
    # Text that is not UTF-8 (RFC 6455 §8.1): 1007.
    ([frame(TEXT, b"caf\xc3")], CLOSE_INVALID_PAYLOAD),
    ([frame(TEXT, b"\xff\xfe")], CLOSE_INVALID_PAYLOAD),
    ([frame(TEXT, b"\xed\xa0\x80")], CLOSE_INVALID_PAYLOAD),
    ([frame(TEXT, b"\xc0\xaf")], CLOSE_INVALID_PAYLOAD),
    ([frame(TEXT, b"\xe2\x82", fin=False), frame(CONTINUATION, b"A")], CLOSE_INVALID_PAYLOAD),
    # Framing the protocol forbids (RFC 6455 §5): 1002.
    ([frame(CONTINUATION, b"no start")], CLOSE_PROTOCOL_ERROR),
    ([frame(TEXT, b"ab", fin=False), frame(TEXT, b"cd")], CLOSE_PROTOCOL_ERROR),
    ([frame(PING, b"ab", fin=False)], CLOSE_PROTOCOL_ERROR),
    ([frame(PING, b"x" * 126)], CLOSE_PROTOCOL_ERROR),
    ([frame(0x3, b"reserved")], CLOSE_PROTOCOL_ERROR),
    ([b"\x81\x05hello"], CLOSE_PROTOCOL_ERROR),
    ([bytes([0xC1]) + frame(TEXT, b"rsv1")[1:]], CLOSE_PROTOCOL_ERROR),
], ids=["utf8-cut-mid-character", "utf8-ff-fe", "utf8-surrogate", "utf8-overlong-slash",
        "utf8-broken-across-fragments", "continuation-without-start",
        "new-message-inside-a-fragmented-one", "fragmented-ping", "ping-payload-past-125",
        "reserved-opcode", "unmasked-client-frame", "rsv1-without-extension"])
def test_a_bad_message_or_frame_closes_with_its_rfc_6455_code(daemon, frames, code):
    with RawWebSocket(daemon.port, ECHO) as ws:
        ws.send(*frames)
        assert ws.close_code() == code
    assert_serves(daemon)


# ---------------------------------------------------------------------------------------------
# Ping floods

def test_a_burst_of_pings_gets_every_pong_in_order_while_others_are_served(daemon):
    count = 5000
    pings = [b"%d" % i for i in range(count)]
    with RawWebSocket(daemon.port, ECHO) as flood:
        flood.send(*[frame(PING, payload) for payload in pings])
        with RawWebSocket(daemon.port, ECHO) as other:
            other.send(frame(TEXT, "hello"))
            assert other.read_message() == (TEXT, b"hello")
        pongs = []
        while len(pongs) < count:
            _, opcode, payload = flood.read_frame()
            assert opcode == PONG
            pongs.append(payload)
        assert pongs == pings
        # The connection is still a working one after the flood.
        flood.send(frame(TEXT, "after"))
        assert flood.read_message() == (TEXT, b"after")


def test_a_ping_flood_that_never_reads_its_pongs_is_held_back_not_buffered(daemon):
    budget = 128 * MIB
    chunk = frame(PING, b"x" * 125) * 8192  # 1 MiB of full-size pings (one mask, repeated)
    baseline_rss = daemon.rss_bytes()
    with RawWebSocket(daemon.port, ECHO, rcvbuf=4096) as flood:
        flood.sock.setblocking(False)
        sent, stalled = 0, False
        view = memoryview(chunk)
        deadline = time.monotonic() + 60
        while sent < budget and time.monotonic() < deadline:
            try:
                sent += flood.sock.send(view[sent % len(chunk):])
            except BlockingIOError:
                # Once the daemon stops reading (its pongs have nowhere to go), the kernels'
                # buffers fill and this socket stays unwritable.
                _, writable, _ = select.select([], [flood.sock], [], 2.0)
                if not writable:
                    stalled = True
                    break
        assert stalled, f"the daemon read all {sent} bytes of pings nobody took pongs for"
        assert sent < budget
        # While it is held back, everyone else is served.
        assert_serves(daemon)
        rss = daemon.rss_bytes()
        assert rss - baseline_rss < 32 * MIB or not daemon.rss_tells_memory(), rss
        print(f"\nping flood held back after {sent / MIB:.1f} MiB; "
              f"RSS {baseline_rss / MIB:.1f} -> {rss / MIB:.1f} MiB")
    assert wait_until(lambda: scrape(daemon, "mockex_open_websockets") == 0)
