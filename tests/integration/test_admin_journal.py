"""Following a session's journal live with the admin API's long poll (wait=)."""

import json
import threading
import time
import urllib.error
import urllib.request


def call(daemon, method, path, body=None):
    request = urllib.request.Request(daemon.url + "/_mockex/v1" + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=40) as response:
        return json.loads(response.read() or b"null")


def test_a_waiting_query_returns_the_next_entry_when_it_is_recorded(daemon):
    created = call(daemon, "POST", "/sessions", {"scenario": "quickstart", "clock": "stepped"})
    sid = created["id"]
    last = call(daemon, "GET", f"/sessions/{sid}/journal?limit=1000")["last_seq"]
    result = {}

    def follow():
        result["page"] = call(daemon, "GET", f"/sessions/{sid}/journal?after={last}&wait=20s")

    follower = threading.Thread(target=follow)
    follower.start()
    time.sleep(0.3)  # the follower is waiting now (nothing new in a stepped, idle session)
    assert follower.is_alive()
    call(daemon, "POST", f"/sessions/{sid}/market/halt", {"symbol": "BTCUSDT"})
    follower.join(timeout=20)
    assert not follower.is_alive()
    events = [e["data"].get("event", "") for e in result["page"]["entries"]]
    assert any("halt BTCUSDT" in e for e in events), events
    assert result["page"]["next_after"] > last


def test_a_waiting_query_with_nothing_new_returns_empty_after_the_wait(daemon):
    created = call(daemon, "POST", "/sessions", {"scenario": "quickstart", "clock": "stepped"})
    sid = created["id"]
    last = call(daemon, "GET", f"/sessions/{sid}/journal?limit=1000")["last_seq"]
    started = time.monotonic()
    page = call(daemon, "GET", f"/sessions/{sid}/journal?after={last}&wait=500ms")
    assert time.monotonic() - started >= 0.5
    assert page["entries"] == []


def test_wait_longer_than_30s_is_refused(daemon):
    try:
        call(daemon, "GET", "/sessions/default/journal?wait=1m")
    except urllib.error.HTTPError as e:
        assert e.code == 400
        assert json.loads(e.read())["error"]["code"] == "invalid_request"
    else:
        raise AssertionError("expected 400")
