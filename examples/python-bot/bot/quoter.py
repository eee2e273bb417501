"""The strategy: one resting limit buy `offset_bps` below the mid.

- no quote and a fresh feed: place one;
- the mid moved more than `replace_bps` from the mid the quote was priced on: cancel, place anew;
- the feed is stale or gone: cancel, and wait for it to come back (never quote on old prices).
"""

import asyncio
import logging
from decimal import ROUND_DOWN, Decimal

log = logging.getLogger("bot.quoter")

BPS = Decimal(10_000)


class Quoter:
    def __init__(self, config, market, desk, portfolio, tick_size):
        self.config, self.market, self.desk, self.portfolio = config, market, desk, portfolio
        self.tick_size = tick_size
        self.quote = None          # client order id of the resting order
        self.quoted_mid = None     # the mid it was priced on

    async def run(self):
        while True:
            try:
                await self.step()
            except Exception:      # noqa: BLE001 - a refused or unknown order: log, go on
                log.exception("quoting failed; trying again in a second")
                await asyncio.sleep(1)
            await self.market.changes.wait()

    async def step(self):
        """Look at the market and the resting quote once, and act."""
        order = self.portfolio.orders.get(self.quote)
        if order is not None and not order.is_open:    # filled or cancelled: quote again
            self.quote = order = None
        mid = self.market.mid
        usable = mid is not None and not self.market.stale and self.market.connected
        if order is not None and (not usable or self._moved(mid)):
            log.info("cancelling %s (%s)", self.quote, "mid moved" if usable else "feed unusable")
            cancelled = await self.desk.cancel(self.quote)
            if cancelled is not None and cancelled["status"] in ("NEW", "PARTIALLY_FILLED"):
                return             # the cancel did not take; try again at the next change
            self.quote = order = None
        if order is None and usable:
            price = (mid * (1 - self.config.offset_bps / BPS)).quantize(self.tick_size, ROUND_DOWN)
            placed = await self.desk.buy_limit(price, self.config.quantity)
            self.quote, self.quoted_mid = placed["clientOrderId"], mid
            log.info("quoting %s %s @ %s (mid %s)", placed["clientOrderId"],
                     self.config.quantity, price, mid)

    def _moved(self, mid) -> bool:
        return abs(mid - self.quoted_mid) / self.quoted_mid * BPS > self.config.replace_bps
