"""`python3 -m bot`, as the README runs it: it quotes, and pulls its quote when it stops."""

import asyncio
import pathlib
import sys

import pytest

from exchange import ACCOUNT, order_posts, requests

pytestmark = pytest.mark.mockex(scenario="market.yaml")

BOT_DIR = pathlib.Path(__file__).resolve().parents[1]


async def test_runs_for_a_while_and_cleans_up(mockex, ex):
    bot = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--rest", mockex.rest_url, "--ws-api", mockex.ws_api_url,
        "--stream", mockex.ws_root, "--duration", "1.5", cwd=BOT_DIR,
        stderr=asyncio.subprocess.PIPE)
    _, log = await asyncio.wait_for(bot.communicate(), 20)
    assert bot.returncode == 0, log.decode()
    assert b"quoting pybot-" in log and b"stats: Stats(" in log
    assert len(await order_posts(ex)) == 1
    assert len(await requests(ex, "DELETE", "/api/v3/order")) == 1
    [order] = await ex.orders(ACCOUNT, status="all")
    assert order.status == "CANCELED"
