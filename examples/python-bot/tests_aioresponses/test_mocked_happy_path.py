"""The happy path, the old way. The bot's REST half against canned answers; the executionReport
and the market's prices are typed in. What the real exchange would have done with the order
(rest it, lock funds, report it) is whatever the stubs say."""

from decimal import Decimal

from stub_exchange import book_ticker, execution_report, order


async def quote_at(bot, exchange, bid, ask, order_id=1):
    """Feed one bookTicker by hand and let the quoter act, with the POST answered."""
    bot.market.on_book_ticker(book_ticker(bid, ask))
    mid = (Decimal(bid) + Decimal(ask)) / 2
    price = (mid * Decimal("0.995")).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    exchange.on("POST", "/api/v3/order", order(f"pybot-{order_id}", price, order_id=order_id))
    await bot.quoter.step()
    return exchange.requests("POST", "/api/v3/order")[-1].params


async def test_quotes_one_resting_buy_below_the_mid(start_bot, exchange):
    bot = await start_bot()
    sent = await quote_at(bot, exchange, "29999.00", "30001.00")
    assert (sent["side"], sent["type"], sent["timeInForce"]) == ("BUY", "LIMIT", "GTC")
    assert Decimal(sent["price"]) == Decimal("29850.00")
    assert sent["newClientOrderId"].startswith("pybot-") and "signature" in sent
    # The stub answered with the client id we wrote into it, not the one the bot sent:
    # aioresponses cannot echo what an exchange would.
    bot.user_data.on_event(execution_report("pybot-1", "29850.00", "NEW"))
    assert bot.portfolio.orders["pybot-1"].reports == 1


async def test_moves_its_quote_when_the_mid_moves(start_bot, exchange):
    bot = await start_bot()
    await quote_at(bot, exchange, "29999.00", "30001.00")
    exchange.on("DELETE", "/api/v3/order", order("pybot-1", "29850.00", "CANCELED"))
    await quote_at(bot, exchange, "30599.00", "30601.00", order_id=2)
    assert [s.method for s in exchange.sent if s.path == "/api/v3/order"] == \
        ["POST", "DELETE", "POST"]
    assert exchange.requests("DELETE", "/api/v3/order")[0].params["origClientOrderId"] == \
        "pybot-1"


async def test_syncs_to_a_skewed_server_clock(start_bot, exchange):
    # The stub's clock says 3 s behind; whether the exchange would accept the timestamps the
    # bot then sends (-1021) is not something a stub checks.
    bot = await start_bot(server_time_offset_ms=-3000)
    assert bot.rest.time_offset_ms < -2000
    [account] = exchange.requests("GET", "/api/v3/account")
    assert int(account.params["timestamp"]) < (bot.rest.timestamp() + 3000) - 2000


async def test_stopping_pulls_the_quote(start_bot, exchange):
    bot = await start_bot(cancel_on_exit=True)
    await quote_at(bot, exchange, "29999.00", "30001.00")
    exchange.on("DELETE", "/api/v3/order", order("pybot-1", "29850.00", "CANCELED"))
    await bot.stop()
    assert len(exchange.requests("DELETE", "/api/v3/order")) == 1
