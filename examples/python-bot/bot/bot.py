"""The bot: wires REST, user data, the market stream and the strategy together."""

import asyncio
import logging
from decimal import Decimal

import aiohttp

from .market import MarketFeed
from .orders import OrderDesk
from .quoter import Quoter
from .rest import RestClient
from .state import Changes, Portfolio, Stats
from .userdata import UserDataStream

log = logging.getLogger("bot")


class Bot:
    """`async with Bot(config) as bot:` starts it; leaving the block stops it, quote pulled."""

    def __init__(self, config):
        self.config = config
        self.stats = Stats()
        self.changes = Changes()
        self.portfolio = Portfolio(self.changes)
        self._tasks = []
        self.http = self.rest = self.desk = self.market = self.user_data = self.quoter = None

    async def prepare(self):
        """The REST half of starting: server time, the symbol's tick size, balances. Builds the
        parts; opens no WebSocket (start() does)."""
        self.http = aiohttp.ClientSession()
        self.rest = RestClient(self.http, self.config, self.stats)
        self.desk = OrderDesk(self.rest, self.portfolio, self.config, self.stats)
        await self.rest.sync_time()
        tick = await self._tick_size()
        self.portfolio.on_account(await self.rest.signed("GET", "/api/v3/account"))
        self.user_data = UserDataStream(self.http, self.config, self.rest, self.portfolio,
                                        self.stats, on_resubscribed=self.catch_up)
        self.market = MarketFeed(self.http, self.config, self.rest, self.changes, self.stats)
        self.quoter = Quoter(self.config, self.market, self.desk, self.portfolio, tick)
        return self

    async def start(self):
        await self.prepare()
        self._spawn(self.user_data.run(), self.market.run())
        # quote only once every executionReport of our orders will reach us
        await self.wait_for(lambda: self.user_data.subscribed, self.config.request_timeout)
        self._spawn(self.quoter.run())
        return self

    async def stop(self):
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        try:
            if self.config.cancel_on_exit and self.desk is not None:
                for order in self.portfolio.open_orders():
                    await self.desk.cancel(order.client_order_id)
        finally:
            if self.http is not None:
                await self.http.close()

    async def __aenter__(self):
        try:
            return await self.start()
        except BaseException:
            await self.stop()
            raise

    async def __aexit__(self, *exc):
        await self.stop()

    async def wait_for(self, predicate, timeout: float):
        """Wait until predicate() holds (re-checked on every state change)."""
        await self.changes.wait_for(predicate, timeout)

    def _spawn(self, *coroutines):
        self._tasks += [asyncio.create_task(c) for c in coroutines]

    async def _tick_size(self) -> Decimal:
        info = await self.rest.public("/api/v3/exchangeInfo", {"symbol": self.config.symbol})
        filters = {f["filterType"]: f for f in info["symbols"][0]["filters"]}
        return Decimal(filters["PRICE_FILTER"]["tickSize"]).normalize()

    async def catch_up(self):
        """After a user data gap: what happened to our orders and balances while we were away."""
        log.info("user data resubscribed; catching up over REST")
        await self.desk.sync_open_orders()
        self.portfolio.on_account(await self.rest.signed("GET", "/api/v3/account"))
