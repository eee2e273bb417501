"""A few signed Binance REST calls for the SDK tests: the venue protocol is the client's job, not
the SDK's, so the tests carry their own."""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request

from conftest import DEMO_KEY, DEMO_SECRET


def call(rest_url, method, path, params=None, signed=False, timeout=10):
    """(status, decoded body, headers) of one request."""
    params = dict(params or {})
    if signed:
        params.setdefault("timestamp", int(time.time() * 1000))
        query = urllib.parse.urlencode(params)
        params["signature"] = hmac.new(DEMO_SECRET.encode(), query.encode(),
                                       hashlib.sha256).hexdigest()
    query = urllib.parse.urlencode(params)
    request = urllib.request.Request(f"{rest_url}{path}?{query}", method=method,
                                     headers={"X-MBX-APIKEY": DEMO_KEY})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, json.loads(answer.read()), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), dict(error.headers)


def place_limit_buy(rest_url, client_order_id, price="20000.00", qty="0.001"):
    return call(rest_url, "POST", "/api/v3/order",
                {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
                 "price": price, "quantity": qty, "newClientOrderId": client_order_id},
                signed=True)
