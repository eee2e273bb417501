#!/usr/bin/python3
"""mockexd beside its peers: one command, side by side, ratios (bench/README.md, "Beside the peers").

Builds mockexd in Release (when build-release is missing or stale), installs what is missing
(Debian wrk and nginx when root; the npm peers from bench/peers/package-lock.json), then, for
each of --runs runs, starts every server in turn on 127.0.0.1 and measures it:

  mockexd            build-release/bin/mockexd, one I/O thread, bench/peers/compare.yaml
  mockexd shipped    the same with the I/O threads of conf/mockexd.yaml (2): the delay loads only
  nginx              Debian's, fixed `return 200` (the ceiling), bench/peers/nginx.conf.in
  WireMock tuned     the npm package's standalone jar on Java 17, no request journal, async responses
  WireMock defaults  the same jar with no options (JVM default heap: a quarter of the RAM)
  mountebank         the npm package, log level warn

Every peer serves the bytes mockexd answers (a ticker price and an order ACK) with the same
Content-Type; the same wrk 4.1 scripts (bench/peers/wrk/) load every server:

  1. GET /api/v3/ticker/price?symbol=BTCUSDT, wrk -t1 -c10;
  2. signed POST /api/v3/order resting LIMIT buys (ACK), wrk -t1 -c10, from a pool of bodies signed
     just before the run (peers ignore the signature);
  3. the ticker delayed 50 ms (mockexd: a latency fault on a session of its own; WireMock:
     fixedDelayMilliseconds; mountebank: the wait behavior; nginx: n/a) at 10 and 1,000
     connections: error = observed latency - 50 ms at p50, p99 and max;
  4. WebSocket fan-out, depth@100ms + trade of a firehose session to 100 and 1,000 subscribers
     (mockex_ws_fanout), messages/s delivered (mockexd only: no peer streams);
  5. admin session create and delete per second over one keep-alive connection, RSS per idle
     session (mockexd only);
  6. RSS (summed over the server's processes) idle and after each load;
  7. start-to-ready: spawn to the first 200 on the ticker path, polled every 0.5 ms.

Each server is started afresh in each run; each load is warmed up with 2 s of its own wrk script
just before it runs (the JVM compiles its hot paths). Each figure is the median of the runs, with min and max. Prints the
Markdown table and writes it to bench/results/<date>-compare.md; --readme also replaces the
table in bench/README.md. Defaults finish in about 13 minutes (plus a build); every process started is stopped,
also on failure or Ctrl-C.

    /usr/bin/python3 bench/compare.py [--runs 3] [--seconds 10] [--readme]
        [--only mockexd,nginx,...] [--no-build] [--bin build-release/bin]
"""

import argparse
import contextlib
import datetime
import hashlib
import hmac
import http.client
import json
import os
import pathlib
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from bench_common import REPO, rss_kib

PEERS = REPO / "bench" / "peers"
WRK = PEERS / "wrk"
TICKER = "/api/v3/ticker/price?symbol=BTCUSDT"
ORDER = "/api/v3/order"
DELAY_MS = 50
# What mockexd answers to the two requests, byte for byte; the peers serve these.
CONTENT_TYPE = "application/json;charset=UTF-8"
TICKER_BODY = '{"price":"30000.49000000","symbol":"BTCUSDT"}'
ORDER_BODY = ('{"clientOrderId":"STOigshULzYG2ySqYf4l2t","orderId":1,"orderListId":-1,'
              '"symbol":"BTCUSDT","transactTime":1795668565653}')
API_KEY, SECRET = "bench-key", "bench-secret"  # bench/peers/compare.yaml
WARMUP_S = 2
POOL_SIZE = 10_000
IDLE_SESSIONS = 500
READY_TIMEOUT_S = 60
BUDGET_S = 14 * 60  # the bound is 15 minutes: no run starts that would pass this


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tree_rss_kib(pid):
    """VmRSS of pid and all its descendants (nginx's worker, the JVM under a wrapper)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        with contextlib.suppress(OSError):
            total += rss_kib(current)
            for task in pathlib.Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
    return total


def answers_200(port, path):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            return sock.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


class Server:
    """One server under test: how to configure and start it, and what it can be asked."""

    delayed = True     # can delay a response by DELAY_MS
    streams = False    # serves the WebSocket streams
    throughput = True  # runs the ticker and order loads

    def __init__(self, key, title):
        self.key, self.title = key, title
        self.proc = None
        self.port = None

    def command(self, directory):
        raise NotImplementedError

    def delayed_path(self):
        return "/delayed" + TICKER

    def start(self, directory):
        """Spawns the server in a process group of its own; returns start-to-ready seconds."""
        self.port = free_port()
        command = self.command(directory)
        log = open(directory / "server.log", "wb")
        started = time.perf_counter()
        self.proc = subprocess.Popen(command, cwd=directory, stdout=log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        while not answers_200(self.port, TICKER):
            if self.proc.poll() is not None or time.perf_counter() - started > READY_TIMEOUT_S:
                raise RuntimeError(f"{self.title} did not become ready; see its log:\n"
                                   + (directory / "server.log").read_text(errors="replace")[-2000:])
            time.sleep(0.0005)
        return time.perf_counter() - started

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        # A server's helpers (nginx's worker) may outlive the leader for a moment.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)

    def rss_kib(self):
        return tree_rss_kib(self.proc.pid)


class Mockexd(Server):
    streams = True

    def __init__(self, binaries, key="mockexd", title="mockexd"):
        super().__init__(key, title)
        self.binaries = binaries

    def command(self, directory):
        return [str(self.binaries / "mockexd"), "--config", str(REPO / "conf" / "mockexd.yaml"),
                "--scenario", str(PEERS / "compare.yaml"), "--port", str(self.port),
                *self.threads(), "--max-connections", "4096", "--log-level", "warn"]

    def threads(self):
        return ["--threads", "1"]  # wrk -t1 holds the other core

    def admin(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            return admin_call(connection, method, path, body)
        finally:
            connection.close()

    def delayed_path(self):
        """A session of its own whose ticker answers DELAY_MS late (a latency fault)."""
        session = self.admin("POST", "/sessions", {"scenario_yaml": (PEERS / "compare.yaml").read_text()})
        self.admin("POST", f"/sessions/{session['id']}/faults",
                   {"name": "delay", "kind": "latency", "params": {"ms": DELAY_MS},
                    "match": {"http": "GET /api/v3/ticker/*"}})
        return f"/s/{session['id']}{TICKER}"


class MockexdShipped(Mockexd):
    """mockexd with the I/O threads of conf/mockexd.yaml, as shipped: the delay loads only."""

    streams = False
    throughput = False

    def __init__(self, binaries):
        threads = re.search(r"^threads:\s*(\d+)", (REPO / "conf" / "mockexd.yaml").read_text(), re.M)
        super().__init__(binaries, "mockexd-shipped", f"mockexd, {threads.group(1)} threads (shipped)")

    def threads(self):
        return []


class Nginx(Server):
    delayed = False

    def __init__(self):
        super().__init__("nginx", "nginx (`return 200`)")

    def command(self, directory):
        conf = (PEERS / "nginx.conf.in").read_text()
        for name, value in (("DIR", directory), ("PORT", self.port), ("TICKER", TICKER_BODY),
                            ("ORDER", ORDER_BODY)):
            conf = conf.replace(f"@{name}@", str(value))
        (directory / "nginx.conf").write_text(conf)
        return [shutil.which("nginx") or "/usr/sbin/nginx", "-p", str(directory), "-e",
                str(directory / "error.log"), "-c", str(directory / "nginx.conf")]


def stub(method, path, query, body, delay_ms):
    """One canned answer in neutral form, turned into each peer's own configuration below."""
    return {"method": method, "path": path, "query": query, "body": body, "delay_ms": delay_ms}


STUBS = [stub("GET", "/api/v3/ticker/price", {"symbol": "BTCUSDT"}, TICKER_BODY, 0),
         stub("POST", ORDER, {}, ORDER_BODY, 0),
         stub("GET", "/delayed/api/v3/ticker/price", {"symbol": "BTCUSDT"}, TICKER_BODY, DELAY_MS)]


class WireMock(Server):
    def __init__(self, tuned):
        super().__init__("wiremock-tuned" if tuned else "wiremock-defaults",
                         "WireMock tuned" if tuned else "WireMock defaults")
        self.tuned = tuned

    def command(self, directory):
        mappings = directory / "mappings"
        mappings.mkdir(exist_ok=True)
        (mappings / "stubs.json").write_text(json.dumps({"mappings": [{
            "request": {"method": s["method"], "urlPath": s["path"],
                        **({"queryParameters": {k: {"equalTo": v} for k, v in s["query"].items()}}
                           if s["query"] else {})},
            "response": {"status": 200, "headers": {"Content-Type": CONTENT_TYPE}, "body": s["body"],
                         **({"fixedDelayMilliseconds": s["delay_ms"]} if s["delay_ms"] else {})},
        } for s in STUBS]}, indent=1))
        jar = sorted((PEERS / "node_modules" / "wiremock" / "build").glob("wiremock-standalone-*.jar"))[-1]
        tuning = ["--no-request-journal", "--async-response-enabled", "true"] if self.tuned else []
        return ["java", "-jar", str(jar), "--port", str(self.port), "--bind-address", "127.0.0.1",
                "--root-dir", str(directory), "--disable-banner", *tuning]


class Mountebank(Server):
    def __init__(self):
        super().__init__("mountebank", "mountebank")

    def command(self, directory):
        imposters = {"imposters": [{
            "protocol": "http", "port": self.port, "host": "127.0.0.1",
            "stubs": [{
                "predicates": [{"equals": {"method": s["method"], "path": s["path"],
                                           **({"query": s["query"]} if s["query"] else {})}}],
                # mountebank answers Connection: close unless told otherwise.
                "responses": [{"is": {"statusCode": 200, "body": s["body"],
                                      "headers": {"Content-Type": CONTENT_TYPE, "Connection": "keep-alive"}},
                               **({"_behaviors": {"wait": s["delay_ms"]}} if s["delay_ms"] else {})}],
            } for s in STUBS]}]}
        (directory / "imposters.json").write_text(json.dumps(imposters, indent=1))
        return ["node", str(PEERS / "node_modules" / "mountebank" / "bin" / "mb"), "start",
                "--port", str(free_port()), "--host", "127.0.0.1", "--localOnly",
                "--configfile", str(directory / "imposters.json"), "--loglevel", "warn", "--nologfile",
                "--pidfile", str(directory / "mb.pid")]


def admin_call(connection, method, path, body=None):
    connection.request(method, "/_mockex/v1" + path, body=None if body is None else json.dumps(body),
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    text = response.read()
    if response.status >= 300:
        raise RuntimeError(f"{method} {path}: {response.status} {text[:300]!r}")
    return json.loads(text) if text else None


def order_pool(path):
    """POOL_SIZE signed resting LIMIT buys (prices far below the 30,000 market), as a Lua table."""
    timestamp = int(time.time() * 1000)
    bodies = []
    for i in range(POOL_SIZE):
        params = (f"symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001"
                  f"&price={20000 + i / 100:.2f}&newOrderRespType=ACK&recvWindow=60000&timestamp={timestamp}")
        signature = hmac.new(SECRET.encode(), params.encode(), hashlib.sha256).hexdigest()
        bodies.append(f'"{params}&signature={signature}"')
    path.write_text(f'return {{api_key = "{API_KEY}", bodies = {{\n' + ",\n".join(bodies) + "\n}}\n")
    return path


def wrk(port, path, script, connections, seconds, *script_args):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", str(WRK / script),
               f"http://127.0.0.1:{port}{path}"]
    if script_args:
        command += ["--", *map(str, script_args)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("wrk-json "))
    result = json.loads(line[len("wrk-json "):])
    result["requests_per_s"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = sum(result[k] for k in ("connect_errors", "read_errors", "write_errors",
                                               "status_errors", "timeouts"))
    return result


def ws_fanout(binaries, port, path, subscribers, seconds):
    command = [str(binaries / "mockex_ws_fanout"), "--port", str(port), "--path", path,
               "-c", str(subscribers), "-d", str(seconds), "--warmup", "1"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    return json.loads(out)


def measure(server, binaries, seconds, workdir):
    """One run of one server: every figure it can give, as a flat dict of name -> number."""
    f = {}
    directory = pathlib.Path(tempfile.mkdtemp(prefix=f"{server.key}-", dir=workdir))
    try:
        f["ready_ms"] = server.start(directory) * 1000
        time.sleep(1)
        f["rss_idle"] = server.rss_kib() / 1024
        if server.streams:  # mockexd: its admin API, before any load has grown its heap
            f.update(session_figures(server))
        # Each load warms up on its own script just before it runs, so the RSS after the ticker
        # load holds no resting orders (an order warm-up first left ~90k in mockexd's book).
        if server.throughput:
            pool = order_pool(directory / "pool.lua")  # signed once, well inside its recvWindow
            for load, path, script, script_args in (("ticker", TICKER, "get.lua", ()),
                                                    ("order", ORDER, "order.lua", (pool,))):
                wrk(server.port, path, script, 10, WARMUP_S, *script_args)
                r = wrk(server.port, path, script, 10, seconds, *script_args)
                f.update({f"{load}_rps": r["requests_per_s"], f"{load}_p99": r["p99_us"] / 1000,
                          f"{load}_err": r["errors"], f"rss_{load}": server.rss_kib() / 1024})

        if server.delayed:
            path = server.delayed_path()
            for connections in (10, 1000):
                r = wrk(server.port, path, "get.lua", connections, seconds)
                f.update({f"delay{connections}_{p}": (r[f"{p}_us"] - DELAY_MS * 1000) / 1000
                          for p in ("p50", "p99", "max")})
                f[f"delay{connections}_rps"] = r["requests_per_s"]
                f[f"delay{connections}_err"] = r["errors"]
            f["rss_delay"] = server.rss_kib() / 1024

        if server.streams:
            firehose = (REPO / "bench" / "scenarios" / "firehose.yaml").read_text()
            session = server.admin("POST", "/sessions", {"scenario_yaml": firehose})
            path = f"/s/{session['id']}/stream?streams=btcusdt@depth@100ms/btcusdt@trade"
            for subscribers in (100, 1000):
                r = ws_fanout(binaries, server.port, path, subscribers, seconds)
                f[f"ws{subscribers}"] = r["messages_per_s"]
                f[f"ws{subscribers}_dropped"] = r["dropped"] + subscribers - r["connected"]
            f["rss_ws"] = server.rss_kib() / 1024
            server.admin("DELETE", f"/sessions/{session['id']}")
    finally:
        server.stop()
    return f


def session_figures(server):
    """Create and delete IDLE_SESSIONS stepped quickstart sessions over one connection."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        before = server.rss_kib()
        started = time.perf_counter()
        ids = [admin_call(connection, "POST", "/sessions", {"scenario": "quickstart", "clock": "stepped"})["id"]
               for _ in range(IDLE_SESSIONS)]
        created = time.perf_counter()
        time.sleep(1)
        after = server.rss_kib()
        deleting = time.perf_counter()
        for session in ids:
            admin_call(connection, "DELETE", f"/sessions/{session}")
        deleted = time.perf_counter()
    finally:
        connection.close()
    return {"session_create_s": IDLE_SESSIONS / (created - started),
            "session_delete_s": IDLE_SESSIONS / (deleted - deleting),
            "session_kib": (after - before) / IDLE_SESSIONS}


# ---- the table ---------------------------------------------------------------------------------

# (figure key, what, format, higher is better)
ROWS = [
    ("ticker_rps", "GET ticker/price req/s (10 conns)", "{:,.0f}", True),
    ("ticker_p99", "GET ticker/price p99 ms", "{:.2f}", False),
    ("order_rps", "signed POST order req/s (10 conns; peers: canned ACK)", "{:,.0f}", True),
    ("order_p99", "signed POST order p99 ms", "{:.2f}", False),
    ("delay10_p50", "50 ms delay, 10 conns: error p50 ms", "{:+.2f}", False),
    ("delay10_p99", "50 ms delay, 10 conns: error p99 ms", "{:+.2f}", False),
    ("delay10_max", "50 ms delay, 10 conns: error max ms", "{:+.2f}", False),
    ("delay1000_rps", "50 ms delay, 1,000 conns: req/s (ideal 20,000)", "{:,.0f}", True),
    ("delay1000_p50", "50 ms delay, 1,000 conns: error p50 ms", "{:+.2f}", False),
    ("delay1000_p99", "50 ms delay, 1,000 conns: error p99 ms", "{:+.2f}", False),
    ("delay1000_max", "50 ms delay, 1,000 conns: error max ms", "{:+.2f}", False),
    ("ws100", "WS depth+trade fan-out, 100 subscribers: msg/s", "{:,.0f}", True),
    ("ws1000", "WS depth+trade fan-out, 1,000 subscribers: msg/s", "{:,.0f}", True),
    ("session_create_s", "admin: sessions created/s", "{:,.0f}", True),
    ("session_delete_s", "admin: sessions deleted/s", "{:,.0f}", True),
    ("session_kib", "RSS per idle session KiB", "{:.1f}", False),
    ("rss_idle", "RSS idle MiB", "{:.1f}", False),
    ("rss_ticker", "RSS after ticker load MiB", "{:.1f}", False),
    ("rss_order", "RSS after order load MiB", "{:.1f}", False),
    ("rss_delay", "RSS after delay loads MiB", "{:.1f}", False),
    ("rss_ws", "RSS after WS fan-out MiB", "{:.1f}", False),
    ("ready_ms", "start to ready ms", "{:.1f}", False),
]
# Failed requests behind a row: shown beside its figure.
ERRORS = {"ticker_rps": "ticker_err", "order_rps": "order_err", "delay10_p99": "delay10_err",
          "delay1000_rps": "delay1000_err", "ws100": "ws100_dropped", "ws1000": "ws1000_dropped"}


def spread(values):
    return statistics.median(values), min(values), max(values)


def cell(runs, key, fmt):
    values = [r[key] for r in runs if key in r]
    if not values:
        return "n/a"
    median, low, high = spread(values)
    text = fmt.format(median) if len(values) == 1 else \
        f"{fmt.format(median)} ({fmt.format(low)} – {fmt.format(high)})"
    errors = ERRORS.get(key)
    if errors and any(r.get(errors) for r in runs):
        label = "dropped" if key.startswith("ws") else "failed"
        text += f" ⚠ {statistics.median(r[errors] for r in runs if errors in r):,.0f} {label}"
    return text


def ratio(results, key, other):
    mine = [r[key] for r in results.get("mockexd", []) if key in r]
    theirs = [r[key] for r in results.get(other, []) if key in r]
    if not mine or not theirs or statistics.median(theirs) == 0 or key.startswith("delay") and "rps" not in key:
        return "—"
    value = statistics.median(mine) / statistics.median(theirs)
    return f"{value:.2f}×" if value >= 0.1 else f"{value:.2g}×"


def table(results, servers):
    present = [s for s in servers if s.key in results]
    head = ["what"] + [s.title for s in present] + ["mockexd ÷ WireMock tuned", "mockexd ÷ nginx"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for key, what, fmt, _ in ROWS:
        cells = [cell(results[s.key], key, fmt) for s in present]
        if all(c == "n/a" for c in cells):
            continue
        lines.append("| " + " | ".join([what, *cells, ratio(results, key, "wiremock-tuned"),
                                        ratio(results, key, "nginx")]) + " |")
    return "\n".join(lines)


def median_of(results, server, key):
    values = [r[key] for r in results.get(server, []) if key in r]
    return statistics.median(values) if values else None


def targets(results):
    """The issue's targets, each with its figure and met / missed."""
    m = lambda key, server="mockexd": median_of(results, server, key)  # noqa: E731
    checks = []

    def check(what, value, target, ok, fmt="{:.2f}"):
        if value is None or target is None:
            checks.append(f"- {what}: not measured")
        else:
            checks.append(f"- {what}: {fmt.format(value)} against {fmt.format(target)} — "
                          f"{'met' if ok(value, target) else 'MISSED'}")

    wm, ng = m("ticker_rps", "wiremock-tuned"), m("ticker_rps", "nginx")
    check("GET ticker ≥ 4× tuned WireMock (ratio)", m("ticker_rps") / wm if wm and m("ticker_rps") else None,
          4.0, lambda v, t: v >= t)
    check("GET ticker ≥ 50 % of nginx (ratio)", m("ticker_rps") / ng if ng and m("ticker_rps") else None,
          0.5, lambda v, t: v >= t)
    wo = m("order_rps", "wiremock-tuned")
    check("signed order ≥ 1.5× tuned WireMock's canned stub (ratio)",
          m("order_rps") / wo if wo and m("order_rps") else None, 1.5, lambda v, t: v >= t)
    for server, how in (("mockexd", "--threads 1"), ("mockexd-shipped", "threads as shipped")):
        check(f"50 ms delay p99 error at 10 conns ≤ 1 ms ({how})", m("delay10_p99", server), 1.0,
              lambda v, t: v <= t)
        check(f"50 ms delay p99 error at 1,000 conns ≤ 2 ms ({how})", m("delay1000_p99", server), 2.0,
              lambda v, t: v <= t)
    check("RSS idle ≤ 15 MiB", m("rss_idle"), 15.0, lambda v, t: v <= t, "{:.1f}")
    check("RSS after ticker load, journal on, ≤ 100 MiB", m("rss_ticker"), 100.0, lambda v, t: v <= t, "{:.1f}")
    check("start to ready ≤ 50 ms", m("ready_ms"), 50.0, lambda v, t: v <= t, "{:.1f}")
    return "\n".join(checks)


def first_line(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (out.stdout + out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "?"


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in pathlib.Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    mem = int(next(l.split()[1] for l in pathlib.Path("/proc/meminfo").read_text().splitlines()
                   if l.startswith("MemTotal:")))
    package = lambda name: json.loads((PEERS / "node_modules" / name / "package.json").read_text())["version"]  # noqa: E731
    commit = first_line(["git", "-C", str(REPO), "log", "-1", "--format=%h %s"])
    if subprocess.run(["git", "-C", str(REPO), "diff", "--quiet", "HEAD", "--", "server"]).returncode:
        commit = commit[:8] + " with uncommitted server/ changes"
    return (f"{os.cpu_count()} × {cpu}, {mem / 1024 / 1024:.1f} GiB RAM, Linux {platform.release()}; "
            f"client and servers on the same cores, 127.0.0.1. mockexd {commit[:60]} (Release, --threads 1; the delay loads also as shipped); "
            f"{first_line(['wrk', '-v'])[:20]}; {first_line(['nginx', '-v']).replace('nginx version: ', '')}; "
            f"WireMock {package('wiremock')} on {first_line(['java', '-version'])}; "
            f"mountebank {package('mountebank')} on Node {first_line(['node', '--version'])}")


# ---- setup -------------------------------------------------------------------------------------

def setup(args):
    missing = [tool for tool, package in (("wrk", "wrk"), ("nginx", "nginx")) if not shutil.which(tool)
               and not pathlib.Path(f"/usr/sbin/{tool}").exists()]
    if missing:
        if os.geteuid() != 0:
            sys.exit(f"missing {', '.join(missing)}: apt-get install {' '.join(missing)}")
        subprocess.run(["apt-get", "update", "-qq"], check=True, timeout=300, stdout=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, timeout=600, stdout=sys.stderr,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    installed = PEERS / "node_modules" / ".package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < (PEERS / "package-lock.json").stat().st_mtime:
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel", "error"], cwd=PEERS,
                       check=True, timeout=600, stdout=sys.stderr)
    if not args.no_build:
        build = REPO / "build-release"
        if not (build / "CMakeCache.txt").exists():
            subprocess.run(["cmake", "-S", str(REPO), "-B", str(build), "-G", "Ninja",
                            "-DCMAKE_BUILD_TYPE=Release", "-DMOCKEX_BUILD_TESTS=OFF"], check=True,
                           stdout=sys.stderr)
        subprocess.run(["cmake", "--build", str(build), "-j2", "--target", "mockexd", "mockex_ws_fanout"],
                       check=True, stdout=sys.stderr)  # stdout carries only the report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10, help="length of each measured load")
    parser.add_argument("--bin", default=str(REPO / "build-release" / "bin"))
    parser.add_argument("--no-build", action="store_true", help="use --bin as it is")
    parser.add_argument("--only", default="", help="comma-separated server keys (default: all)")
    parser.add_argument("--readme", action="store_true", help="replace the table in bench/README.md")
    args = parser.parse_args()
    setup(args)

    with tempfile.TemporaryDirectory(prefix="mockex-compare-") as tmp:
        workdir = pathlib.Path(tmp)
        # A copy, so a rebuild of build-release during the run changes nothing under it.
        binaries = workdir / "bin"
        binaries.mkdir()
        for name in ("mockexd", "mockex_ws_fanout"):
            shutil.copy2(pathlib.Path(args.bin) / name, binaries / name)
        servers = [Mockexd(binaries), MockexdShipped(binaries), Nginx(), WireMock(tuned=True), WireMock(tuned=False), Mountebank()]
        if args.only:
            servers = [s for s in servers if s.key in args.only.split(",")]
        results = {}
        current = None

        def interrupted(signum, _frame):
            raise KeyboardInterrupt(f"signal {signum}")
        signal.signal(signal.SIGTERM, interrupted)
        started = time.monotonic()
        try:
            for run in range(args.runs):
                elapsed = time.monotonic() - started
                if run and elapsed / run * (run + 1) > BUDGET_S:
                    print(f"stopping after {run} runs: another would pass {BUDGET_S} s", file=sys.stderr)
                    break
                for server in servers:  # interleaved, so a noisy minute hits every server alike
                    current = server
                    print(f"run {run + 1}/{args.runs}: {server.title} ... ", end="", flush=True, file=sys.stderr)
                    results.setdefault(server.key, []).append(measure(server, binaries, args.seconds, workdir))
                    print(f"{time.monotonic() - started:.0f} s", file=sys.stderr)
        finally:
            if current is not None:
                current.stop()

    date = datetime.datetime.now()
    report = (f"## mockexd beside its peers ({date:%Y-%m-%d %H:%M})\n\n"
              f"Machine: {machine()}.\n\n"
              f"`bench/compare.py --runs {args.runs} --seconds {args.seconds}`: each cell is the median of "
              f"{len(results.get(servers[0].key, []))} runs (min – max); ratios are of medians (for latency, RSS and time, lower is "
              f"better). wrk -t1 throughout; delay errors are observed latency − {DELAY_MS} ms. "
              f"Total {time.monotonic() - started:.0f} s.\n\n"
              f"{table(results, servers)}\n\n### Targets (issue 10)\n\n{targets(results)}\n")
    print(report)
    out = REPO / "bench" / "results" / f"{date:%Y-%m-%d-%H%M}-compare.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report)
    print(f"written to {out.relative_to(REPO)}", file=sys.stderr)
    if args.readme:
        readme = REPO / "bench" / "README.md"
        text = readme.read_text()
        begin, end = "<!-- compare.py: latest -->", "<!-- /compare.py -->"
        demoted = re.sub(r"^(#+) ", r"#\1 ", report, flags=re.M)  # under the README's own heading
        block = f"{begin}\n{demoted}{end}"
        text = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: block, text, flags=re.S)
        readme.write_text(text)


if __name__ == "__main__":
    main()
