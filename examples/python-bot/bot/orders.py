"""Placing and cancelling orders without ever placing one twice.

Every order carries the bot's own `newClientOrderId`. When the answer to a POST is lost (timeout,
reset, 5xx such as -1007 "execution status unknown"), the bot does not guess and does not blindly
send again: it asks GET /api/v3/order?origClientOrderId=... If the exchange has the order, that is
the answer. If it says -2013 (no such order), sending the same request again is safe: same client
order id, so should the first one surface after all, the exchange refuses the second as a
duplicate and the bot looks it up once more.
"""

import itertools
import logging
import time

from .rest import BinanceError, UnknownOutcome

log = logging.getLogger("bot.orders")

ORDER_DOES_NOT_EXIST = -2013
UNKNOWN_ORDER = -2011        # cancel of an order that is not open (any more)
DUPLICATE = "Duplicate order sent."


class OrderDesk:
    def __init__(self, rest, portfolio, config, stats):
        self.rest, self.portfolio, self.config, self.stats = rest, portfolio, config, stats
        # client order ids unique across restarts: prefix, start time, sequence
        run = f"{config.client_id_prefix}{int(time.time()) % 1_000_000}"
        self._ids = (f"{run}-{n}" for n in itertools.count(1))

    async def buy_limit(self, price, quantity):
        """Place a GTC limit buy; returns the order as the exchange knows it."""
        params = {"symbol": self.config.symbol, "side": "BUY", "type": "LIMIT",
                  "timeInForce": "GTC", "price": str(price), "quantity": str(quantity),
                  "newClientOrderId": next(self._ids), "newOrderRespType": "RESULT"}
        for _ in range(self.config.max_attempts):
            self.stats.orders_sent += 1
            try:
                order = await self.rest.signed("POST", "/api/v3/order", params)
            except UnknownOutcome as e:
                self.stats.unknown_outcomes += 1
                log.warning("order %s: %s; reconciling", params["newClientOrderId"], e)
            except BinanceError as e:
                if e.msg != DUPLICATE:
                    raise
            else:
                self.portfolio.on_order(order)
                return order
            order = await self.lookup(params["newClientOrderId"])
            if order is not None:
                self.stats.reconciled += 1
                log.info("order %s found: %s", order["clientOrderId"], order["status"])
                self.portfolio.on_order(order)
                return order
        raise UnknownOutcome(f"order {params['newClientOrderId']}: still unknown")

    async def cancel(self, client_order_id):
        """Cancel by client order id; returns the order's final state as the exchange knows it."""
        try:
            order = await self.rest.signed("DELETE", "/api/v3/order", {
                "symbol": self.config.symbol, "origClientOrderId": client_order_id})
        except (UnknownOutcome, BinanceError) as e:
            if isinstance(e, BinanceError) and e.code != UNKNOWN_ORDER:
                raise
            # lost answer, or "unknown order" (already filled? a spurious refusal?): look it up
            order = await self.lookup(client_order_id)
            if order is None:
                return None
        self.portfolio.on_order(order)
        return order

    async def lookup(self, client_order_id):
        """GET /api/v3/order by client order id; None when the exchange has no such order."""
        try:
            return await self.rest.signed("GET", "/api/v3/order", {
                "symbol": self.config.symbol, "origClientOrderId": client_order_id})
        except BinanceError as e:
            if e.code == ORDER_DOES_NOT_EXIST:
                return None
            raise

    async def sync_open_orders(self):
        """GET /api/v3/openOrders: after a user data gap, the events missed are not coming back."""
        still_open = await self.rest.signed("GET", "/api/v3/openOrders",
                                            {"symbol": self.config.symbol})
        for order in still_open:
            self.portfolio.on_order(order)
        open_ids = {o["clientOrderId"] for o in still_open}
        for order in self.portfolio.open_orders():   # closed while we were not listening
            if order.client_order_id not in open_ids:
                found = await self.lookup(order.client_order_id)
                if found is not None:
                    self.portfolio.on_order(found)
