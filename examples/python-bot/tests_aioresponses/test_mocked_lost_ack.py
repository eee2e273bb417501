"""Lost acks, the old way: each way of losing the answer is an exception or a status we type in.
The lookup's answer is canned too, so "the order exists exactly once" is the test's premise, not
something it can observe."""

import errno

import aiohttp
import pytest

from stub_exchange import book_ticker, error, order

LOST = {
    "error": dict(status=503, payload=error(-1007, "Timeout waiting for response from backend "
                  "server. Send status unknown; execution status unknown.")),
    "drop": dict(exception=aiohttp.ServerDisconnectedError()),
    "hang": dict(exception=TimeoutError()),     # no real wait: aiohttp's timeout is bypassed
}


async def place_one(bot):
    bot.market.on_book_ticker(book_ticker("29999.00", "30001.00"))
    await bot.quoter.step()


@pytest.mark.parametrize("mode", list(LOST))
async def test_lost_ack_is_reconciled_by_client_order_id(start_bot, exchange, mode):
    bot = await start_bot()
    exchange.on("POST", "/api/v3/order", **LOST[mode])
    exchange.on("GET", "/api/v3/order", order("pybot-1", "29850.00"))
    await place_one(bot)
    assert (bot.stats.unknown_outcomes, bot.stats.reconciled) == (1, 1)
    exchange.one_lookup_by_client_order_id()


async def test_order_lost_before_the_exchange_is_sent_again_with_the_same_id(start_bot, exchange):
    bot = await start_bot()
    reset = aiohttp.ClientOSError(errno.ECONNRESET, "Connection reset by peer")
    exchange.on("POST", "/api/v3/order", exception=reset)
    exchange.on("GET", "/api/v3/order", error(-2013, "Order does not exist."), status=400)
    exchange.on("POST", "/api/v3/order", order("pybot-1", "29850.00"))
    await place_one(bot)
    assert (bot.stats.unknown_outcomes, bot.stats.reconciled) == (1, 0)
    first, second = exchange.requests("POST", "/api/v3/order")
    assert first.params["newClientOrderId"] == second.params["newClientOrderId"]
