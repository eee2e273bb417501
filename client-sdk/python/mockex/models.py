"""Typed results of the admin API. Prices, quantities and balances are `Decimal`, exact as the
daemon wrote them; each result keeps the daemon's JSON as `raw` for anything not typed here."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Optional


@dataclass(frozen=True)
class Clock:
    now: int                      # scenario time, epoch ms
    mode: str                     # realtime, accelerated or stepped
    paused: bool
    speed: float
    ran: Optional[int] = None     # callbacks an advance ran; None for other calls

    @classmethod
    def from_json(cls, d):
        return cls(now=d["now"], mode=d["mode"], paused=d["paused"], speed=d["speed"],
                   ran=d.get("ran"))


@dataclass(frozen=True)
class SessionInfo:
    id: str
    default: bool
    scenario: str
    seed: int
    clock: str
    start: int
    created: int
    rest_url: str
    ws_url: str
    ws_api_url: str
    clock_state: Optional[Clock] = None
    finished: Optional[bool] = None
    open_fault_windows: list = field(default_factory=list)
    journal: Optional[dict] = None
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d):
        state = d.get("clock_state")
        return cls(id=d["id"], default=d["default"], scenario=d["scenario"], seed=d["seed"],
                   clock=d["clock"], start=d["start"], created=d["created"],
                   rest_url=d["rest_url"], ws_url=d["ws_url"], ws_api_url=d["ws_api_url"],
                   clock_state=Clock.from_json(state) if state else None,
                   finished=d.get("finished"),
                   open_fault_windows=list(d.get("open_fault_windows", [])),
                   journal=d.get("journal"), raw=d)


@dataclass(frozen=True)
class MarketAction:
    action: str
    symbol: Optional[str]
    now: int
    journal_seq: int
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d):
        return cls(action=d["action"], symbol=d.get("symbol"), now=d["now"],
                   journal_seq=d["journal_seq"], raw=d)


@dataclass(frozen=True)
class Balance:
    asset: str
    free: Decimal
    locked: Decimal

    @classmethod
    def from_json(cls, d):
        return cls(asset=d["asset"], free=Decimal(d["free"]), locked=Decimal(d["locked"]))


def balances_from_json(d):
    return {line["asset"]: Balance.from_json(line) for line in d["balances"]}


def _decimal_or_none(text):
    return None if text is None else Decimal(text)


def _levels(levels):
    return [(Decimal(price), Decimal(qty)) for price, qty in levels]


@dataclass(frozen=True)
class Book:
    symbol: str
    status: str                   # TRADING or HALT
    last_update_id: int
    last_price: Optional[Decimal]  # None before the first trade
    bids: list                    # [(price, quantity)], best first
    asks: list

    @classmethod
    def from_json(cls, d):
        return cls(symbol=d["symbol"], status=d["status"], last_update_id=d["lastUpdateId"],
                   last_price=_decimal_or_none(d.get("lastPrice")), bids=_levels(d["bids"]),
                   asks=_levels(d["asks"]))


@dataclass(frozen=True)
class Order:
    symbol: str
    order_id: int
    client_order_id: str
    side: str
    type: str
    status: str
    price: Decimal
    orig_qty: Decimal
    executed_qty: Decimal
    cummulative_quote_qty: Decimal
    time: int
    update_time: int
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d):
        return cls(symbol=d["symbol"], order_id=d["orderId"], client_order_id=d["clientOrderId"],
                   side=d["side"], type=d["type"], status=d["status"], price=Decimal(d["price"]),
                   orig_qty=Decimal(d["origQty"]), executed_qty=Decimal(d["executedQty"]),
                   cummulative_quote_qty=Decimal(d["cummulativeQuoteQty"]), time=d["time"],
                   update_time=d["updateTime"], raw=d)


@dataclass(frozen=True)
class Entry:
    """One journal entry: `t` is scenario time and `wall` wall time, both epoch ms."""
    seq: int
    t: int
    wall: int
    kind: str
    data: Any

    @classmethod
    def from_json(cls, d):
        return cls(seq=d["seq"], t=d["t"], wall=d["wall"], kind=d["kind"], data=d.get("data"))

    @property
    def path(self):
        """The request or WebSocket path of an http_request, http_response or ws_open entry
        without its `/s/{session}` prefix (as fault matches and the report name it); None for
        other entries."""
        path = self.data.get("path") if isinstance(self.data, dict) else None
        if path is None or not path.startswith("/s/"):
            return path
        rest = path[3:]
        return rest[rest.find("/"):] if "/" in rest else "/"


@dataclass(frozen=True)
class JournalPage:
    entries: list
    next_after: int
    more: bool
    missed: int
    first_seq: int
    last_seq: int
    dropped: int

    @classmethod
    def from_json(cls, d):
        return cls(entries=[Entry.from_json(e) for e in d["entries"]],
                   next_after=d["next_after"], more=d["more"], missed=d["missed"],
                   first_seq=d["first_seq"], last_seq=d["last_seq"], dropped=d["dropped"])


@dataclass(frozen=True)
class FaultStatus:
    name: str
    kind: str
    state: str                    # armed, active, paused or expired
    matched: int
    fired: int
    window_start_ms: Optional[int]
    window_end_ms: Optional[int]
    account: Optional[str]
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d):
        return cls(name=d["name"], kind=d["kind"], state=d["state"], matched=d["matched"],
                   fired=d["fired"], window_start_ms=d.get("window_start_ms"),
                   window_end_ms=d.get("window_end_ms"), account=d.get("account"), raw=d)


@dataclass(frozen=True)
class Report:
    """The session report; `raw` is the daemon's whole JSON (docs/admin-api.md, Report)."""
    session_id: str
    scenario: str
    seed: int
    faults_total: int
    faults_by_kind: dict
    faults_by_name: dict
    http_requests: int
    http_by_endpoint: dict
    rate_limit_hits: int
    orders: dict
    client: dict
    latency_us: dict
    raw: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, d):
        return cls(session_id=d["session"]["id"], scenario=d["session"]["scenario"],
                   seed=d["session"]["seed"], faults_total=d["faults"]["total"],
                   faults_by_kind=d["faults"]["by_kind"], faults_by_name=d["faults"]["by_name"],
                   http_requests=d["http"]["requests"],
                   http_by_endpoint=d["http"]["by_endpoint"],
                   rate_limit_hits=d["http"]["rate_limit_hits"], orders=d["orders"],
                   client=d["client"], latency_us=d["latency_us"], raw=d)
