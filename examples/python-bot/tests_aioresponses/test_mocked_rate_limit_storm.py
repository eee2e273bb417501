"""A rate-limit storm, the old way: canned 429/418 answers with Retry-After. The gaps are measured
on the bot's own clock at the stub, not by a server receiving the requests."""

from stub_exchange import book_ticker, error, order

TOO_MUCH = error(-1003, "Too much request weight used; current limit is 6000 request weight "
                        "per 1 MINUTE.")


async def test_honours_retry_after_in_a_429_storm(start_bot, exchange):
    for _ in range(2):
        exchange.on("GET", "/api/v3/time", TOO_MUCH, status=429, headers={"Retry-After": "1"})
    bot = await start_bot()
    assert (bot.stats.rate_limited, bot.stats.backoff_seconds) == (2, 2.0)
    first, second, third = exchange.requests("GET", "/api/v3/time")
    assert second.at - first.at >= 1.0 and third.at - second.at >= 1.0


async def test_a_418_ban_on_orders_delays_the_order_and_places_it_once(start_bot, exchange):
    bot = await start_bot()
    exchange.on("POST", "/api/v3/order", TOO_MUCH, status=418, headers={"Retry-After": "1"})
    exchange.on("POST", "/api/v3/order", order("pybot-1", "29850.00"))
    bot.market.on_book_ticker(book_ticker("29999.00", "30001.00"))
    await bot.quoter.step()
    assert bot.stats.rate_limited == 1
    banned, accepted = exchange.requests("POST", "/api/v3/order")
    assert accepted.at - banned.at >= 1.0
    assert banned.params["newClientOrderId"] == accepted.params["newClientOrderId"]
