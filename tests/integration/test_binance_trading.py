"""Signed Binance Spot trading on the default session with the demo account (spec §3, §7.3, §7.4).

Requests are signed here the way clients do it: HMAC-SHA256 over the raw query (GET, DELETE) or
the raw form body (POST), with the secret of the quickstart's documented demo account.
"""

import hashlib
import hmac
import json
import time
import types
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

import pytest

from conftest import QUIET

KEY, SECRET = "demo-key", "demo-secret"


def signed(daemon, method, path, params, in_body=None, key=KEY, secret=SECRET, sign=True):
    params = dict(params)
    params.setdefault("timestamp", int(time.time() * 1000))
    params.setdefault("recvWindow", 5000)
    payload = urllib.parse.urlencode(params)
    if sign:
        payload += "&signature=" + hmac.new(secret.encode(), payload.encode(),
                                            hashlib.sha256).hexdigest()
    body_carries = method == "POST" if in_body is None else in_body
    url = daemon.url + path + ("" if body_carries else "?" + payload)
    request = urllib.request.Request(url, method=method,
                                     data=payload.encode() if body_carries else None)
    if body_carries:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    if key is not None:
        request.add_header("X-MBX-APIKEY", key)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), json.loads(e.read())


def balances(daemon):
    status, _, account = signed(daemon, "GET", "/api/v3/account", {})
    assert status == 200, account
    return {b["asset"]: (Decimal(b["free"]), Decimal(b["locked"])) for b in account["balances"]}


def best(daemon, side):
    with urllib.request.urlopen(daemon.url + "/api/v3/ticker/bookTicker?symbol=BTCUSDT") as r:
        ticker = json.loads(r.read())
    return Decimal(ticker["bidPrice" if side == "bid" else "askPrice"])


def test_account_shows_the_demo_balances(daemon):
    held = balances(daemon)
    assert held["USDT"] == (Decimal("100000"), 0)
    assert held["BTC"] == (Decimal("10"), 0)
    assert held["ETH"] == (Decimal("100"), 0)


def test_resting_limit_order_locks_funds_and_cancel_releases_them(daemon):
    price = (best(daemon, "bid") * Decimal("0.9")).quantize(Decimal("0.01"))
    status, headers, placed = signed(daemon, "POST", "/api/v3/order", {
        "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
        "quantity": "0.01", "price": str(price), "newClientOrderId": "x-test-1",
        "newOrderRespType": "FULL"})
    assert status == 200, placed
    assert placed["status"] == "NEW" and placed["fills"] == []
    assert placed["clientOrderId"] == "x-test-1" and "code" not in placed
    assert headers["X-MBX-ORDER-COUNT-10S"] == "1"
    assert balances(daemon)["USDT"] == (Decimal("100000") - price * Decimal("0.01"),
                                        price * Decimal("0.01"))
    status, _, found = signed(daemon, "GET", "/api/v3/order",
                              {"symbol": "BTCUSDT", "orderId": placed["orderId"]})
    assert status == 200 and found["status"] == "NEW" and found["isWorking"] is True
    status, _, open_orders = signed(daemon, "GET", "/api/v3/openOrders", {"symbol": "BTCUSDT"})
    assert [o["orderId"] for o in open_orders] == [placed["orderId"]]
    status, _, canceled = signed(daemon, "DELETE", "/api/v3/order",
                                 {"symbol": "BTCUSDT", "origClientOrderId": "x-test-1"})
    assert status == 200 and canceled["status"] == "CANCELED"
    assert canceled["origClientOrderId"] == "x-test-1"
    assert balances(daemon)["USDT"] == (Decimal("100000"), 0)
    status, _, again = signed(daemon, "DELETE", "/api/v3/order",
                              {"symbol": "BTCUSDT", "orderId": placed["orderId"]})
    assert (status, again["code"], again["msg"]) == (400, -2011, "Unknown order sent.")


def test_market_buy_fills_against_the_book_with_commission(daemon):
    status, _, placed = signed(daemon, "POST", "/api/v3/order", {
        "symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.002"})
    assert status == 200, placed
    assert placed["status"] == "FILLED"
    assert sum(Decimal(f["qty"]) for f in placed["fills"]) == Decimal("0.002")
    assert all(f["commissionAsset"] == "BTC" for f in placed["fills"])
    cost = sum(Decimal(f["price"]) * Decimal(f["qty"]) for f in placed["fills"])
    assert Decimal(placed["cummulativeQuoteQty"]) == cost
    fee = sum(Decimal(f["commission"]) for f in placed["fills"])
    held = balances(daemon)
    assert held["BTC"][0] == Decimal("10") + Decimal("0.002") - fee
    assert held["USDT"][0] == Decimal("100000") - cost
    status, _, trades = signed(daemon, "GET", "/api/v3/myTrades", {"symbol": "BTCUSDT"})
    assert status == 200 and len(trades) == len(placed["fills"])
    assert all(t["isBuyer"] and not t["isMaker"] for t in trades)


def test_auth_and_timing_errors_have_binance_codes(daemon):
    order = {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.001"}
    cases = [
        (signed(daemon, "POST", "/api/v3/order", order, key=None), 401, -2014),
        (signed(daemon, "POST", "/api/v3/order", order, key="nobody"), 401, -2015),
        (signed(daemon, "POST", "/api/v3/order", order, secret="wrong"), 400, -1022),
        (signed(daemon, "POST", "/api/v3/order", order, sign=False), 400, -1102),
        (signed(daemon, "POST", "/api/v3/order",
                dict(order, timestamp=int(time.time() * 1000) - 60_000)), 400, -1021),
    ]
    for (status, _, body), want_status, want_code in cases:
        assert (status, body["code"]) == (want_status, want_code), body


def test_order_parameter_and_filter_errors(daemon):
    base = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
            "quantity": "0.01", "price": "20000"}
    cases = [
        (dict(base, side="UP"), -1117, "Invalid side."),
        (dict(base, type="LIMITED"), -1116, "Invalid orderType."),
        (dict(base, timeInForce="GTD"), -1115, "Invalid timeInForce."),
        ({k: v for k, v in base.items() if k != "price"}, -1102,
         "Mandatory parameter 'price' was not sent, was empty/null, or malformed."),
        (dict(base, price="20000.000000001"), -1111,
         "Parameter 'price' has too much precision."),
        (dict(base, price="20000.001"), -1013, "Filter failure: PRICE_FILTER"),
        (dict(base, quantity="0.000001"), -1013, "Filter failure: LOT_SIZE"),
        (dict(base, symbol="NOPEUSDT"), -1121, "Invalid symbol."),
        (dict(base, quantity="100000"), -1013, "Filter failure: LOT_SIZE"),
        (dict(base, quantity="20"), -2010, "Account has insufficient balance for requested action."),
        (dict(base, type="MARKET", timeInForce=None), -1106,
         "Parameter 'price' sent when not required."),
    ]
    for params, code, msg in cases:
        params = {k: v for k, v in params.items() if v is not None}
        status, _, body = signed(daemon, "POST", "/api/v3/order", params)
        assert (status, body["code"], body["msg"]) == (400, code, msg), params


def test_order_test_validates_without_placing(daemon):
    status, _, body = signed(daemon, "POST", "/api/v3/order/test", {
        "symbol": "BTCUSDT", "side": "SELL", "type": "MARKET", "quantity": "0.01"})
    assert (status, body) == (200, {})
    status, _, body = signed(daemon, "GET", "/api/v3/openOrders", {})
    assert body == []
    assert balances(daemon)["BTC"] == (Decimal("10"), 0)


def test_cancel_all_with_nothing_open_is_unknown_order(daemon):
    status, _, body = signed(daemon, "DELETE", "/api/v3/openOrders", {"symbol": "ETHUSDT"})
    assert (status, body["code"]) == (400, -2011)


def test_order_rate_limit_commission_and_ccxt_signed_extras(daemon):
    signed(daemon, "POST", "/api/v3/order/test", {
        "symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.001"})
    status, _, limits = signed(daemon, "GET", "/api/v3/rateLimit/order", {})
    assert status == 200
    assert {(l["interval"], l["intervalNum"], l["limit"]) for l in limits} == {
        ("SECOND", 10, 100), ("DAY", 1, 200000)}
    status, _, rates = signed(daemon, "GET", "/api/v3/account/commission", {"symbol": "ETHUSDT"})
    assert status == 200 and rates["symbol"] == "ETHUSDT"
    assert Decimal(rates["standardCommission"]["taker"]) == Decimal("0.001")
    status, _, fees = signed(daemon, "GET", "/sapi/v1/asset/tradeFee", {"symbol": "BTCUSDT"})
    assert status == 200
    assert fees == [{"symbol": "BTCUSDT", "makerCommission": "0.001", "takerCommission": "0.001"}]
    for path in ["/sapi/v1/capital/config/getall", "/sapi/v1/margin/allPairs",
                 "/sapi/v1/margin/isolated/allPairs"]:
        assert signed(daemon, "GET", path, {})[::2] == (200, [])


def user_stream(daemon, method, key=KEY, listen_key=None):
    url = daemon.url + "/api/v3/userDataStream"
    if listen_key is not None:
        url += "?listenKey=" + listen_key
    request = urllib.request.Request(url, method=method, data=b"" if method != "GET" else None)
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    if key is not None:
        request.add_header("X-MBX-APIKEY", key)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_listen_keys_are_created_kept_alive_and_closed_with_the_key_only(daemon):
    status, created = user_stream(daemon, "POST")
    assert status == 200 and len(created["listenKey"]) == 60
    key = created["listenKey"]
    assert user_stream(daemon, "POST") == (200, {"listenKey": key}), "one live key per account"
    assert user_stream(daemon, "PUT", listen_key=key) == (200, {})
    assert user_stream(daemon, "DELETE", listen_key=key) == (200, {})
    status, body = user_stream(daemon, "PUT", listen_key=key)
    assert (status, body["code"], body["msg"]) == (400, -1125, "This listenKey does not exist.")
    assert user_stream(daemon, "POST", key=None)[1]["code"] == -2014


def test_strict_params_refuse_what_an_endpoint_does_not_read_before_acting(daemon):
    request = urllib.request.Request(
        daemon.url + "/_mockex/v1/sessions", method="POST",
        data=json.dumps({"scenario_yaml": QUIET + "strict_params: true\n"}).encode(),
        headers={"Content-Type": "application/json"})
    strict = types.SimpleNamespace(url=json.load(urllib.request.urlopen(request))["rest_url"])
    order = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
             "quantity": "0.001", "price": "20000", "colour": "blue"}
    status, _, body = signed(strict, "POST", "/api/v3/order", order)
    assert status == 400
    assert body == {"code": -1104, "msg": "Not all sent parameters were read; read '9' "
                                          "parameter(s) but was sent '10'."}
    status, _, open_orders = signed(strict, "GET", "/api/v3/openOrders", {"symbol": "BTCUSDT"})
    assert (status, open_orders) == (200, [])  # refused before anything was placed
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(strict.url + "/api/v3/depth?symbol=BTCUSDT&limit=5&x=1")
    assert json.loads(refused.value.read())["code"] == -1104
    del order["colour"]
    assert signed(strict, "POST", "/api/v3/order", order)[0] == 200
    # The default (lenient) session ignores what it does not know.
    order["colour"] = "blue"
    assert signed(daemon, "POST", "/api/v3/order", order)[0] == 200


def test_cancel_replace_cancels_and_places_in_one_step_and_reports_each_half(daemon):
    low = str(int(best(daemon, "bid") * Decimal("0.8")))
    limit = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
             "quantity": "0.001", "price": low}
    assert signed(daemon, "POST", "/api/v3/order", {**limit, "newClientOrderId": "cr-1"})[0] == 200

    def cancel_replace(mode, cancel_id, **new):
        return signed(daemon, "POST", "/api/v3/order/cancelReplace",
                      {**limit, **new, "cancelReplaceMode": mode,
                       "cancelOrigClientOrderId": cancel_id})

    status, _, body = cancel_replace("STOP_ON_FAILURE", "cr-1", newClientOrderId="cr-2")
    assert status == 200, body
    assert (body["cancelResult"], body["newOrderResult"]) == ("SUCCESS", "SUCCESS")
    assert body["cancelResponse"]["status"] == "CANCELED"
    assert body["cancelResponse"]["origClientOrderId"] == "cr-1"
    assert body["newOrderResponse"]["status"] == "NEW"
    assert body["newOrderResponse"]["clientOrderId"] == "cr-2"
    _, _, open_orders = signed(daemon, "GET", "/api/v3/openOrders", {"symbol": "BTCUSDT"})
    assert [o["clientOrderId"] for o in open_orders] == ["cr-2"]

    # The cancel fails: STOP_ON_FAILURE places nothing, ALLOW_FAILURE places anyway.
    status, _, body = cancel_replace("STOP_ON_FAILURE", "cr-1", newClientOrderId="cr-3")
    assert status == 400
    assert body == {"code": -2022, "msg": "Order cancel-replace failed.", "data": {
        "cancelResult": "FAILURE", "newOrderResult": "NOT_ATTEMPTED",
        "cancelResponse": {"code": -2011, "msg": "Unknown order sent."},
        "newOrderResponse": None}}
    status, _, body = cancel_replace("ALLOW_FAILURE", "cr-1", newClientOrderId="cr-4")
    assert (status, body["code"]) == (409, -2021)
    assert body["data"]["cancelResult"] == "FAILURE"
    assert body["data"]["newOrderResult"] == "SUCCESS"
    assert body["data"]["newOrderResponse"]["clientOrderId"] == "cr-4"

    # The cancel succeeds, the new order cannot be afforded.
    status, _, body = cancel_replace("STOP_ON_FAILURE", "cr-2", quantity="100")
    assert (status, body["code"]) == (409, -2021)
    assert body["msg"] == "Order cancel-replace partially failed."
    assert body["data"]["cancelResponse"]["status"] == "CANCELED"
    assert body["data"]["newOrderResult"] == "FAILURE"
    assert body["data"]["newOrderResponse"]["code"] == -2010

    status, _, body = signed(daemon, "POST", "/api/v3/order/cancelReplace",
                             {**limit, "cancelOrigClientOrderId": "cr-4"})
    assert (status, body["code"]) == (400, -1102)
    _, _, open_orders = signed(daemon, "GET", "/api/v3/openOrders", {"symbol": "BTCUSDT"})
    assert [o["clientOrderId"] for o in open_orders] == ["cr-4"]


def test_order_responses_keep_binances_field_order(daemon):
    price = (best(daemon, "bid") * Decimal("0.9")).quantize(Decimal("0.01"))
    order = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
             "quantity": "0.01", "price": str(price)}
    status, _, ack = signed(daemon, "POST", "/api/v3/order", {**order, "newOrderRespType": "ACK"})
    assert status == 200, ack
    assert list(ack) == ["symbol", "orderId", "orderListId", "clientOrderId", "transactTime"]
    status, _, result = signed(daemon, "POST", "/api/v3/order",
                               {**order, "newOrderRespType": "RESULT"})
    assert status == 200, result
    assert list(result) == ["symbol", "orderId", "orderListId", "clientOrderId", "transactTime",
                            "price", "origQty", "executedQty", "origQuoteOrderQty",
                            "cummulativeQuoteQty", "status", "timeInForce", "type", "side",
                            "workingTime", "selfTradePreventionMode"]
    assert Decimal(result["price"]) == price and result["origQty"] == "0.01000000"
    assert result["status"] == "NEW"
    status, _, canceled = signed(daemon, "DELETE", "/api/v3/order",
                                 {"symbol": "BTCUSDT", "orderId": result["orderId"],
                                  "newClientOrderId": "my-cancel-1"})
    assert status == 200, canceled
    assert list(canceled)[:6] == ["symbol", "origClientOrderId", "orderId", "orderListId",
                                  "clientOrderId", "transactTime"]
    assert canceled["clientOrderId"] == "my-cancel-1"
    assert canceled["origClientOrderId"] == result["clientOrderId"]


def test_a_cancels_own_client_order_id_must_be_legal(daemon):
    price = (best(daemon, "bid") * Decimal("0.9")).quantize(Decimal("0.01"))
    status, _, placed = signed(daemon, "POST", "/api/v3/order", {
        "symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
        "quantity": "0.01", "price": str(price)})
    assert status == 200, placed
    for bad in ("has space", "new\nline", "x" * 37, "é"):
        status, _, refused = signed(daemon, "DELETE", "/api/v3/order",
                                    {"symbol": "BTCUSDT", "orderId": placed["orderId"],
                                     "newClientOrderId": bad})
        assert (status, refused["code"]) == (400, -1100), (bad, refused)
        assert "newClientOrderId" in refused["msg"]
    status, _, still = signed(daemon, "GET", "/api/v3/order",
                              {"symbol": "BTCUSDT", "orderId": placed["orderId"]})
    assert status == 200 and still["status"] == "NEW"
