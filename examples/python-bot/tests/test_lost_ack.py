"""Lost order acknowledgements: the exchange places the order and the answer never arrives (a
503 -1007, a reset connection, or silence). The bot reconciles by its client order id: exactly
one order, whatever the way the answer was lost."""

import pytest

from exchange import ACCOUNT, first_quote, one_lookup_by_client_order_id, order_posts, params

pytestmark = pytest.mark.mockex(scenario="market.yaml")


@pytest.mark.parametrize("mode", ["error", "drop", "hang"])
async def test_lost_ack_is_reconciled_by_client_order_id(start_bot, ex, mode):
    lost = await ex.faults.ack_lost(mode, client_order_id="pybot-*", first=1)
    bot = await start_bot()
    quote = await first_quote(bot, 6)
    assert (bot.stats.unknown_outcomes, bot.stats.reconciled) == (1, 1)
    if mode == "hang":
        assert bot.stats.rest_latency_max >= 1.0               # its request timeout
    assert (await lost.status()).fired == 1
    [order] = await ex.orders(ACCOUNT, status="all")
    assert (order.client_order_id, order.order_id) == (quote.client_order_id, quote.order_id)
    await one_lookup_by_client_order_id(ex)


async def test_order_lost_before_the_exchange_is_sent_again_with_the_same_id(start_bot, ex):
    # A reset before the order reaches the venue: nothing placed. The lookup says so (-2013),
    # and the bot sends the same request again, same client order id.
    await ex.faults.reset("POST /api/v3/order", first=1)
    bot = await start_bot()
    await first_quote(bot, 6)
    assert (bot.stats.unknown_outcomes, bot.stats.reconciled) == (1, 0)
    first, second = await order_posts(ex)
    assert params(first)["newClientOrderId"] == params(second)["newClientOrderId"]
    [order] = await ex.orders(ACCOUNT, status="all")
    assert order.client_order_id == params(first)["newClientOrderId"]
