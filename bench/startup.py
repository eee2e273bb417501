#!/usr/bin/python3
"""Start-to-ready time and idle memory of mockexd.

Starts the daemon N times on port 0 and measures, for each run, the wall time from spawning the
process to the first 200 from /readyz (polled every 0.5 ms), then reads its resident set size
(VmRSS) after it has idled for a second. Prints min / median / max.

    /usr/bin/python3 bench/startup.py [--runs 20] [--mockexd build-release/bin/mockexd]
"""

import argparse
import os
import pathlib
import signal
import socket
import statistics
import subprocess
import tempfile
import time

REPO = pathlib.Path(__file__).resolve().parents[1]


def ready(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return sock.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def one_run(mockexd, directory):
    port_file = directory / "port"
    port_file.unlink(missing_ok=True)
    started = time.perf_counter()
    proc = subprocess.Popen([mockexd, "--port", "0", "--port-file", str(port_file),
                             "--config", str(REPO / "conf" / "mockexd.yaml"),
                             "--log-level", "warn"])
    try:
        while not port_file.exists() or not port_file.read_text().strip():
            time.sleep(0.0005)
        port = int(port_file.read_text())
        while not ready(port):
            time.sleep(0.0005)
        elapsed = time.perf_counter() - started
        time.sleep(1.0)
        rss_kib = next(int(line.split()[1])
                       for line in pathlib.Path(f"/proc/{proc.pid}/status").read_text().splitlines()
                       if line.startswith("VmRSS:"))
        return elapsed, rss_kib
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--mockexd", default=str(REPO / "build" / "bin" / "mockexd"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [one_run(args.mockexd, pathlib.Path(tmp)) for _ in range(args.runs)]
    times = sorted(r[0] * 1000 for r in results)
    rss = sorted(r[1] / 1024 for r in results)
    print(f"mockexd: {args.mockexd}, {args.runs} runs")
    print(f"start-to-ready ms: min {times[0]:.1f}  median {statistics.median(times):.1f}  "
          f"max {times[-1]:.1f}")
    print(f"idle RSS MiB:      min {rss[0]:.1f}  median {statistics.median(rss):.1f}  "
          f"max {rss[-1]:.1f}")


if __name__ == "__main__":
    main()
