"""WebSocket disconnects: the exchange cuts the user data socket or the market stream. The bot
reconnects, resubscribes, catches up over REST, and its new subscription carries events."""

from decimal import Decimal

import pytest

from exchange import ACCOUNT, acknowledged_quote, first_quote, requests, ws_opens

pytestmark = pytest.mark.mockex(scenario="market.yaml")


async def disconnects(ex):
    return await ex.faults_applied("ws_disconnect")


@pytest.mark.parametrize("abrupt", [False, True], ids=["close-frame", "tcp-close"])
async def test_user_data_disconnect_resubscribes_and_catches_up(start_bot, ex, abrupt):
    bot = await start_bot()
    first = await first_quote(bot)
    await ex.faults.disconnect(abrupt=abrupt, api_key=ACCOUNT, first=1)
    await bot.wait_for(lambda: bot.stats.user_data_subscriptions == 2 and
                       bot.user_data.subscribed, 5)
    assert len(await disconnects(ex)) == 1
    assert len(await ws_opens(ex, "/ws-api/v3")) == 2
    assert await requests(ex, "GET", "/api/v3/openOrders")      # the REST catch-up
    # The new subscription delivers: move the market; the replacement's executionReports and
    # the cancel's arrive on it.
    reports_before = first.reports
    await ex.market.shock("BTCUSDT", pct="2")
    await bot.wait_for(lambda: (acknowledged_quote(bot) or first) is not first, 5)
    second = acknowledged_quote(bot)
    await bot.wait_for(lambda: first.reports > reports_before and second.reports, 5)
    assert first.status == "CANCELED"
    assert second.price > first.price * Decimal("1.01")
    report = (await ex.report()).raw
    assert report["client"]["ws"]["reconnects"] >= 1


async def test_market_stream_disconnect_reconnects(start_bot, ex):
    bot = await start_bot()
    await bot.wait_for(lambda: acknowledged_quote(bot) and bot.market.mid, 5)
    await ex.faults.disconnect(stream="btcusdt@bookTicker", first=1)
    await bot.wait_for(lambda: bot.stats.market_connections == 2 and bot.market.connected, 5)
    assert len(await disconnects(ex)) == 1
    assert len(await ws_opens(ex, "@bookTicker")) == 2
    bid = bot.market.bid    # prices flow on the new connection
    await ex.market.shock("BTCUSDT", pct="-1")
    await bot.wait_for(lambda: bot.market.bid < bid * Decimal("0.995"), 5)
