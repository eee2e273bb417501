"""What the bot knows: its orders and balances, counters of what it went through, and a way to
wait until any of it changes."""

import asyncio
from dataclasses import dataclass, field
from decimal import Decimal

OPEN_STATUSES = ("NEW", "PARTIALLY_FILLED")


class Changes:
    """Wakes every waiter whenever the bot's state changes; `wait_for` waits on a predicate."""

    def __init__(self):
        self._event = asyncio.Event()

    def notify(self):
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self):
        await self._event.wait()

    async def wait_for(self, predicate, timeout: float):
        """Return once predicate() is true; asyncio.TimeoutError after `timeout` seconds."""
        async def until():
            while not predicate():
                await self.wait()
        await asyncio.wait_for(until(), timeout)


@dataclass
class Stats:
    """Counters a team would export as metrics; the tests read them too."""
    rest_requests: int = 0
    rest_latency_max: float = 0.0     # seconds, slowest REST answer seen
    rate_limited: int = 0             # 429/418 answers
    backoff_seconds: float = 0.0      # total time waited because of Retry-After
    time_syncs: int = 0
    orders_sent: int = 0              # POST /api/v3/order requests, retries included
    unknown_outcomes: int = 0         # timeouts, resets, 5xx on a write
    reconciled: int = 0               # orders found by client order id after an unknown outcome
    user_data_subscriptions: int = 0  # successful userDataStream subscriptions (1 + resubscribes)
    market_connections: int = 0       # market stream connections opened (1 + reconnects)
    stale_detected: int = 0
    stale_recovered: int = 0
    rest_snapshots: int = 0           # REST bookTicker reads while the stream was stale


@dataclass
class Order:
    client_order_id: str
    symbol: str
    side: str
    price: Decimal
    quantity: Decimal
    order_id: int | None = None
    status: str = "NEW"
    executed: Decimal = Decimal(0)
    reports: int = 0                  # executionReports seen for it

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass
class Balance:
    free: Decimal
    locked: Decimal


@dataclass
class Portfolio:
    """Orders by client order id and balances by asset, from REST answers and user data events."""
    changes: Changes
    orders: dict = field(default_factory=dict)
    balances: dict = field(default_factory=dict)

    def open_orders(self):
        return [o for o in self.orders.values() if o.is_open]

    def on_order(self, data: dict):
        """An order as REST returns it (POST/GET/DELETE /api/v3/order, openOrders)."""
        self._update(data.get("origClientOrderId") or data["clientOrderId"],
                     *(data[k] for k in ("symbol", "side", "price", "origQty", "orderId",
                                         "status", "executedQty")))

    def on_execution_report(self, event: dict):
        """User data `executionReport`: `C` is the original id on cancels, else `c` (§11.4)."""
        order = self._update(event["C"] or event["c"],
                             *(event[k] for k in ("s", "S", "p", "q", "i", "X", "z")))
        order.reports += 1

    def _update(self, cid, symbol, side, price, quantity, order_id, status, executed):
        order = self.orders.get(cid) or Order(cid, symbol, side, Decimal(price),
                                              Decimal(quantity))
        order.order_id, order.status, order.executed = order_id, status, Decimal(executed)
        self.orders[cid] = order
        self.changes.notify()
        return order

    def on_account_position(self, event: dict):
        """User data `outboundAccountPosition`: the assets that changed."""
        for b in event["B"]:
            self.balances[b["a"]] = Balance(Decimal(b["f"]), Decimal(b["l"]))
        self.changes.notify()

    def on_account(self, account: dict):
        """GET /api/v3/account: every balance."""
        self.balances = {b["asset"]: Balance(Decimal(b["free"]), Decimal(b["locked"]))
                         for b in account["balances"]}
        self.changes.notify()
