#!/usr/bin/python3
"""The fault engine's costs (bench/README.md).

1. Delay precision: GET ticker/price with a 50 ms latency fault on a session of its own, at 10
   and at 1,000 keep-alive connections; the error is observed latency minus 50 ms (p50, p99,
   max). Meanwhile a second load runs undelayed on the default session, and its figures are
   compared with the same load alone ("no effect on undelayed traffic of other sessions").
2. Overhead of an installed but non-matching fault set (20 rules) on ticker req/s.

    /usr/bin/python3 bench/faults.py [--runs 3] [--seconds 5] [--bin build-release/bin]
"""

import argparse
import statistics
import threading

from bench_common import REPO, admin, http_load, mockexd

TICKER = "/api/v3/ticker/price?symbol=BTCUSDT"


def median_of(runs, measure):
    values = [measure() for _ in range(runs)]
    return statistics.median(values), min(values), max(values)


def ticker(binaries, port, seconds, path=TICKER, connections=64):
    out = http_load(binaries, port, "--path", path, "-c", connections, "-d", seconds)
    assert list(out["statuses"]) == ["200"], out
    return out


def non_matching_rules():
    """20 rules that watch HTTP requests but match none of the ticker's."""
    rules = []
    for i in range(10):
        rules.append({"name": f"latency-{i}", "kind": "latency", "params": {"ms": 100},
                      "match": {"http": f"POST /api/v3/order{i}"}})
        rules.append({"name": f"error-{i}", "kind": "http_error", "params": {"status": 503},
                      "match": {"http": "GET /api/v3/ticker/*", "api_key": f"nobody-{i}"}})
    return rules


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--bin", default=str(REPO / "build-release" / "bin"))
    args = parser.parse_args()
    b = args.bin
    with mockexd(b, extra=("--threads", 1)) as (_, port):
        bare = median_of(args.runs, lambda: ticker(b, port, args.seconds)["requests_per_s"])
        for rule in non_matching_rules():
            admin(port, "POST", "/sessions/default/faults", rule)
        ruled = median_of(args.runs, lambda: ticker(b, port, args.seconds)["requests_per_s"])
        admin(port, "DELETE", "/sessions/default/faults")
        print(f"ticker req/s, no fault rules:        {bare[0]:.0f} (min {bare[1]:.0f}, max {bare[2]:.0f})")
        print(f"ticker req/s, 20 non-matching rules: {ruled[0]:.0f} (min {ruled[1]:.0f}, max {ruled[2]:.0f})")
        print(f"overhead: {100 * (1 - ruled[0] / bare[0]):.1f} %")

        steady = (REPO / "bench" / "scenarios" / "steady.yaml").read_text()  # no rate limits
        session = admin(port, "POST", "/sessions", {"scenario_yaml": steady})
        admin(port, "POST", f"/sessions/{session['id']}/faults",
              {"name": "fifty", "kind": "latency", "params": {"ms": 50},
               "match": {"http": "GET /api/v3/ticker/*"}})
        delayed_path = f"/s/{session['id']}{TICKER}"
        alone = ticker(b, port, args.seconds, connections=16)
        for connections in (10, 1000):
            d = ticker(b, port, args.seconds, delayed_path, connections)
            print(f"50 ms delay, {connections} connections alone: {d['requests_per_s']:.0f} req/s; "
                  f"error p50 {(d['p50_us'] - 50000) / 1000:.2f} ms, "
                  f"p99 {(d['p99_us'] - 50000) / 1000:.2f} ms, max {(d['max_us'] - 50000) / 1000:.2f} ms")
            results = {}

            def delayed():
                results["delayed"] = ticker(b, port, args.seconds, delayed_path, connections)
            worker = threading.Thread(target=delayed)
            worker.start()
            beside = ticker(b, port, args.seconds, connections=16)
            worker.join()
            d = results["delayed"]
            print(f"  the same beside an undelayed load: {d['requests_per_s']:.0f} req/s; "
                  f"error p50 {(d['p50_us'] - 50000) / 1000:.2f} ms, "
                  f"p99 {(d['p99_us'] - 50000) / 1000:.2f} ms, max {(d['max_us'] - 50000) / 1000:.2f} ms")
            print(f"  undelayed default session beside it (16 conns): {beside['requests_per_s']:.0f} "
                  f"req/s, p99 {beside['p99_us'] / 1000:.2f} ms "
                  f"(alone: {alone['requests_per_s']:.0f} req/s, p99 {alone['p99_us'] / 1000:.2f} ms)")


if __name__ == "__main__":
    main()
