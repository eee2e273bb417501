"""The market stream: `<symbol>@bookTicker` (spec §10), with a watchdog for a stale feed.

Silence alone does not say much: the connection may be dead, or alive with a feed that stopped.
So on silence the bot pings. An unanswered ping means a dead connection: reconnect. An answered
ping with still no data for `stale_after` seconds means the feed is stale: the bot flags it (the
strategy pulls its quote), reads the REST bookTicker as a reference, and after
`resubscribe_after` seconds it reconnects, which is the cure when one stream of a server is stuck.
The first message after that clears the flag.
"""

import asyncio
import json
import logging
from decimal import Decimal

import aiohttp

from .reconnect import keep_connected

log = logging.getLogger("bot.market")


class MarketFeed:
    def __init__(self, http, config, rest, changes, stats):
        self.http, self.config, self.rest = http, config, rest
        self.changes, self.stats = changes, stats
        self.bid = self.ask = None
        self.stale = False
        self.connected = False
        self.rest_quote = None             # (bid, ask) from REST while the stream is stale
        self._last_data = 0.0
        self._stale_since = None

    @property
    def mid(self):
        return None if self.bid is None else (self.bid + self.ask) / 2

    @property
    def url(self):
        return f"{self.config.stream_url}/ws/{self.config.symbol.lower()}@bookTicker"

    async def run(self):
        await keep_connected("market stream", self._connection, self.config.reconnect_delay,
                             self._down)

    async def _connection(self):
        # autoping off: the bot answers server pings and watches its own pongs itself
        async with self.http.ws_connect(self.url, autoping=False,
                                        timeout=self.config.request_timeout) as ws:
            self.stats.market_connections += 1
            self.connected = True
            self._last_data = asyncio.get_running_loop().time()
            return await self._read(ws)

    def _down(self):
        self.connected = False
        self.changes.notify()

    async def _read(self, ws) -> str:
        """Read until the connection should be replaced; returns why."""
        loop = asyncio.get_running_loop()
        ping_unanswered = False
        while True:
            try:
                message = await ws.receive(timeout=self.config.stale_after / 2)
            except asyncio.TimeoutError:
                if ping_unanswered:
                    return "ping unanswered"
                ping_unanswered = True
                await ws.ping()
                continue
            if message.type == aiohttp.WSMsgType.PING:
                await ws.pong(message.data)
            elif message.type == aiohttp.WSMsgType.PONG:
                ping_unanswered = False
                if await self._check_silence(loop.time()):
                    return f"stale for {self.config.resubscribe_after}s"
            elif message.type == aiohttp.WSMsgType.TEXT:
                self._last_data = loop.time()
                self.on_book_ticker(json.loads(message.data))
            else:
                return f"closed ({ws.close_code})"

    def on_book_ticker(self, data: dict):
        self.bid, self.ask = Decimal(data["b"]), Decimal(data["a"])
        if self.stale:
            self.stale = False
            self._stale_since = None
            self.stats.stale_recovered += 1
            log.info("market stream fresh again")
        self.changes.notify()

    async def _check_silence(self, now) -> bool:
        """The connection answers pings; is the feed stale? True when it is time to reconnect."""
        silent = now - self._last_data
        if silent < self.config.stale_after:
            return False
        if not self.stale:
            self.stale = True
            self._stale_since = now
            self.stats.stale_detected += 1
            log.warning("market stream stale: no data for %.1f s, pings answered", silent)
            self.changes.notify()
            await self.read_rest_quote()
        return now - self._stale_since >= self.config.resubscribe_after

    async def read_rest_quote(self):
        """The REST bookTicker, for the record. Not quoted on: a frozen stream often means a
        frozen snapshot too (mockexd's `stale` fault freezes both): the bot waits for the stream."""
        try:
            ticker = await self.rest.public("/api/v3/ticker/bookTicker",
                                            {"symbol": self.config.symbol})
        except Exception as e:      # noqa: BLE001 - a reference read must not kill the feed
            log.warning("REST bookTicker failed: %r", e)
            return
        self.rest_quote = (Decimal(ticker["bidPrice"]), Decimal(ticker["askPrice"]))
        self.stats.rest_snapshots += 1
