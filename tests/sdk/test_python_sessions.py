"""mockex.Client and Session against the real daemon: sessions, clock, market, state, errors."""

import socket
from decimal import Decimal

import pytest

import mockex
from conftest import SCENARIOS, TINY
from mockex.daemon import Daemon

def test_a_session_from_a_name_is_listed_described_and_deleted_on_exit(client):
    with client.create_session("quickstart", seed=11, clock="stepped",
                               start=1700000000000) as s:
        assert s.rest_url.endswith(f"/s/{s.id}") and s.rest_url.startswith(client.url)
        assert s.ws_url == s.ws_root + "/ws" and s.ws_api_url == s.ws_root + "/ws-api/v3"
        info = s.info()
        assert (info.id, info.scenario, info.seed, info.clock, info.start) == \
            (s.id, "quickstart", 11, "stepped", 1700000000000)
        assert info.clock_state.now == 1700000000000 and info.finished is False
        assert info.journal["entries"] >= 1
        ids = [listed.id for listed in client.sessions()]
        assert ids[0] == "default" and s.id in ids
    assert s.id not in [listed.id for listed in client.sessions()]
    with pytest.raises(mockex.NotFound) as missing:
        client.session(s.id)
    assert missing.value.code == "session_not_found" and missing.value.status == 404


def test_a_session_from_inline_yaml_or_a_local_file(client, tmp_path):
    with client.create_session(scenario_yaml=TINY) as inline:
        assert inline.info().seed == 3
        assert set(inline.balances("k1")) == {"BTC", "USDT"}
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY)
    with client.create_session(scenario_file=path, seed=5) as from_file:
        assert from_file.info().seed == 5
    with pytest.raises(TypeError):
        client.create_session()
    with pytest.raises(TypeError):
        client.create_session("quickstart", scenario_yaml=TINY)


def test_scenario_errors_come_back_positioned(client):
    with pytest.raises(mockex.InvalidScenario) as bad:
        client.create_session(scenario_yaml="name: x\nseed: 1\nbogus: 2\n")
    error = bad.value
    assert error.status == 422 and error.code == "invalid_scenario"
    assert "<inline>:3:1: unknown key 'bogus' in the scenario" in error.errors
    with pytest.raises(mockex.NotFound) as unknown:
        client.create_session("no-such-scenario")
    assert unknown.value.code == "scenario_not_found"
    with pytest.raises(mockex.InvalidRequest) as escape:
        client.create_session("../etc/passwd")
    assert escape.value.code == "invalid_scenario_name"


def test_a_handle_on_an_existing_session_does_not_delete_it(client):
    created = client.create_session("quickstart")
    try:
        handle = client.session(created.id)
        handle.close()
        assert client.session(created.id).id == created.id
    finally:
        created.close()
    created.close()  # a second close does nothing
    default = client.session()
    assert default.info().default is True
    with pytest.raises(mockex.Conflict) as refused:
        default.delete()
    assert refused.value.code == "default_session"


def test_reset_goes_back_to_the_start_and_clears_faults(session):
    start = session.clock.get().now
    session.clock.advance("3s")
    session.faults.drop(stream="*@trade")
    info = session.reset()
    assert info.id == session.id and info.clock_state.now == start
    assert session.faults.list() == []


def test_the_clock_advances_pauses_resumes_and_refuses_speed_when_stepped(session, client):
    before = session.clock.get()
    assert before.mode == "stepped" and before.ran is None
    after = session.clock.advance("2500ms")
    assert after.now == before.now + 2500 and after.ran > 0
    assert session.clock.advance(500).now == before.now + 3000   # milliseconds
    assert session.clock.pause().paused is True
    assert session.clock.resume().paused is False
    with pytest.raises(mockex.Conflict) as stepped:
        session.clock.set_speed(10)
    assert stepped.value.code == "clock_stepped"
    with client.create_session("quickstart", clock="accelerated") as fast:
        assert fast.clock.set_speed(10).speed == 10
    with pytest.raises(mockex.InvalidRequest) as bad:
        session.clock.advance("soon")
    assert bad.value.code == "invalid_duration"


def test_market_actions_change_what_clients_see(session):
    halted = session.market.halt("BTCUSDT")
    assert (halted.action, halted.symbol) == ("halt", "BTCUSDT") and halted.journal_seq > 0
    assert session.book("BTCUSDT").status == "HALT"
    assert session.market.resume("BTCUSDT").action == "resume"
    assert session.book("BTCUSDT").status == "TRADING"
    assert session.market.shock("BTCUSDT", pct=-10).action == "shock"
    assert session.market.liquidity("ETHUSDT", factor="0.5").action == "liquidity"
    assert session.market.spread("ETHUSDT", bps=25).action == "spread"
    assert session.market.spread(factor=2).symbol is None   # every symbol
    book = session.market.set_book("BTCUSDT", bids=[("29000.00", "1.5"), ("28999.99", "2")],
                                   asks=[(Decimal("29001"), Decimal("0.25"))])
    assert book.raw["bids"] == 2 and book.raw["asks"] == 1
    seen = session.book("BTCUSDT", limit=5)
    assert seen.bids == [(Decimal("29000"), Decimal("1.5")), (Decimal("28999.99"), Decimal("2"))]
    assert seen.asks == [(Decimal("29001"), Decimal("0.25"))]
    assert seen.last_update_id == book.raw["lastUpdateId"]
    with pytest.raises(mockex.NotFound) as unknown:
        session.market.halt("NOPEUSDT")
    assert unknown.value.code == "symbol_not_found"
    with pytest.raises(mockex.InvalidRequest):
        session.market.set_book("BTCUSDT", bids=[("29002", "1")], asks=[("29001", "1")])


def test_balances_are_set_deposited_and_withdrawn_exactly(session):
    assert session.balances("demo-key")["USDT"].free == Decimal("100000")
    assert session.set_balance("demo-key", "USDT", "250.5").free == Decimal("250.5")
    assert session.deposit("demo-key", "USDT", Decimal("0.25")).free == Decimal("250.75")
    assert session.withdraw("demo-key", "USDT", 50).free == Decimal("200.75")
    assert session.balances("demo-key")["USDT"].locked == 0
    with pytest.raises(mockex.Conflict) as short:
        session.withdraw("demo-key", "USDT", "1000")
    assert short.value.code == "insufficient_balance"
    with pytest.raises(mockex.InvalidRequest) as bad:
        session.set_balance("demo-key", "USDT", "-1")
    assert bad.value.code == "invalid_amount"
    with pytest.raises(mockex.NotFound) as nobody:
        session.balances("nobody")
    assert nobody.value.code == "account_not_found"


def test_a_daemon_with_a_token_refuses_a_client_without_it(tmp_path):
    daemon = Daemon.start(tmp_path, scenario_dirs=[SCENARIOS],
                          env={"MOCKEX_ADMIN_TOKEN": "t0ps3cret"})
    try:
        assert [s.id for s in daemon.client.sessions()] == ["default"]   # the token is sent
        with pytest.raises(mockex.Unauthorized) as refused:
            mockex.Client(daemon.url, token="wrong").sessions()
        assert refused.value.status == 401 and refused.value.code == "unauthorized"
    finally:
        assert daemon.stop() == 0


def test_an_unreachable_daemon_is_a_connection_failure():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(mockex.ConnectionFailed):
        mockex.Client(f"http://127.0.0.1:{port}", timeout=2).sessions()
    with pytest.raises(ValueError):
        mockex.Client("https://example.invalid")


def test_health_and_metrics(client):
    assert client.ready() is True
    assert "mockex_sessions" in client.metrics()
