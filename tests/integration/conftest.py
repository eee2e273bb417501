"""Fixtures that start the real mockexd binary on port 0 and talk to it over real sockets."""

import os
import pathlib
import signal
import socket
import subprocess
import time
import urllib.request
import weakref

import pytest

REPO = pathlib.Path(os.environ.get("MOCKEX_REPO", pathlib.Path(__file__).resolve().parents[2]))
MOCKEXD = os.environ.get("MOCKEXD", str(REPO / "build" / "bin" / "mockexd"))
QUICKSTART = REPO / "scenarios" / "quickstart.yaml"
# Two slow markets and the quickstart's demo account: a book changes twice a second, so a REST
# snapshot can catch it between two depth events and be compared with the book a client keeps.
QUIET = """
name: quiet
seed: 7
clock: {mode: realtime, start: now}
instruments:
  - symbol: BTCUSDT
    base: BTC
    quote: USDT
    price: {tick: "0.01", min: "0.01", max: "1000000"}
    lot: {step: "0.00001", min: "0.00001", max: "9000"}
    notional: {min: "5", max: "9000000"}
  - symbol: ETHUSDT
    base: ETH
    quote: USDT
    price: {tick: "0.01", min: "0.01", max: "1000000"}
    lot: {step: "0.0001", min: "0.0001", max: "9000"}
    notional: {min: "5", max: "9000000"}
accounts:
  - api_key: demo-key
    secret: demo-secret
    balances: {USDT: "100000", BTC: "10", ETH: "100"}
market:
  BTCUSDT:
    random_walk:
      mid: "30000.00"
      volatility: 0.6
      spread_bps: 0.5
      levels: 20
      level_size: {distribution: uniform, min: "0.01", max: "2"}
      update_interval: 500ms
      trade_rate: 1
      trade_size: {distribution: lognormal, median: "0.01", sigma: 1.0, max: "1"}
  ETHUSDT:
    random_walk:
      mid: "2000.00"
      volatility: 0.8
      spread_bps: 1
      levels: 20
      level_size: {distribution: uniform, min: "0.1", max: "20"}
      update_interval: 500ms
      trade_rate: 1
      trade_size: {distribution: lognormal, median: "0.1", sigma: 1.0, max: "10"}
"""

SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                     "WARNING: ThreadSanitizer")


class Daemon:
    """One running mockexd; stop() sends SIGTERM and returns its exit code."""

    def __init__(self, tmp_path, args=(), env=None):
        self.port_file = tmp_path / "port"
        self.log_path = tmp_path / "mockexd.log"
        self.args = [MOCKEXD, "--port", "0", "--port-file", str(self.port_file),
                     "--scenario", str(QUICKSTART), "--log-level", "debug", *args]
        full_env = dict(os.environ)
        full_env.update(env or {})
        self._log = open(self.log_path, "w+")
        self.proc = subprocess.Popen(self.args, stdout=self._log, stderr=subprocess.STDOUT,
                                     env=full_env)
        self.port = self._wait_for_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}"

    def _wait_for_port(self, timeout=30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.port_file.exists():
                text = self.port_file.read_text().strip()
                if text:
                    return int(text)
            if self.proc.poll() is not None:
                raise RuntimeError(f"mockexd exited with {self.proc.returncode}:\n{self.log()}")
            time.sleep(0.02)
        raise RuntimeError(f"mockexd wrote no port file in {timeout}s:\n{self.log()}")

    def log(self):
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def connect(self):
        return socket.create_connection(("127.0.0.1", self.port), timeout=10)

    def stop(self, sig=signal.SIGTERM, timeout=30.0):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"mockexd did not exit {timeout}s after {sig!r}:\n{self.log()}")

    def rss_bytes(self):
        """The daemon's resident set size now (VmRSS in /proc/<pid>/status)."""
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS line: has mockexd exited?")

    def rss_tells_memory(self):
        """False under AddressSanitizer or ThreadSanitizer, whose shadow memory and quarantine of
        freed blocks make RSS say little about what the daemon holds."""
        with open(f"/proc/{self.proc.pid}/maps") as maps:
            text = maps.read()
        return "libasan" not in text and "libtsan" not in text

    def assert_clean(self):
        log = self.log()
        for marker in SANITIZER_MARKERS:
            assert marker not in log, f"sanitizer report in mockexd's output:\n{log}"


@pytest.fixture
def start_daemon(tmp_path):
    """Starts mockexd with extra args/env; each is stopped (and must exit 0, cleanly) after the test."""
    started = []

    def start(*args, env=None, name=None):
        directory = tmp_path / (name or f"d{len(started)}")
        directory.mkdir()
        daemon = Daemon(directory, args, env)
        started.append(daemon)
        return daemon

    yield start
    for daemon in started:
        code = daemon.stop()
        daemon.assert_clean()
        assert code == 0, f"mockexd exited with {code}:\n{daemon.log()}"


@pytest.fixture
def daemon(start_daemon):
    return start_daemon()


def http_exchange(sock, raw_request, expect_close=False):
    """Sends raw bytes and reads one HTTP/1.1 response; returns (status, headers, body)."""
    if raw_request:
        sock.sendall(raw_request)
    return read_response(sock)


# Bytes received past the end of one response (pipelining), kept for the next read on that socket.
_unread = weakref.WeakKeyDictionary()


def read_response(sock):
    buf = _unread.pop(sock, b"")
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"connection closed before a response; got {buf!r}")
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed inside a response body")
        rest += chunk
    if len(rest) > length:
        _unread[sock] = rest[length:]
    return status, headers, rest[:length]


def is_closed_by_peer(sock, timeout=10.0):
    """True when the server closes the connection (EOF or reset) within `timeout` seconds."""
    sock.settimeout(timeout)
    try:
        while True:
            data = sock.recv(65536)
            if not data:
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except socket.timeout:
        return False


def metric_value(text, name, labels=None):
    """The value of one Prometheus sample in `text`, or None when it is absent."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        metric, _, value = line.rpartition(" ")
        rest = metric[len(name):]
        if rest and not rest.startswith("{"):
            continue
        if labels and not all(f'{k}="{v}"' in rest for k, v in labels.items()):
            continue
        return float(value)
    return None


def scrape(daemon, name, labels=None):
    """One sample's value in the daemon's /metrics now, or None when it is absent."""
    text = urllib.request.urlopen(daemon.url + "/metrics", timeout=10).read().decode()
    return metric_value(text, name, labels)


def metric_soon(daemon, name, labels, expected, timeout=10.0):
    """The sample's value once it equals `expected` (the daemon may count a moment after the
    client saw the effect), or its last value after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = scrape(daemon, name, labels)
        if value == expected or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def wait_until(predicate, timeout=10.0, interval=0.02):
    """Polls `predicate` until it is true or `timeout` seconds have passed; its last result."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(interval)
