"""The bot on a healthy exchange: it quotes one resting buy below the mid, sees it confirmed
over user data, and moves it when the market moves."""

from decimal import Decimal

import pytest

from exchange import ACCOUNT, acknowledged_quote, first_quote, order_posts, requests

pytestmark = pytest.mark.mockex(scenario="market.yaml")


async def test_quotes_one_resting_buy_below_the_mid(start_bot, ex):
    bot = await start_bot()
    quote = await first_quote(bot)
    # The bot's view: the order confirmed by an executionReport too, its funds locked per
    # outboundAccountPosition.
    await bot.wait_for(lambda: quote.reports and bot.portfolio.balances["USDT"].locked, 5)
    assert quote.status == "NEW"
    assert bot.portfolio.balances["USDT"].locked == quote.price * quote.quantity
    # The exchange's view: that one order resting, below the best bid, nothing else sent.
    book = await ex.book("BTCUSDT", limit=1)
    [resting] = await ex.orders(ACCOUNT, status="all")
    assert (resting.client_order_id, resting.side, resting.status) == \
        (quote.client_order_id, "BUY", "NEW")
    assert resting.price == quote.price < book.bids[0][0]
    assert len(await order_posts(ex)) == 1
    assert (await ex.balances(ACCOUNT))["USDT"].locked == quote.price * quote.quantity


async def test_moves_its_quote_when_the_mid_moves(start_bot, ex):
    bot = await start_bot()
    first = await first_quote(bot)
    await ex.market.shock("BTCUSDT", pct="2")
    await bot.wait_for(lambda: (acknowledged_quote(bot) or first) is not first, 5)
    second = acknowledged_quote(bot)
    assert second.price > first.price * Decimal("1.01")
    assert bot.portfolio.orders[first.client_order_id].status == "CANCELED"
    orders = {o.client_order_id: o for o in await ex.orders(ACCOUNT, status="all")}
    assert orders[first.client_order_id].status == "CANCELED"
    assert orders[second.client_order_id].status == "NEW"
    assert len(orders) == 2
    assert len(await requests(ex, "DELETE", "/api/v3/order")) == 1


async def test_syncs_to_a_skewed_server_clock(start_bot, ex):
    # The server runs 3 s behind: a client stamping requests with its own clock is 'ahead'
    # and gets -1021 on every signed call. The bot measured the offset first.
    await ex.faults.clock_skew(ms=-3000)
    bot = await start_bot()
    await first_quote(bot)
    assert bot.rest.time_offset_ms < -2000
    [time_request, *signed] = [e for e in await ex.entries(kinds=["http_response"])
                               if e.path != "/api/v3/exchangeInfo"]
    assert time_request.path == "/api/v3/time"
    assert signed and all(e.data["status"] == 200 for e in signed)


async def test_stopping_pulls_the_quote(start_bot, ex):
    bot = await start_bot()
    await first_quote(bot)
    await bot.stop()
    assert await ex.orders(ACCOUNT) == []
