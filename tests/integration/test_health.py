"""Health, readiness and metrics of the real daemon."""

import json
import urllib.error
import urllib.request

from conftest import metric_value


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_healthz_reports_ok_with_version(daemon):
    status, headers, body = get(daemon.url + "/healthz")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    doc = json.loads(body)
    assert doc["status"] == "ok"
    assert doc["version"] == "0.1.0"
    assert doc["uptime_seconds"] >= 0


def test_readyz_is_ready_once_listening_with_the_default_scenario(daemon):
    status, _, body = get(daemon.url + "/readyz")
    assert status == 200
    assert json.loads(body) == {"status": "ready"}
    assert "scenario 'quickstart'" in daemon.log()


def test_startup_line_names_the_bound_address(daemon):
    assert f"listening on http://127.0.0.1:{daemon.port}" in daemon.log()


def test_metrics_count_requests_by_route_and_status(daemon):
    for _ in range(3):
        get(daemon.url + "/healthz")
    get(daemon.url + "/no/such/path")
    status, headers, body = get(daemon.url + "/metrics")
    assert status == 200
    assert headers["Content-Type"].startswith("text/plain; version=0.0.4")
    text = body.decode()
    assert metric_value(text, "mockex_http_requests_total",
                        {"route": "/healthz", "method": "GET", "status": "200"}) == 3
    assert metric_value(text, "mockex_http_requests_total",
                        {"route": "unmatched", "status": "404"}) == 1
    assert metric_value(text, "mockex_http_request_duration_seconds_count",
                        {"route": "/healthz"}) == 3
    # The /metrics request itself is open while the text is rendered.
    assert metric_value(text, "mockex_open_connections") >= 1
    assert metric_value(text, "mockex_open_websockets") == 0
    assert metric_value(text, "mockex_bytes_received_total") > 0
    assert metric_value(text, "mockex_bytes_sent_total") > 0


def test_unknown_path_is_a_json_404(daemon):
    status, headers, body = get(daemon.url + "/v9/nothing")
    assert status == 404
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "not_found"
    # Under the exchange's own prefixes the dialect answers, in its own error shape.
    status, _, body = get(daemon.url + "/api/v9/nothing")
    assert (status, json.loads(body)) == (404, {"code": -1000, "msg": "Unknown path: /api/v9/nothing"})
