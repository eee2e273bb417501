"""One reconnect loop for both WebSockets: live one connection, and when it ends or fails, wait
and go again. The wait starts at `reconnect_delay` and doubles up to 5 s while connecting fails;
it starts over once a connection came up."""

import asyncio
import logging

import aiohttp

log = logging.getLogger("bot.reconnect")

MAX_DELAY = 5.0


class Unusable(Exception):
    """A connection that opened but cannot serve (e.g. its subscription was refused)."""


async def keep_connected(name, connection, first_delay, on_down):
    """`await connection()` opens one connection and returns why it ended; `on_down()` runs
    after each end or failure."""
    delay = first_delay
    while True:
        try:
            log.warning("%s: %s; reconnecting", name, await connection())
            delay = first_delay
        except (aiohttp.ClientError, asyncio.TimeoutError, Unusable) as e:
            log.warning("%s failed: %r; reconnecting", name, e)
        on_down()
        await asyncio.sleep(delay)
        delay = min(delay * 2, MAX_DELAY)
