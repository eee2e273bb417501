"""The bot against a real mockexd: each test gets its own exchange session (the `mockex`
fixture of mockex.pytest_plugin) and starts the bot on it with `start_bot`."""

import dataclasses

import pytest

from bot import Bot


@pytest.fixture
def ex(amockex):
    """The test's session for asyncio code (the plugin's `amockex`): the bot runs on the test's
    event loop, so the test must not block it with the synchronous SDK."""
    return amockex


@pytest.fixture
async def start_bot(mockex, make_config):
    """`bot = await start_bot(**config_changes)`: a bot on this test's session, stopped after."""
    config = make_config(rest_url=mockex.rest_url, ws_api_url=mockex.ws_api_url,
                         stream_url=mockex.ws_root)
    bots = []

    async def start(**changes):
        bot = Bot(dataclasses.replace(config, **changes))
        bots.append(bot)
        return await bot.start()

    yield start
    for bot in bots:
        await bot.stop()
