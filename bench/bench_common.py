"""What the Python benchmark drivers share: starting mockexd, running the load tools, RSS."""

import contextlib
import json
import pathlib
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


@contextlib.contextmanager
def mockexd(binaries, scenario="steady.yaml", extra=()):
    """A Release mockexd on a free port with a bench scenario; yields (process, port)."""
    with tempfile.TemporaryDirectory() as directory:
        port_file = pathlib.Path(directory) / "port"
        proc = subprocess.Popen([str(pathlib.Path(binaries) / "mockexd"), "--config",
                                 str(REPO / "conf" / "mockexd.yaml"), "--scenario",
                                 str(REPO / "bench" / "scenarios" / scenario), "--port", "0",
                                 "--port-file", str(port_file), "--log-level", "warn", *map(str, extra)])
        try:
            deadline = time.monotonic() + 30
            while not port_file.exists():
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("mockexd did not start")
                time.sleep(0.01)
            yield proc, int(port_file.read_text())
        finally:
            proc.terminate()
            proc.wait()


def http_load(binaries, port, *args):
    """One mockex_http_load run; its JSON line as a dict."""
    command = [str(pathlib.Path(binaries) / "mockex_http_load"), "--port", str(port), *map(str, args)]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def admin(port, method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/_mockex/v1{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None
