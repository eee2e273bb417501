"""Helpers of the fault tests: sessions with rules over the admin API, signed REST, raw HTTP."""

import hashlib
import hmac
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

KEY, SECRET = "demo-key", "demo-secret"


def admin(daemon, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(daemon.url + "/_mockex/v1" + path, data=data, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        text = e.read()
        return e.code, json.loads(text) if text else None


def new_session(daemon, scenario_yaml, **options):
    status, body = admin(daemon, "POST", "/sessions", {"scenario_yaml": scenario_yaml, **options})
    assert status == 201, body
    return body


def add_fault(daemon, session_id, rule):
    status, body = admin(daemon, "POST", f"/sessions/{session_id}/faults", rule)
    assert status == 201, body
    return body


def get(url, headers=None, timeout=10):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def signed(base_url, method, path, params, key=KEY, secret=SECRET, timestamp=None, timeout=10):
    params = dict(params)
    params.setdefault("timestamp", timestamp if timestamp is not None else int(time.time() * 1000))
    payload = urllib.parse.urlencode(params)
    payload += "&signature=" + hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()
    in_body = method == "POST"
    request = urllib.request.Request(base_url + path + ("" if in_body else "?" + payload),
                                     method=method, data=payload.encode() if in_body else None)
    request.add_header("X-MBX-APIKEY", key)
    if in_body:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def raw_get(port, target, timeout=5.0):
    """Sends one GET on a fresh connection; returns the socket for the test to read from."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    return sock


def read_until_closed(sock):
    """Everything the server sends until it closes the connection."""
    chunks = []
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def split_response(data):
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body


def fault_entries(daemon, session_id):
    """The session's applied faults, in journal order."""
    status, body = admin(daemon, "GET", f"/sessions/{session_id}/journal?kinds=fault&limit=10000")
    assert status == 200, body
    return [e["data"] for e in body["entries"] if "effect" in e["data"]]
