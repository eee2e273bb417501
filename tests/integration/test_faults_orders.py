"""Order fault kinds and triggers on the wire: venue rejections, lost acknowledgements that the
client reconciles by client order id, cancels answered as unknown, clock skew (-1021), stale
market data, and a fault started by the Nth order."""

import json
import time

import pytest

from conftest import QUIET
from fault_helpers import add_fault, admin, fault_entries, get, new_session, signed

ORDER = {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
         "quantity": "0.001", "price": "20000.00"}


@pytest.fixture
def session(daemon):
    return new_session(daemon, QUIET)


def test_order_reject_answers_the_chosen_venue_error_and_places_nothing(daemon, session):
    url = session["rest_url"]
    add_fault(daemon, session["id"], {"name": "broke", "kind": "order_reject",
                                      "match": {"symbol": "BTCUSDT"}, "first": 1})
    status, body = signed(url, "POST", "/api/v3/order", {**ORDER, "newClientOrderId": "r-1"})
    assert status == 400
    assert body == {"code": -2010, "msg": "Account has insufficient balance for requested action."}
    assert signed(url, "GET", "/api/v3/openOrders", {"symbol": "BTCUSDT"}) == (200, [])
    status, body = signed(url, "POST", "/api/v3/order", {**ORDER, "newClientOrderId": "r-2"})
    assert status == 200 and body["clientOrderId"] == "r-2"
    add_fault(daemon, session["id"], {"name": "busy", "kind": "order_reject",
                                      "params": {"code": -1008, "status": 503}})
    status, body = signed(url, "POST", "/api/v3/order", ORDER)
    assert status == 503 and body["code"] == -1008


@pytest.mark.parametrize("mode", ["error", "drop"])
def test_a_lost_ack_leaves_the_order_placed_for_the_client_to_find(daemon, session, mode):
    url = session["rest_url"]
    add_fault(daemon, session["id"], {"kind": "ack_lost", "params": {"mode": mode},
                                      "match": {"client_order_id": "lost-*"}})
    if mode == "error":
        status, body = signed(url, "POST", "/api/v3/order", {**ORDER, "newClientOrderId": "lost-1"})
        assert status == 503
        assert body["code"] == -1007
    else:
        with pytest.raises((ConnectionResetError, ConnectionError, OSError)):
            signed(url, "POST", "/api/v3/order", {**ORDER, "newClientOrderId": "lost-1"})
    status, order = signed(url, "GET", "/api/v3/order",
                           {"symbol": "BTCUSDT", "origClientOrderId": "lost-1"})
    assert status == 200 and order["status"] == "NEW" and order["clientOrderId"] == "lost-1"
    status, body = signed(url, "POST", "/api/v3/order", {**ORDER, "newClientOrderId": "kept-1"})
    assert status == 200


def test_cancel_unknown_refuses_a_cancel_though_the_order_is_open(daemon, session):
    url = session["rest_url"]
    status, placed = signed(url, "POST", "/api/v3/order", {**ORDER, "newClientOrderId": "c-1"})
    assert status == 200
    add_fault(daemon, session["id"], {"kind": "cancel_unknown", "first": 1})
    cancel = {"symbol": "BTCUSDT", "origClientOrderId": "c-1"}
    assert signed(url, "DELETE", "/api/v3/order", cancel) == (
        400, {"code": -2011, "msg": "Unknown order sent."})
    status, order = signed(url, "GET", "/api/v3/order", cancel)
    assert order["status"] == "NEW"
    status, canceled = signed(url, "DELETE", "/api/v3/order", cancel)
    assert status == 200 and canceled["status"] == "CANCELED"


def test_clock_skew_moves_server_time_and_signed_requests_hit_1021(daemon, session):
    url = session["rest_url"]
    add_fault(daemon, session["id"], {"kind": "clock_skew", "params": {"ms": -5000}})
    before = int(time.time() * 1000)
    status, _, body = get(url + "/api/v3/time")
    assert status == 200 and json.loads(body)["serverTime"] <= before - 4000
    status, body = signed(url, "GET", "/api/v3/account", {})
    assert status == 400 and body["code"] == -1021
    # A client that syncs its clock to serverTime gets through.
    skewed = json.loads(get(url + "/api/v3/time")[2])["serverTime"]
    status, body = signed(url, "GET", "/api/v3/account", {}, timestamp=skewed)
    assert status == 200, body


def test_stale_rest_market_data_serves_one_frozen_snapshot(daemon):
    session = new_session(daemon, QUIET, clock="stepped")
    url, sid = session["rest_url"], session["id"]
    add_fault(daemon, sid, {"name": "frozen", "kind": "stale", "match": {"symbol": "BTCUSDT"},
                            "for": "10s"})
    first = get(url + "/api/v3/depth?symbol=BTCUSDT&limit=5")[2]
    admin(daemon, "POST", f"/sessions/{sid}/clock/advance", {"by": "5s"})
    assert get(url + "/api/v3/depth?symbol=BTCUSDT&limit=5")[2] == first
    assert get(url + "/api/v3/depth?symbol=ETHUSDT&limit=5")[0] == 200
    admin(daemon, "POST", f"/sessions/{sid}/clock/advance", {"by": "6s"})
    moved = get(url + "/api/v3/depth?symbol=BTCUSDT&limit=5")[2]
    assert json.loads(moved)["lastUpdateId"] > json.loads(first)["lastUpdateId"]


def test_after_the_third_order_answer_503_for_two_seconds(daemon):
    """Scope "all": every client gets the 503s, not only the account that placed the orders."""
    session = new_session(daemon, QUIET, clock="stepped")
    url, sid = session["rest_url"], session["id"]
    add_fault(daemon, sid, {"name": "after-3", "kind": "http_error", "params": {"status": 503},
                            "match": {"http": "* /api/v3/*"}, "for": "2s",
                            "trigger": {"on": "order", "count": 3, "scope": "all"}})
    for i in range(3):
        status, _ = signed(url, "POST", "/api/v3/order", {**ORDER, "newClientOrderId": f"t-{i}"})
        assert status == 200
    assert get(url + "/api/v3/time")[0] == 503
    status, body = signed(url, "POST", "/api/v3/order", ORDER)
    assert status == 503 and body["code"] == -1008
    admin(daemon, "POST", f"/sessions/{sid}/clock/advance", {"by": "2s"})
    assert get(url + "/api/v3/time")[0] == 200
    assert [e["name"] for e in fault_entries(daemon, sid)] == ["after-3", "after-3"]


def test_faults_from_the_scenario_timeline_open_and_close_on_time(daemon):
    timeline = QUIET.replace("name: quiet", "name: timed") + """
timeline:
  - at: 1s
    fault:
      name: outage
      kind: http_error
      params: {status: 502}
      match: {http: "GET /api/v3/time"}
      for: 2s
"""
    session = new_session(daemon, timeline, clock="stepped")
    url, sid = session["rest_url"], session["id"]
    assert get(url + "/api/v3/time")[0] == 200
    admin(daemon, "POST", f"/sessions/{sid}/clock/advance", {"by": "1s"})
    assert get(url + "/api/v3/time")[0] == 502
    admin(daemon, "POST", f"/sessions/{sid}/clock/advance", {"by": "2s"})
    assert get(url + "/api/v3/time")[0] == 200


def test_a_timeline_fault_with_bad_params_names_its_line(daemon):
    bad = QUIET + """
timeline:
  - at: 1s
    fault:
      kind: latency
      params: {ms: soon}
"""
    status, body = admin(daemon, "POST", "/sessions", {"scenario_yaml": bad})
    assert status == 422, body
    assert "params.ms" in body["error"]["message"]
    line = bad.split("\n").index("      params: {ms: soon}") + 1
    assert body["error"]["message"].startswith(f"<inline>:{line}:20: params.ms: ")


MARKET_BUY = {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.01000"}


def test_fill_delay_holds_matching_until_the_scenario_clock_gets_there(daemon):
    session = new_session(daemon, QUIET, clock="stepped")
    url, sid = session["rest_url"], session["id"]
    add_fault(daemon, sid, {"kind": "fill_delay", "params": {"ms": 1000}, "first": 1})
    status, placed = signed(url, "POST", "/api/v3/order",
                            {**MARKET_BUY, "newClientOrderId": "late-1"})
    assert status == 200, placed
    assert placed["status"] == "NEW" and placed["executedQty"] == "0.00000000"
    query = {"symbol": "BTCUSDT", "origClientOrderId": "late-1"}
    assert signed(url, "GET", "/api/v3/order", query)[1]["status"] == "NEW"
    admin(daemon, "POST", f"/sessions/{sid}/clock/advance", {"by": "1s"})
    order = signed(url, "GET", "/api/v3/order", query)[1]
    assert order["status"] == "FILLED" and order["executedQty"] == "0.01000000"


def test_partial_fill_executes_the_ratio_and_expires_the_rest(daemon, session):
    add_fault(daemon, session["id"], {"kind": "partial_fill", "params": {"ratio": 0.4}})
    status, placed = signed(session["rest_url"], "POST", "/api/v3/order",
                            {**MARKET_BUY, "newOrderRespType": "FULL"})
    assert status == 200, placed
    assert placed["status"] == "EXPIRED"
    assert placed["executedQty"] == "0.00400000"
    assert sum(float(f["qty"]) for f in placed["fills"]) == pytest.approx(0.004)


def test_a_hung_ack_never_answers_but_the_order_is_placed(daemon, session):
    add_fault(daemon, session["id"], {"kind": "ack_lost", "params": {"mode": "hang"}, "first": 1})
    with pytest.raises(OSError):  # the client gives up: a timeout
        signed(session["rest_url"], "POST", "/api/v3/order", {**ORDER, "newClientOrderId": "hung-1"},
               timeout=1.0)
    status, order = signed(session["rest_url"], "GET", "/api/v3/order",
                           {"symbol": "BTCUSDT", "origClientOrderId": "hung-1"})
    assert status == 200 and order["status"] == "NEW"
