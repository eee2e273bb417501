#!/usr/bin/python3
"""The soak: mixed REST + WebSocket + fault traffic against one Release mockexd for a bounded time
on loopback (bench/README.md, "Soak"). Not part of any test run.

Every window (10 s by default) runs, at once:
  - GET ticker/price on the default session (firehose market), 8 keep-alive connections;
  - signed POST /api/v3/order, LIMIT IOC buys far below the market (each expires at once, so
    nothing piles up), 4 connections;
  - GET ticker/price on a second session carrying faults (20 ms latency on 20 % of requests,
    503 on 5 %, 10 % of trade messages dropped), 8 connections;
  - 20 WebSocket subscribers of depth@100ms + trade on the default session;
and then creates and deletes 10 sessions through the admin API. After each window it samples the
daemon's RSS. At the end it reports RSS over time, unexpected errors (any status but 200 on
the default session, any but 200/503 on the fault session, connection failures, dropped
subscribers, failed admin calls) and latency drift (p99 of the last minute over the first).

    /usr/bin/python3 bench/soak.py [--minutes 10] [--window 10] [--bin build-release/bin]
        [--out bench/results/<date>-soak.md]

Exit status 1 when an unexpected error was counted.
"""

import argparse
import datetime
import json
import statistics
import subprocess
import threading
import time
from pathlib import Path

from bench_common import REPO, admin, http_load, mockexd, rss_kib

TICKER = "/api/v3/ticker/price?symbol=BTCUSDT"
STREAMS = "/stream?streams=btcusdt@depth@100ms/btcusdt@trade"
IOC_BUY = ("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.01&price={price}"
           "&newOrderRespType=ACK")
FAULTS = [
    {"name": "slow", "kind": "latency", "params": {"ms": 20}, "probability": 0.2,
     "match": {"http": "GET /api/v3/ticker/*"}},
    {"name": "flaky", "kind": "http_error", "params": {"status": 503}, "probability": 0.05,
     "match": {"http": "GET /api/v3/ticker/*"}},
    {"name": "lossy", "kind": "ws_drop", "probability": 0.1, "match": {"stream": "*@trade"}},
]


def ws_fanout(binaries, port, seconds, subscribers):
    command = [str(Path(binaries) / "mockex_ws_fanout"), "--port", str(port), "--path", STREAMS,
               "-c", str(subscribers), "-d", str(seconds), "--warmup", "1"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return json.loads(done.stdout)


def unexpected_statuses(out, allowed):
    return sum(n for status, n in out["statuses"].items() if status not in allowed)


def window(binaries, port, fault_base, seconds):
    """One window of the mixed load; the figures of each part."""
    parts = {
        "ticker": lambda: http_load(binaries, port, "--path", TICKER, "-c", 8, "-d", seconds),
        "orders": lambda: http_load(binaries, port, "--method", "POST", "--path", "/api/v3/order",
                                    "--key", "bench-key", "--secret", "bench-secret",
                                    "--body", IOC_BUY, "--price", 1000, "-c", 4, "-d", seconds),
        "faulted": lambda: http_load(binaries, port, "--path", fault_base + TICKER, "-c", 8,
                                     "-d", seconds),
        "ws": lambda: ws_fanout(binaries, port, seconds, 20),
    }
    results = {}
    threads = [threading.Thread(target=lambda k=k, f=f: results.__setitem__(k, f()))
               for k, f in parts.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def churn(port, count):
    """Creates and deletes `count` sessions; the number of admin calls that failed."""
    failed = 0
    for _ in range(count):
        try:
            session = admin(port, "POST", "/sessions", {"scenario": "quickstart"})
            admin(port, "DELETE", f"/sessions/{session['id']}")
        except Exception:  # noqa: BLE001 - every failure is counted and reported
            failed += 1
    return failed


def errors_of(results, admin_failures):
    return {
        "ticker": unexpected_statuses(results["ticker"], {"200"})
        + results["ticker"]["connection_failures"],
        "orders": unexpected_statuses(results["orders"], {"200"})
        + results["orders"]["connection_failures"],
        "faulted": unexpected_statuses(results["faulted"], {"200", "503"})
        + results["faulted"]["connection_failures"],
        "ws_dropped": results["ws"]["dropped"],
        "admin": admin_failures,
    }


def shown(path):
    """`path` relative to the repository when it lies inside it."""
    try:
        return str(Path(path).resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def report(rows, args, started):
    per_minute = max(1, round(60 / args.window))
    first, last = rows[:per_minute], rows[-per_minute:]

    def p99(part, subset):
        return statistics.median(r["results"][part]["p99_us"] for r in subset)

    lines = [f"# Soak, {started:%Y-%m-%d %H:%M} UTC",
             "",
             f"`/usr/bin/python3 bench/soak.py --minutes {args.minutes} --window {args.window}` "
             f"({len(rows)} windows of {args.window} s, mockexd of `{shown(args.bin)}`, 2 I/O threads, load "
             "generators on the same 2 cores).",
             "",
             "| minute | RSS MiB | ticker req/s | ticker p99 µs | orders req/s | orders p99 µs "
             "| faulted req/s | 503s | ws msg/s | unexpected errors |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for start in range(0, len(rows), per_minute):
        chunk = rows[start:start + per_minute]
        lines.append(
            f"| {start // per_minute + 1} | {chunk[-1]['rss_kib'] / 1024:.1f} "
            f"| {statistics.mean(c['results']['ticker']['requests_per_s'] for c in chunk):,.0f} "
            f"| {statistics.median(c['results']['ticker']['p99_us'] for c in chunk):,.0f} "
            f"| {statistics.mean(c['results']['orders']['requests_per_s'] for c in chunk):,.0f} "
            f"| {statistics.median(c['results']['orders']['p99_us'] for c in chunk):,.0f} "
            f"| {statistics.mean(c['results']['faulted']['requests_per_s'] for c in chunk):,.0f} "
            f"| {sum(c['results']['faulted']['statuses'].get('503', 0) for c in chunk):,} "
            f"| {statistics.mean(c['results']['ws']['messages_per_s'] for c in chunk):,.0f} "
            f"| {sum(sum(c['errors'].values()) for c in chunk)} |")
    totals = {k: sum(r["errors"][k] for r in rows) for k in rows[0]["errors"]}
    rss = [r["rss_kib"] / 1024 for r in rows]
    lines += ["",
              f"- RSS: {rss[0]:.1f} MiB after the first window, {rss[per_minute - 1]:.1f} MiB "
              f"after the first minute (journal rings full), {max(rss):.1f} MiB at most, "
              f"{rss[-1]:.1f} MiB at the end: {rss[-1] - rss[per_minute - 1]:+.1f} MiB since the "
              "first minute.",
              f"- Latency drift (median p99 of the last minute over the first): ticker "
              f"{p99('ticker', last) / p99('ticker', first):.2f}×, orders "
              f"{p99('orders', last) / p99('orders', first):.2f}×.",
              f"- Requests: {sum(sum(r['results'][k]['requests'] for k in ('ticker', 'orders', 'faulted')) for r in rows):,}; "
              f"WebSocket messages: {sum(r['results']['ws']['messages'] for r in rows):,}; "
              f"sessions created and deleted: {10 * len(rows):,}.",
              f"- Unexpected errors: {sum(totals.values())} ({', '.join(f'{k} {v}' for k, v in totals.items())})."]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--window", type=int, default=10)
    parser.add_argument("--bin", default=str(REPO / "build-release" / "bin"))
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    started = datetime.datetime.now(datetime.timezone.utc)
    out = Path(args.out) if args.out else REPO / "bench" / "results" / f"{started:%Y-%m-%d-%H%M}-soak.md"
    firehose = (REPO / "bench" / "scenarios" / "firehose.yaml").read_text()
    rows = []
    with mockexd(args.bin, "firehose.yaml") as (proc, port):
        session = admin(port, "POST", "/sessions", {"scenario_yaml": firehose})
        for rule in FAULTS:
            admin(port, "POST", f"/sessions/{session['id']}/faults", rule)
        fault_base = f"/s/{session['id']}"
        deadline = time.monotonic() + args.minutes * 60
        while time.monotonic() < deadline:
            results = window(args.bin, port, fault_base, args.window)
            errors = errors_of(results, churn(port, 10))
            rows.append({"results": results, "errors": errors, "rss_kib": rss_kib(proc.pid)})
            print(json.dumps({"window": len(rows), "rss_mib": round(rows[-1]["rss_kib"] / 1024, 1),
                              "ticker_rps": results["ticker"]["requests_per_s"],
                              "ticker_p99_us": results["ticker"]["p99_us"],
                              "errors": errors}), flush=True)
            if proc.poll() is not None:
                raise SystemExit(f"mockexd exited with {proc.returncode}")
    text = report(rows, args, started)
    out.write_text(text)
    print(text)
    return 1 if any(sum(r["errors"].values()) for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
