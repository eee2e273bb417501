"""Fault rules that read well: `s.faults.latency("POST /api/v3/order", ms=800, for_="10s")`.

Each builder adds its rule to the session at once and returns a `Fault` handle, which is also a
context manager that removes the rule on exit. The rule shape is the daemon's (docs/faults.md);
`add()` takes any kind by name.
"""

from .calls import Call, delete_if_present, segment
from .durations import duration
from .models import FaultStatus

_MATCH_KEYS = ("protocol", "http", "stream", "event", "ws_api", "symbol", "api_key",
               "client_order_id")
_WHEN_KEYS = ("probability", "first", "every", "after", "trigger")


def rule(kind, params=None, match=None, *, name=None, for_=None, **common):
    """The JSON rule for `kind`; `common` holds match keywords and the when-keys."""
    unknown = set(common) - set(_MATCH_KEYS) - set(_WHEN_KEYS)
    if unknown:
        raise TypeError(f"unknown fault option(s): {', '.join(sorted(unknown))}")
    body = {"kind": kind}
    if name is not None:
        body["name"] = name
    params = {k: duration(v) if k == "ms" else v for k, v in (params or {}).items()
              if v is not None}
    if params:
        body["params"] = params
    match = dict(match or {})
    match.update({k: common[k] for k in _MATCH_KEYS if common.get(k) is not None})
    if match:
        body["match"] = match
    body.update({k: common[k] for k in _WHEN_KEYS if common.get(k) is not None})
    if for_ is not None:
        body["for"] = duration(for_)
    return body


class Fault:
    """A rule added to a session. In an asyncio session its methods are coroutines."""

    def __init__(self, faults, status):
        self._faults = faults
        self.name = status.name
        self.kind = status.kind
        self.added = status

    def status(self):
        return self._faults.get(self.name)

    def pause(self):
        return self._faults.pause(self.name)

    def resume(self):
        return self._faults.resume(self.name)

    def remove(self):
        return self._faults.remove(self.name)

    def _discard(self):
        return delete_if_present(self._faults._path(self.name))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._faults._session._do(self._discard())

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self._faults._session._do(self._discard())

    def __repr__(self):
        return f"Fault({self.name!r}, kind={self.kind!r})"


class Faults:
    """`session.faults`: the session's fault rules, and a builder per kind."""

    def __init__(self, session):
        self._session = session

    def _path(self, name=None):
        path = f"/sessions/{segment(self._session.id)}/faults"
        return path if name is None else f"{path}/{segment(name)}"

    # The rules

    def add(self, kind, *, params=None, match=None, **common):
        body = rule(kind, params, match, **common)
        return self._session._do(Call("POST", self._path(), body=body,
                                      parse=lambda d: Fault(self, FaultStatus.from_json(d))))

    def list(self):
        return self._session._do(Call("GET", self._path(), parse=lambda d: [
            FaultStatus.from_json(f) for f in d["faults"]]))

    def get(self, name):
        return self._session._do(Call("GET", self._path(name), parse=FaultStatus.from_json))

    def pause(self, name):
        return self._session._do(Call("POST", self._path(name) + "/pause",
                                      parse=FaultStatus.from_json))

    def resume(self, name):
        return self._session._do(Call("POST", self._path(name) + "/resume",
                                      parse=FaultStatus.from_json))

    def remove(self, name):
        return self._session._do(Call("DELETE", self._path(name)))

    def clear(self):
        return self._session._do(Call("DELETE", self._path()))

    # HTTP

    def latency(self, http=None, *, ms, jitter_ms=None, distribution=None, sigma=None, **common):
        return self.add("latency", params={"ms": ms, "jitter_ms": jitter_ms,
                                           "distribution": distribution, "sigma": sigma},
                        http=http, **common)

    def http_error(self, status=503, http=None, *, code=None, msg=None, retry_after=None,
                   **common):
        return self.add("http_error", params={"status": status, "code": code, "msg": msg,
                                              "retry_after": retry_after}, http=http, **common)

    def hang(self, http=None, **common):
        return self.add("hang", http=http, **common)

    def reset(self, http=None, **common):
        return self.add("reset", http=http, **common)

    def close_after_headers(self, http=None, **common):
        return self.add("close_after_headers", http=http, **common)

    def truncate(self, http=None, *, bytes=None, **common):  # noqa: A002 - the param's name
        return self.add("truncate", params={"bytes": bytes}, http=http, **common)

    def malformed(self, http=None, **common):
        return self.add("malformed", http=http, **common)

    def slow_body(self, http=None, *, ms, chunk_bytes=None, **common):
        return self.add("slow_body", params={"ms": ms, "chunk_bytes": chunk_bytes}, http=http,
                        **common)

    # WebSocket

    def refuse(self, status=503, **common):
        return self.add("ws_refuse", params={"status": status}, **common)

    def disconnect(self, code=None, *, abrupt=None, **common):
        return self.add("ws_disconnect", params={"code": code, "abrupt": abrupt}, **common)

    def no_pong(self, **common):
        return self.add("ws_no_pong", **common)

    def drop(self, **common):
        return self.add("ws_drop", **common)

    def delay(self, *, ms, jitter_ms=None, **common):
        return self.add("ws_delay", params={"ms": ms, "jitter_ms": jitter_ms}, **common)

    def duplicate(self, **common):
        return self.add("ws_duplicate", **common)

    def reorder(self, **common):
        return self.add("ws_reorder", **common)

    def corrupt(self, mode=None, **common):
        return self.add("ws_corrupt", params={"mode": mode}, **common)

    def depth_gap(self, skip=None, **common):
        return self.add("depth_gap", params={"skip": skip}, **common)

    # Market data

    def stale(self, **common):
        return self.add("stale", **common)

    def lag(self, *, ms, **common):
        return self.add("lag", params={"ms": ms}, **common)

    def clock_skew(self, *, ms, **common):
        return self.add("clock_skew", params={"ms": ms}, **common)

    # Orders

    def order_reject(self, code=None, msg=None, *, status=None, **common):
        return self.add("order_reject", params={"code": code, "msg": msg, "status": status},
                        **common)

    def ack_lost(self, mode=None, **common):
        return self.add("ack_lost", params={"mode": mode}, **common)

    def cancel_unknown(self, **common):
        return self.add("cancel_unknown", **common)

    def duplicate_report(self, **common):
        return self.add("duplicate_report", **common)

    def fill_delay(self, *, ms, what=None, **common):
        return self.add("fill_delay", params={"ms": ms, "what": what}, **common)

    def partial_fill(self, ratio=None, **common):
        return self.add("partial_fill", params={"ratio": ratio}, **common)
