"""The bot against aioresponses: no daemon, no sockets. Only the bot's REST half runs
(`Bot.prepare()`); WebSocket input is typed in by calling the bot's handlers."""

import pytest
from aioresponses import aioresponses

from bot import Bot
from stub_exchange import BASE, WS_BASE, StubExchange


@pytest.fixture
def exchange():
    with aioresponses() as mock:
        yield StubExchange(mock)


@pytest.fixture
async def start_bot(exchange, make_config):
    """`bot = await start_bot(**config_changes)`: the REST half of a bot on the stubbed
    startup answers (time, exchangeInfo, account), stopped after."""
    bots = []

    async def start(server_time_offset_ms=0, **changes):
        exchange.startup(server_time_offset_ms)   # after the test's own stubs: those come first
        bot = Bot(make_config(rest_url=BASE, ws_api_url=f"{WS_BASE}/ws-api/v3",
                              stream_url=WS_BASE, **{"cancel_on_exit": False, **changes}))
        bots.append(bot)
        await bot.prepare()
        bot.market.connected = True      # there is no stream; pretend it is up
        return bot

    yield start
    for bot in bots:
        await bot.stop()
