"""A latency spike: below the bot's request timeout it is only slower; beyond it, an order's
answer counts as lost, and the bot finds the order by client order id instead of sending it
twice."""

import pytest

from exchange import ACCOUNT, first_quote, one_lookup_by_client_order_id, order_posts, requests

pytestmark = pytest.mark.mockex(scenario="market.yaml")


async def test_rides_out_latency_below_its_timeout(start_bot, ex):
    spike = await ex.faults.latency("* /api/v3/*", ms=400)    # the bot waits up to 1 s
    bot = await start_bot()
    await first_quote(bot)
    assert bot.stats.rest_latency_max >= 0.4
    assert bot.stats.unknown_outcomes == 0
    assert len(await order_posts(ex)) == 1
    assert await requests(ex, "GET", "/api/v3/order") == []     # nothing to reconcile
    assert (await spike.status()).fired >= 4                    # time, info, account, order


async def test_order_slower_than_its_timeout_is_found_not_resent(start_bot, ex):
    await ex.faults.latency("POST /api/v3/order", ms=2500, first=1)
    bot = await start_bot()
    quote = await first_quote(bot, 6)
    assert (bot.stats.unknown_outcomes, bot.stats.reconciled) == (1, 1)
    assert bot.stats.rest_latency_max >= 1.0                    # it did wait for its timeout
    [order] = await ex.orders(ACCOUNT, status="all")
    assert order.client_order_id == quote.client_order_id
    await one_lookup_by_client_order_id(ex)
