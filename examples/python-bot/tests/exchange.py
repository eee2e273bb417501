"""What the exchange saw, from the session's journal (through the mockex SDK), and when the bot's
quote counts as confirmed."""

from urllib.parse import parse_qsl

ACCOUNT = "demo-key"


async def requests(ex, method, endpoint, kind="http_request"):
    """The journaled HTTP requests (or responses, kind="http_response") to `method endpoint`."""
    return [e for e in await ex.entries(kinds=[kind])
            if e.data["method"] == method and e.path == endpoint]


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


async def one_lookup_by_client_order_id(ex):
    """The one POST /api/v3/order and the one GET /api/v3/order (the reconciliation), checking
    the lookup asked for the client order id the order was sent with."""
    [post] = await order_posts(ex)
    [lookup] = await requests(ex, "GET", "/api/v3/order")
    assert params(lookup)["origClientOrderId"] == params(post)["newClientOrderId"]
    return post, lookup


async def first_quote(bot, timeout=5):
    """Wait until the bot's quote is confirmed; return it."""
    await bot.wait_for(lambda: acknowledged_quote(bot), timeout)
    return acknowledged_quote(bot)


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
