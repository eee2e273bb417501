#!/usr/bin/python3
"""Ticker throughput of the default session alone and beside 1,000 idle sessions.

Starts mockexd on bench/scenarios/steady.yaml (the quickstart's markets, no rate limits), measures GET /api/v3/ticker/price with
mockex_http_load (median of --runs runs), creates --sessions sessions through the admin API,
measures again, and prints both figures, their ratio, and the daemon's RSS per added session.

    /usr/bin/python3 bench/sessions_ticker.py [--sessions 1000] [--runs 3] [--seconds 5]
        [--bin build-release/bin]      (MOCKEX_THREADS=1 for one I/O thread)
"""

import argparse
import statistics
import time

from bench_common import REPO, admin, http_load, mockexd, rss_kib


def ticker_rate(binaries, port, seconds, runs):
    rates = []
    for _ in range(runs):
        out = http_load(binaries, port, "-c", 64, "-d", seconds)
        assert list(out["statuses"]) == ["200"], out  # every request answered, none refused
        rates.append(out["requests_per_s"])
    return statistics.median(rates), min(rates), max(rates)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--bin", default=str(REPO / "build-release" / "bin"))
    args = parser.parse_args()
    with mockexd(args.bin, extra=("--max-sessions", args.sessions + 10)) as (proc, port):
        alone = ticker_rate(args.bin, port, args.seconds, args.runs)
        before = rss_kib(proc.pid)
        for _ in range(args.sessions):
            admin(port, "POST", "/sessions", {"scenario": "quickstart", "clock": "stepped"})
        time.sleep(1)
        after = rss_kib(proc.pid)
        crowded = ticker_rate(args.bin, port, args.seconds, args.runs)
    print(f"ticker req/s, default session alone:   {alone[0]:.0f} (min {alone[1]:.0f}, max {alone[2]:.0f})")
    print(f"ticker req/s, with {args.sessions} sessions: {crowded[0]:.0f} (min {crowded[1]:.0f}, max {crowded[2]:.0f})")
    print(f"ratio: {crowded[0] / alone[0]:.3f}")
    print(f"RSS per added session: {(after - before) / args.sessions:.1f} KiB")


if __name__ == "__main__":
    main()
