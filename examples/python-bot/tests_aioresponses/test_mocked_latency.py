"""A latency spike, the old way. A slow answer is an in-process sleep inside the stub; aiohttp's
own timeout never runs (aioresponses replaces the request it would time), so "slower than the
timeout" can only be approximated by raising asyncio.TimeoutError at once."""

from stub_exchange import book_ticker, order


async def test_rides_out_latency_below_its_timeout(start_bot, exchange):
    bot = await start_bot()
    exchange.on("POST", "/api/v3/order", order("pybot-1", "29850.00"), delay=0.4)
    bot.market.on_book_ticker(book_ticker("29999.00", "30001.00"))
    await bot.quoter.step()
    assert bot.stats.rest_latency_max >= 0.4
    assert bot.stats.unknown_outcomes == 0
    assert exchange.requests("GET", "/api/v3/order") == []


async def test_order_slower_than_its_timeout_is_found_not_resent(start_bot, exchange):
    bot = await start_bot()
    exchange.on("POST", "/api/v3/order", exception=TimeoutError())   # approximated
    exchange.on("GET", "/api/v3/order", order("pybot-1", "29850.00"))
    bot.market.on_book_ticker(book_ticker("29999.00", "30001.00"))
    await bot.quoter.step()
    assert (bot.stats.unknown_outcomes, bot.stats.reconciled) == (1, 1)
    exchange.one_lookup_by_client_order_id()
    # Whether the exchange holds exactly one order: the stub cannot say; it holds none.
