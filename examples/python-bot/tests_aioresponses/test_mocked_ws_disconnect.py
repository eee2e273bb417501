"""WebSocket disconnects, the old way: there is no WebSocket to cut. What is left: the REST
catch-up the bot runs after resubscribing, called by hand."""

import aiohttp
import pytest

from stub_exchange import ACCOUNT_BALANCES, WS_BASE, order


async def test_aioresponses_cannot_serve_a_websocket(start_bot):
    bot = await start_bot()
    with pytest.raises(aiohttp.ClientConnectionError):
        await bot.http.ws_connect(f"{WS_BASE}/ws-api/v3")


@pytest.mark.skip(reason="aioresponses has no WebSocket: nothing to disconnect, no resubscribe")
async def test_user_data_disconnect_resubscribes():
    """Cannot be written with aioresponses (see tests/test_ws_disconnect.py)."""


async def test_catch_up_finds_what_happened_while_away(start_bot, exchange):
    bot = await start_bot()
    bot.portfolio.on_order(order("pybot-1", "29850.00"))            # known open before the gap
    exchange.on("GET", "/api/v3/openOrders", [])                     # ... gone meanwhile
    exchange.on("GET", "/api/v3/order", order("pybot-1", "29850.00", "CANCELED"))
    exchange.on("GET", "/api/v3/account", {"balances": ACCOUNT_BALANCES})
    await bot.catch_up()
    assert bot.portfolio.orders["pybot-1"].status == "CANCELED"
    assert [s.path for s in exchange.sent[-3:]] == \
        ["/api/v3/openOrders", "/api/v3/order", "/api/v3/account"]

