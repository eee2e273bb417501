#!/usr/bin/python3
"""Ticker throughput of the default session alone and beside 1,000 idle sessions.

Starts mockexd on bench/scenarios/steady.yaml (the quickstart's markets, no rate limits), measures GET /api/v3/ticker/price with
mockex_http_load (median of --runs runs), creates --sessions sessions through the admin API,
measures again, and prints both figures, their ratio, and the daemon's RSS per added session.

    /usr/bin/python3 bench/sessions_ticker.py [--sessions 1000] [--runs 3] [--seconds 5]
        [--bin build-release/bin]      (MOCKEX_THREADS=1 for one I/O thread)
"""

import argparse
import json
import pathlib
import statistics
import subprocess
import tempfile
import time
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[1]


def rss_kib(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def ticker_rate(load, port, seconds, runs):
    rates = []
    for _ in range(runs):
        out = json.loads(subprocess.run([str(load), "--port", str(port), "-c", "64", "-d",
                                         str(seconds)], capture_output=True, text=True,
                                        check=True).stdout)
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
    binaries = pathlib.Path(args.bin)
    with tempfile.TemporaryDirectory() as directory:
        port_file = pathlib.Path(directory) / "port"
        proc = subprocess.Popen([str(binaries / "mockexd"), "--config",
                                 str(REPO / "conf" / "mockexd.yaml"), "--scenario",
                                 str(REPO / "bench" / "scenarios" / "steady.yaml"), "--port", "0",
                                 "--port-file", str(port_file), "--log-level", "warn",
                                 "--max-sessions", str(args.sessions + 10)])
        try:
            while not port_file.exists():
                time.sleep(0.01)
            port = int(port_file.read_text())
            load = binaries / "mockex_http_load"
            alone = ticker_rate(load, port, args.seconds, args.runs)
            before = rss_kib(proc.pid)
            for _ in range(args.sessions):
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/_mockex/v1/sessions", method="POST",
                    data=b'{"scenario":"quickstart","clock":"stepped"}',
                    headers={"Content-Type": "application/json"})
                urllib.request.urlopen(request).read()
            time.sleep(1)
            after = rss_kib(proc.pid)
            crowded = ticker_rate(load, port, args.seconds, args.runs)
        finally:
            proc.terminate()
            proc.wait()
    print(f"ticker req/s, default session alone:   {alone[0]:.0f} (min {alone[1]:.0f}, max {alone[2]:.0f})")
    print(f"ticker req/s, with {args.sessions} sessions: {crowded[0]:.0f} (min {crowded[1]:.0f}, max {crowded[2]:.0f})")
    print(f"ratio: {crowded[0] / alone[0]:.3f}")
    print(f"RSS per added session: {(after - before) / args.sessions:.1f} KiB")


if __name__ == "__main__":
    main()
