"""mockex.Session's journal, report, orders and fault rules against the real daemon, with the
faults checked on the wire by a plain HTTP client."""

import time
from decimal import Decimal

import pytest

import mockex
from binance_rest import call, place_limit_buy
from conftest import DEMO_KEY

# Every builder with the arguments it needs, and the kind it adds.
BUILDERS = [
    ("latency", dict(http="POST /api/v3/order", ms=800, jitter_ms=200), "latency"),
    ("http_error", dict(status=429, http="* /api/v3/*", retry_after=5), "http_error"),
    ("hang", dict(http="GET /api/v3/time"), "hang"),
    ("reset", dict(http="GET /api/v3/time"), "reset"),
    ("close_after_headers", dict(http="GET /api/v3/time"), "close_after_headers"),
    ("truncate", dict(http="GET /api/v3/time", bytes=3), "truncate"),
    ("malformed", dict(http="GET /api/v3/time"), "malformed"),
    ("slow_body", dict(http="GET /api/v3/time", ms=100, chunk_bytes=2), "slow_body"),
    ("refuse", dict(status=502), "ws_refuse"),
    ("disconnect", dict(code=4000, stream="*@trade"), "ws_disconnect"),
    ("no_pong", dict(), "ws_no_pong"),
    ("drop", dict(stream="*@depth*", probability=0.2), "ws_drop"),
    ("delay", dict(ms=100, jitter_ms=10), "ws_delay"),
    ("duplicate", dict(stream="*@trade"), "ws_duplicate"),
    ("reorder", dict(), "ws_reorder"),
    ("corrupt", dict(mode="invalid_json"), "ws_corrupt"),
    ("depth_gap", dict(skip=2), "depth_gap"),
    ("stale", dict(symbol="BTCUSDT", for_="3s"), "stale"),
    ("lag", dict(ms=500), "lag"),
    ("clock_skew", dict(ms=-2000), "clock_skew"),
    ("order_reject", dict(code=-2010), "order_reject"),
    ("ack_lost", dict(mode="drop", client_order_id="x-*"), "ack_lost"),
    ("cancel_unknown", dict(), "cancel_unknown"),
    ("duplicate_report", dict(event="executionReport.TRADE"), "duplicate_report"),
    ("fill_delay", dict(ms=1000), "fill_delay"),
    ("partial_fill", dict(ratio=0.25), "partial_fill"),
]


@pytest.mark.parametrize("builder,kwargs,kind", BUILDERS, ids=[b[0] for b in BUILDERS])
def test_every_builder_adds_a_rule_the_daemon_accepts(session, builder, kwargs, kind):
    fault = getattr(session.faults, builder)(**kwargs)
    assert fault.kind == kind and fault.name == f"{kind}-1"
    status = fault.status()
    assert status.kind == kind and status.state == "active" and status.fired == 0
    assert [f.name for f in session.faults.list()] == [fault.name]
    rule = status.raw
    for key in ("http", "stream", "symbol", "client_order_id", "event"):
        if key in kwargs:
            assert rule["match"][key] == kwargs[key]
    if "probability" in kwargs:
        assert rule["probability"] == kwargs["probability"]


def test_a_rule_with_every_when_option_reads_back_as_given(session):
    fault = session.faults.add(
        "http_error", name="storm", params={"status": 503}, match={"protocol": "http"},
        http="* /api/v3/*", api_key=DEMO_KEY, probability=0.5, for_="2s", first=3, every=2,
        after=1, trigger={"on": "order", "count": 3, "scope": "all"})
    rule = fault.status().raw
    assert rule["match"] == {"protocol": "http", "http": "* /api/v3/*", "api_key": DEMO_KEY}
    assert (rule["probability"], rule["first"], rule["every"], rule["after"]) == (0.5, 3, 2, 1)
    assert rule["trigger"]["on"] == "order" and fault.status().state == "armed"
    with pytest.raises(TypeError):
        session.faults.drop(streams="*")   # a typo is refused here, not ignored


def test_rules_pause_resume_and_go_when_their_block_ends(session):
    with session.faults.drop(stream="*@trade", name="quiet") as fault:
        assert fault.pause().state == "paused"
        assert fault.resume().state == "active"
        assert session.faults.get("quiet").name == "quiet"
    assert session.faults.list() == []
    with session.faults.drop(name="gone-early") as fault:
        fault.remove()       # leaving the block after a remove (or a reset) is fine
    session.faults.hang(name="a")
    session.faults.hang(name="b")
    session.faults.clear()
    assert session.faults.list() == []
    with pytest.raises(mockex.NotFound) as missing:
        session.faults.get("a")
    assert missing.value.code == "fault_not_found"


def test_a_rule_name_with_reserved_characters_is_addressable(session):
    fault = session.faults.hang(name="slow / 50% + more")
    assert fault.status().name == "slow / 50% + more"
    assert fault.pause().state == "paused"
    fault.remove()
    assert session.faults.list() == []


def test_bad_rules_name_the_culprit(session):
    with pytest.raises(mockex.InvalidRequest) as bad:
        session.faults.latency(ms=-5)
    assert bad.value.code == "invalid_fault" and bad.value.field == "params.ms"
    with pytest.raises(mockex.InvalidRequest) as unknown:
        session.faults.add("earthquake")
    assert unknown.value.field == "kind"
    session.faults.hang(name="dup")
    with pytest.raises(mockex.Conflict) as taken:
        session.faults.hang(name="dup")
    assert taken.value.code == "fault_exists"


def test_faults_act_on_the_wire(client):
    with client.create_session("quickstart") as s:
        with s.faults.http_error(429, "GET /api/v3/ticker/price", retry_after=7, first=1):
            status, body, headers = call(s.rest_url, "GET", "/api/v3/ticker/price",
                                         {"symbol": "BTCUSDT"})
            assert status == 429 and body["code"] == -1003 and headers["Retry-After"] == "7"
            assert call(s.rest_url, "GET", "/api/v3/ticker/price",
                        {"symbol": "BTCUSDT"})[0] == 200   # first=1: only once
        with s.faults.latency("GET /api/v3/time", ms=300):
            began = time.monotonic()
            assert call(s.rest_url, "GET", "/api/v3/time")[0] == 200
            assert time.monotonic() - began >= 0.3
        fired = s.faults_applied()
        assert [(e.data["fault_kind"], e.data["target"]) for e in fired] == [
            ("http_error", "GET /api/v3/ticker/price"), ("latency", "GET /api/v3/time")]
        report = s.report()
        assert report.faults_total == 2
        assert report.faults_by_kind == {"http_error": 1, "latency": 1}
        assert report.rate_limit_hits == 1
        assert report.http_by_endpoint["GET /api/v3/ticker/price"] == {"200": 1, "429": 1}
        markdown = s.report_markdown()
        assert markdown.startswith("# Session report") and "http_error" in markdown


def test_orders_and_their_journal(client):
    with client.create_session("quickstart") as s:
        status, order, _ = place_limit_buy(s.rest_url, "sdk-1")
        assert status == 200, order
        (open_order,) = s.orders(DEMO_KEY)
        assert (open_order.client_order_id, open_order.status, open_order.price) == \
            ("sdk-1", "NEW", Decimal("20000"))
        assert open_order.order_id == order["orderId"] and open_order.raw["side"] == "BUY"
        assert s.orders(DEMO_KEY, symbol="ETHUSDT") == []
        assert s.balances(DEMO_KEY)["USDT"].locked == Decimal("20")
        placed = s.wait_for("order", text="sdk-1")
        assert placed.data["event"] == "placed" and placed.data["client_order_id"] == "sdk-1"
        assert s.report().orders["placed"] == 1
        (request,) = s.entries(kinds="http_request", text="/api/v3/order")
        assert request.data["path"] == f"/s/{s.id}/api/v3/order"
        assert request.path == "/api/v3/order" and placed.path is None


def test_the_journal_pages_filters_waits_and_exports(session):
    for _ in range(5):
        session.clock.advance("1s")
    clocks = session.entries(kinds="clock")
    assert [e.data["event"] for e in clocks] == ["advanced"] * 5
    first = session.journal(kinds=["clock"], limit=2)
    assert len(first.entries) == 2 and first.more is True
    second = session.journal(kinds="clock", after=first.next_after, limit=10)
    assert [e.seq for e in first.entries + second.entries] == [e.seq for e in clocks]
    assert second.more is False and second.missed == 0
    window = session.journal(from_=clocks[1].t, to=clocks[3].t, kinds="clock")
    assert [e.seq for e in window.entries] == [clocks[1].seq, clocks[2].seq]
    assert session.journal(until=clocks[0].seq).entries[-1].seq == clocks[0].seq
    everything = session.export_journal()
    assert [e.seq for e in everything] == sorted(e.seq for e in everything)
    assert {e.kind for e in everything} == {"session", "clock"}
    last = everything[-1].seq
    began = time.monotonic()
    with pytest.raises(mockex.MockexTimeout):
        session.wait_for("fill", after=last, timeout=0.5)
    assert time.monotonic() - began >= 0.5
    session.market.halt("BTCUSDT")
    assert session.wait_for("market", text="halt", after=last).data["event"] == "halt BTCUSDT"
