"""A session: one isolated exchange of the daemon, and everything a test does with it.

`Session` blocks; `AsyncSession` has the same methods as coroutines. Both are written once in
`_SessionApi`, which builds calls and hands them to `_do`.
"""

import time

from .calls import Call, delete_if_present, segment
from .durations import duration, duration_text, seconds
from .errors import MockexTimeout
from .faults import Faults
from .models import (Book, Clock, Entry, JournalPage, MarketAction, Order, Report, SessionInfo,
                     Balance, balances_from_json)

MAX_WAIT_S = 30.0   # the daemon's longest long poll

# ccxt's binance REST bases (the key and the path after the host); all of them are pointed at the
# session, the spot ones because mockex serves them, the others so no call leaves the machine.
_CCXT_REST = {
    "public": "/api/v3", "private": "/api/v3", "v1": "/api/v1",
    "sapi": "/sapi/v1", "sapiV2": "/sapi/v2", "sapiV3": "/sapi/v3", "sapiV4": "/sapi/v4",
    "dapiPublic": "/dapi/v1", "dapiPrivate": "/dapi/v1", "dapiPrivateV2": "/dapi/v2",
    "dapiData": "/futures/data", "fapiPublic": "/fapi/v1", "fapiPublicV2": "/fapi/v2",
    "fapiPublicV3": "/fapi/v3", "fapiPrivate": "/fapi/v1", "fapiPrivateV2": "/fapi/v2",
    "fapiPrivateV3": "/fapi/v3", "fapiData": "/futures/data", "eapiPublic": "/eapi/v1",
    "eapiPrivate": "/eapi/v1", "papi": "/papi/v1", "papiV2": "/papi/v2",
}
_CCXT_WS = ("spot", "margin", "future", "delivery", "stock", "option", "optionMarket",
            "optionPrivate", "papi")


def _decimal_text(value):
    return None if value is None else str(value)


class _Clock:
    def __init__(self, session):
        self._s = session

    def _call(self, method, action="", body=None):
        path = f"/sessions/{segment(self._s.id)}/clock" + (f"/{action}" if action else "")
        return self._s._do(Call(method, path, body=body, parse=Clock.from_json))

    def get(self):
        return self._call("GET")

    def advance(self, by):
        """Moves scenario time forward by `by` ("5s", ms, timedelta), running what falls due."""
        return self._call("POST", "advance", {"by": duration(by)})

    def pause(self):
        return self._call("POST", "pause")

    def resume(self):
        return self._call("POST", "resume")

    def set_speed(self, speed):
        return self._call("POST", "speed", {"speed": speed})


class _Market:
    def __init__(self, session):
        self._s = session

    def _act(self, action, **body):
        body = {k: v for k, v in body.items() if v is not None}
        return self._s._do(Call("POST", f"/sessions/{segment(self._s.id)}/market/{action}",
                                body=body, parse=MarketAction.from_json))

    def shock(self, symbol=None, *, pct, over=None):
        return self._act("shock", symbol=symbol, pct=_decimal_text(pct), over=duration(over))

    def halt(self, symbol=None):
        return self._act("halt", symbol=symbol)

    def resume(self, symbol=None):
        return self._act("resume", symbol=symbol)

    def liquidity(self, symbol=None, *, factor):
        return self._act("liquidity", symbol=symbol, factor=_decimal_text(factor))

    def spread(self, symbol=None, *, factor=None, bps=None):
        return self._act("spread", symbol=symbol, factor=_decimal_text(factor),
                         bps=_decimal_text(bps))

    def set_book(self, symbol, *, bids=(), asks=()):
        """The symbol's background liquidity becomes exactly these [(price, qty)] levels."""
        def levels(side):
            return [[str(price), str(qty)] for price, qty in side]
        return self._act("book", symbol=symbol, bids=levels(bids), asks=levels(asks))


class _SessionApi:
    def __init__(self, transport, info, owned=True):
        self._transport = transport
        self._owned = owned   # this handle created the session: closing it deletes it
        self.info_at_creation = info
        self.id = info.id
        self.rest_url = info.rest_url
        self.ws_url = info.ws_url
        self.ws_api_url = info.ws_api_url
        self.clock = _Clock(self)
        self.market = _Market(self)
        self.faults = Faults(self)

    @property
    def ws_root(self):
        """The base of the market-stream URLs: `ws_root + "/stream?streams=..."`, `/ws/<name>`."""
        return self.ws_url[:-len("/ws")] if self.ws_url.endswith("/ws") else self.ws_url

    def ccxt_urls(self):
        """ccxt's `urls` option for its `binance` class (and ccxt.pro's), every REST and
        WebSocket base pointed at this session, so nothing reaches the real exchange:
        `new ccxt.binance({urls: <this>, apiKey, secret})`."""
        rest, ws = self.rest_url, self.ws_root + "/ws"
        api = {key: rest + path for key, path in _CCXT_REST.items()}
        api["ws"] = {key: ws for key in _CCXT_WS}
        api["ws"]["ws-api"] = {key: self.ws_api_url for key in ("spot", "future", "delivery")}
        return {"api": api}

    def _path(self, rest=""):
        return f"/sessions/{segment(self.id)}{rest}"

    # The session itself

    def info(self):
        return self._do(Call("GET", self._path(), parse=SessionInfo.from_json))

    def reset(self):
        """Back to the scenario's start: same id and seed, fresh venue, clock and market; every
        fault rule cleared; the journal kept."""
        return self._do(Call("POST", self._path("/reset"), parse=SessionInfo.from_json))

    def delete(self):
        return self._do(Call("DELETE", self._path()))

    def _discard(self):
        return delete_if_present(self._path())

    # State

    def balances(self, account):
        """{asset: Balance} of the account (its API key), every asset of the venue."""
        return self._do(Call("GET", self._path("/balances"), query={"account": account},
                             parse=balances_from_json))

    def _balance(self, action, account, asset, amount):
        return self._do(Call("POST", self._path("/balances" + action),
                             body={"account": account, "asset": asset, "amount": str(amount)},
                             parse=Balance.from_json))

    def set_balance(self, account, asset, amount):
        """Sets the free balance; clients on user data see the change."""
        return self._balance("", account, asset, amount)

    def deposit(self, account, asset, amount):
        return self._balance("/deposit", account, asset, amount)

    def withdraw(self, account, asset, amount):
        return self._balance("/withdraw", account, asset, amount)

    def book(self, symbol, limit=None):
        return self._do(Call("GET", self._path(f"/book/{segment(symbol)}"),
                             query={"limit": limit}, parse=Book.from_json))

    def orders(self, account, symbol=None, status=None):
        """The account's open orders, or with status="all" the closed ones remembered too."""
        return self._do(Call("GET", self._path("/orders"),
                             query={"account": account, "symbol": symbol, "status": status},
                             parse=lambda d: [Order.from_json(o) for o in d["orders"]]))

    # Journal and report

    def _journal_call(self, kinds=None, after=None, until=None, from_=None, to=None, text=None,
                      limit=None, wait=None):
        if kinds is not None and not isinstance(kinds, str):
            kinds = ",".join(kinds)
        timeout = seconds(wait) + 10 if wait is not None else None
        return Call("GET", self._path("/journal"),
                    query={"kinds": kinds, "after": after, "until": until, "from": from_,
                           "to": to, "text": text, "limit": limit, "wait": duration_text(wait)},
                    parse=JournalPage.from_json, timeout=timeout)

    def journal(self, kinds=None, after=None, until=None, from_=None, to=None, text=None,
                limit=None, wait=None):
        """One page of the journal (docs/admin-api.md, Journal)."""
        return self._do(self._journal_call(kinds, after, until, from_, to, text, limit, wait))

    def _entries(self, kinds, text, after):
        entries = []
        while True:
            page = yield self._journal_call(kinds, after=after, text=text, limit=10000)
            entries.extend(page.entries)
            if not page.more:
                return entries
            after = page.next_after

    def entries(self, kinds=None, text=None, after=0):
        """Every matching entry the journal holds, oldest first (all pages)."""
        return self._do(self._entries(kinds, text, after))

    def _all_applied(self, kind):
        entries = yield from self._entries("fault", None, 0)
        return [e for e in entries if "effect" in e.data
                and (kind is None or e.data.get("fault_kind") == kind)]

    def faults_applied(self, kind=None):
        """The `fault` entries of faults applied (not the rules' lives), optionally of one kind:
        each `data` has `name`, `fault_kind`, `effect` and `target`."""
        return self._do(self._all_applied(kind))

    def _wait_for(self, kinds, text, after, timeout):
        deadline = time.monotonic() + seconds(timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise MockexTimeout(f"no journal entry of kind {kinds!r} with text {text!r} "
                                    f"after seq {after} within {timeout}")
            wait_ms = max(1, int(min(left, MAX_WAIT_S) * 1000))
            page = yield self._journal_call(kinds, after=after, text=text, limit=1,
                                            wait=wait_ms)
            if page.entries:
                return page.entries[0]
            after = max(after, page.next_after)

    def wait_for(self, kinds, text=None, after=0, timeout=10.0):
        """The first entry of `kinds` (containing `text`) past seq `after`, waiting for it to
        be recorded; `MockexTimeout` when none comes within `timeout`."""
        return self._do(self._wait_for(kinds, text, after, timeout))

    def export_journal(self):
        """Every entry held, as `Entry`s (the JSON Lines export)."""
        import json
        return self._do(Call("GET", self._path("/journal.jsonl"), text=True, parse=lambda t: [
            Entry.from_json(json.loads(line)) for line in t.splitlines() if line.strip()]))

    def report(self):
        return self._do(Call("GET", self._path("/report"), parse=Report.from_json))

    def report_markdown(self):
        return self._do(Call("GET", self._path("/report.md"), text=True))

    def __repr__(self):
        return f"{type(self).__name__}({self.id!r}, rest_url={self.rest_url!r})"


class Session(_SessionApi):
    """A session, blocking. As a context manager it deletes the session on exit."""

    def _do(self, step):
        return self._transport.run(step)

    def aio(self):
        """The same session for asyncio code: every method a coroutine."""
        from .transport import AsyncTransport
        transport = self._transport
        return AsyncSession(AsyncTransport(transport.url, transport._token, transport._timeout),
                            self.info_at_creation, owned=False)

    def close(self):
        """Deletes the session if this handle created it (and it still exists)."""
        if self._owned:
            self._owned = False
            self._do(self._discard())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Pending:
    """An asyncio call: await it, or `async with` it when its result is a context manager (a
    fault rule removed on exit)."""

    def __init__(self, coroutine):
        self._coroutine = coroutine
        self._result = None

    def __await__(self):
        return self._coroutine.__await__()

    async def __aenter__(self):
        self._result = await self._coroutine
        return await self._result.__aenter__()

    async def __aexit__(self, *exc):
        return await self._result.__aexit__(*exc)


class AsyncSession(_SessionApi):
    """A session for asyncio: the methods of `Session`, each awaited."""

    def _do(self, step):
        return _Pending(self._transport.run(step))

    async def close(self):
        if self._owned:
            self._owned = False
            await self._do(self._discard())

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()
