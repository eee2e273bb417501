"""What the exchange saw, from the session's journal (through the mockex SDK)."""

import re
from urllib.parse import parse_qsl

ACCOUNT = "demo-key"


def path(entry) -> str:
    """A journaled request's path without the session's /s/{id} prefix."""
    return re.sub(r"^/s/[^/]+", "", entry.data["path"])


async def requests(ex, method, endpoint, kind="http_request"):
    """The journaled HTTP requests (or responses, kind="http_response") to `method endpoint`."""
    return [e for e in await ex.entries(kinds=[kind])
            if e.data["method"] == method and path(e) == endpoint]


def params(entry) -> dict:
    """A journaled request's parameters, from its query string or form body."""
    data = entry.data
    return dict(parse_qsl(data.get("query") or data.get("request_body") or data.get("body") or ""))


async def order_posts(ex, answered=False):
    """POST /api/v3/order requests (or, answered=True, their responses)."""
    return await requests(ex, "POST", "/api/v3/order",
                          kind="http_response" if answered else "http_request")


async def ws_opens(ex, path_part):
    return [e for e in await ex.entries(kinds=["ws_open"]) if path_part in e.data["path"]]


def acknowledged_quote(bot):
    """The bot's resting quote once the exchange confirmed it (REST answer, lookup, or user
    data), else None."""
    order = bot.portfolio.orders.get(bot.quoter.quote) if bot.quoter else None
    return order if order is not None and order.is_open and order.order_id else None


async def quiet_after(ex, status):
    """For each HTTP answer with `status`: ms until the exchange saw the client's next request
    (None when there was none)."""
    wire = await ex.entries(kinds=["http_request", "http_response"])
    gaps = []
    for i, entry in enumerate(wire):
        if entry.kind == "http_response" and entry.data["status"] == status:
            following = [e for e in wire[i + 1:] if e.kind == "http_request"]
            gaps.append(following[0].wall - entry.wall if following else None)
    return gaps
