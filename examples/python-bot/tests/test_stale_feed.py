"""A stale feed: the bookTicker stream goes quiet while its connection still answers pings and
the market moves on. The bot flags it, pulls its quote, reads REST, reconnects the stream, and
quotes again once prices flow."""

import asyncio

import pytest

from exchange import ACCOUNT, acknowledged_quote, first_quote, requests, ws_opens

pytestmark = pytest.mark.mockex(scenario="market.yaml")


async def test_stale_feed_is_detected_and_recovered(start_bot, ex):
    bot = await start_bot()
    first = await first_quote(bot)
    loop = asyncio.get_running_loop()
    frozen = await ex.faults.stale(symbol="BTCUSDT")
    since = loop.time()

    await bot.wait_for(lambda: bot.market.stale, 5)
    assert loop.time() - since >= bot.config.stale_after / 2    # not at the first quiet moment
    assert bot.market.connected                                  # pings answered: not dead
    assert (await frozen.status()).fired > 0                     # the exchange held prices back
    await bot.wait_for(lambda: not first.is_open, 5)             # quote pulled
    assert await ex.orders(ACCOUNT) == []
    assert await requests(ex, "GET", "/api/v3/ticker/bookTicker")  # REST read for reference
    assert bot.stats.rest_snapshots >= 1
    # Still silent after resubscribe_after: a fresh connection (on which the fault holds too).
    await bot.wait_for(lambda: bot.stats.market_connections >= 2, 5)
    assert len(await ws_opens(ex, "@bookTicker")) >= 2
    assert bot.stats.stale_detected == 1

    await frozen.remove()
    await bot.wait_for(lambda: not bot.market.stale and acknowledged_quote(bot), 5)
    assert bot.stats.stale_recovered == 1
    [resting] = await ex.orders(ACCOUNT)
    assert resting.client_order_id == acknowledged_quote(bot).client_order_id != \
        first.client_order_id
