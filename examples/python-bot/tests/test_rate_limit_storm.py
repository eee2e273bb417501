"""A rate-limit storm: 429s (and a 418 ban) with Retry-After. The bot sends nothing at all for
Retry-After seconds each time, and gets its one order in afterwards."""

import pytest

from exchange import ACCOUNT, first_quote, order_posts, quiet_after

pytestmark = pytest.mark.mockex(scenario="market.yaml")

MS_SLACK = 5   # the journal's wall clock is in whole ms


async def test_honours_retry_after_in_a_429_storm(start_bot, ex):
    storm = await ex.faults.http_error(429, "* /api/v3/*", retry_after=1, first=2)
    bot = await start_bot()
    await first_quote(bot, 8)
    assert (bot.stats.rate_limited, bot.stats.backoff_seconds) == (2, 2.0)
    assert (await storm.status()).fired == 2
    gaps = await quiet_after(ex, 429)
    assert len(gaps) == 2 and all(gap >= 1000 - MS_SLACK for gap in gaps), gaps
    assert len(await order_posts(ex)) == 1
    assert len(await ex.orders(ACCOUNT)) == 1
    assert (await ex.report()).rate_limit_hits == 2


async def test_a_418_ban_on_orders_delays_the_order_and_places_it_once(start_bot, ex):
    await ex.faults.http_error(418, "POST /api/v3/order", retry_after=1, first=1)
    bot = await start_bot()
    await first_quote(bot, 6)
    assert bot.stats.rate_limited == 1
    [gap] = await quiet_after(ex, 418)
    assert gap >= 1000 - MS_SLACK
    assert [e.data["status"] for e in await order_posts(ex, answered=True)] == [418, 200]
    assert len(await ex.orders(ACCOUNT, status="all")) == 1
