"""Chaos coverage: which fault kinds each endpoint, stream and WebSocket API method a test suite
touched was exercised with, and which were never tried. Pure functions over the per-test records
the pytest plugin gathers from session journals."""

import json
import re

HTTP_KINDS = ("latency", "http_error", "hang", "reset", "close_after_headers", "truncate",
              "malformed", "slow_body")
ORDER_KINDS = ("order_reject", "ack_lost", "fill_delay", "partial_fill")
CANCEL_KINDS = ("cancel_unknown",)
STREAM_KINDS = ("ws_drop", "ws_delay", "ws_duplicate", "ws_reorder", "ws_corrupt",
                "ws_disconnect", "stale", "lag")
CONNECTION_KINDS = ("ws_refuse", "ws_no_pong", "ws_disconnect")
USER_DATA_KINDS = ("ws_drop", "ws_delay", "ws_duplicate", "ws_reorder", "ws_corrupt",
                   "ws_disconnect", "duplicate_report", "fill_delay")
WS_API_KINDS = ("latency", "http_error", "hang")
ALL_KINDS = tuple(dict.fromkeys(HTTP_KINDS + ORDER_KINDS + CANCEL_KINDS + STREAM_KINDS
                                + CONNECTION_KINDS + USER_DATA_KINDS + ("depth_gap",
                                                                         "clock_skew")))

_MARKET_DATA = ("/api/v3/depth", "/api/v3/trades", "/api/v3/historicalTrades",
                "/api/v3/aggTrades", "/api/v3/klines", "/api/v3/uiKlines", "/api/v3/avgPrice",
                "/api/v3/ticker")
_USER_DATA_EVENTS = ("executionReport", "outboundAccountPosition", "balanceUpdate",
                     "listStatus", "eventStreamTerminated", "listenKeyExpired")
_SESSION_PREFIX = re.compile(r"^/s/[^/]+")


def applicable_kinds(surface):
    """The fault kinds that can act on a surface ("GET /api/v3/depth", "stream btcusdt@trade",
    "ws-api order.place", "upgrade /ws")."""
    kind, _, name = surface.partition(" ")
    if kind == "stream":
        if name in _USER_DATA_EVENTS:
            return USER_DATA_KINDS
        return STREAM_KINDS + (("depth_gap",) if "@depth" in name else ())
    if kind == "upgrade":
        return CONNECTION_KINDS
    if kind == "ws-api":
        extra = ORDER_KINDS if name == "order.place" else ()
        return WS_API_KINDS + extra
    path = name
    extra = ()
    if kind == "POST" and path.startswith("/api/v3/order") and "test" not in path:
        extra = ORDER_KINDS
    elif kind == "DELETE" and path.startswith("/api/v3/order"):
        extra = CANCEL_KINDS
    elif kind == "GET" and path.startswith(_MARKET_DATA):
        extra = ("stale",)
    elif path == "/api/v3/time":
        extra = ("clock_skew",)
    return HTTP_KINDS + extra


def fault_surface(target):
    """The surface a fault entry's `target` names: "ws 7 btcusdt@trade" -> "stream btcusdt@trade",
    "ws 7" (a whole connection) -> "connection", HTTP targets as they are."""
    parts = target.split(" ")
    if parts[0] == "ws":
        return "stream " + parts[2] if len(parts) > 2 else "connection"
    return target


def _path(path):
    return _SESSION_PREFIX.sub("", path) or "/"


def client_surfaces(report, entries):
    """What the client used: HTTP endpoints (from the report), streams subscribed to, WebSocket
    API methods called and WebSocket paths opened (from `ws_open` and `ws_in` entries)."""
    surfaces = set(report.get("http", {}).get("by_endpoint", {}))
    ws_api_conns = set()
    for entry in entries:
        data = entry.data if isinstance(entry.data, dict) else {}
        if entry.kind == "ws_open":
            path = _path(data.get("path", ""))
            surfaces.add("upgrade " + ("/ws" if path.startswith("/ws/") else path))
            if path.startswith("/ws-api"):
                ws_api_conns.add(data.get("conn"))
            surfaces.update("stream " + s for s in data.get("streams", []))
        elif entry.kind == "ws_in":
            surfaces.update("stream " + s for s in data.get("subscribe", []))
            if data.get("conn") in ws_api_conns:
                method = _ws_api_method(data.get("text", ""))
                if method:
                    surfaces.add("ws-api " + method)
    return surfaces


def _ws_api_method(text):
    try:
        message = json.loads(text)
    except ValueError:
        return None
    method = message.get("method") if isinstance(message, dict) else None
    return method if isinstance(method, str) else None


def matrix(records):
    """{surface: {kind: tests}} over every test record, counting each test once per cell; every
    surface a client used is a row, faulted or not."""
    cells = {}
    for record in records:
        for surface in record.get("surfaces", []):
            cells.setdefault(surface, {})
        seen = set()
        for hit in record.get("fault_hits", []):
            key = (fault_surface(hit["target"]), hit["kind"])
            if key not in seen:
                seen.add(key)
                row = cells.setdefault(key[0], {})
                row[key[1]] = row.get(key[1], 0) + 1
    return cells


def never_tried(cells):
    """{surface: [kinds that apply to it and no test exercised]}."""
    return {surface: [k for k in applicable_kinds(surface) if k not in row]
            for surface, row in cells.items() if surface != "connection"}


def kinds_never_used(records):
    used = {hit["kind"] for record in records for hit in record.get("fault_hits", [])}
    return [k for k in ALL_KINDS if k not in used]
