"""Starting and stopping a mockexd binary for a test run: port 0, the bound port read from a port
file, SIGTERM to stop. Each pytest-xdist worker starts its own, so none clash."""

import json
import os
import pathlib
import shutil
import signal
import subprocess
import time

from .client import Client

# The default session of a daemon the plugin starts (tests get sessions of their own): one
# instrument and one empty account, as JSON (which is YAML too).
_IDLE_SCENARIO = json.dumps({
    "name": "idle", "seed": 1, "clock": {"mode": "stepped"},
    "instruments": [{"symbol": "BTCUSDT", "base": "BTC", "quote": "USDT",
                     "price": {"tick": "0.01", "min": "0.01", "max": "1000000"},
                     "lot": {"step": "0.00001", "min": "0.00001", "max": "9000"}}],
    "accounts": [{"api_key": "idle", "secret": "idle", "balances": {"USDT": "0"}}],
})


def find_binary(explicit=None):
    """The mockexd to run: `explicit`, else $MOCKEXD, else `mockexd` on PATH."""
    candidate = explicit or os.environ.get("MOCKEXD") or shutil.which("mockexd")
    if not candidate:
        raise FileNotFoundError("no mockexd binary: pass --mockexd=PATH, set MOCKEXD, put "
                                "mockexd on PATH, or point MOCKEX_URL at a running daemon")
    path = pathlib.Path(candidate).resolve()   # the daemon runs in a directory of its own
    if not path.is_file() or not os.access(path, os.X_OK):
        raise FileNotFoundError(f"mockexd binary {candidate!r} is not an executable file")
    return path


class Daemon:
    """A mockexd this process started (`start`) or one already running (`external`)."""

    def __init__(self, url, proc=None, workdir=None, token=None):
        self.url = url.rstrip("/")
        self.client = Client(self.url, token=token)
        self._proc = proc
        self.workdir = workdir

    @classmethod
    def external(cls, url):
        return cls(url)

    @classmethod
    def start(cls, workdir, binary=None, scenario_dirs=(), args=(), env=None, timeout=30.0):
        workdir = pathlib.Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        port_file = workdir / "port"
        port_file.unlink(missing_ok=True)
        default_scenario = workdir / "idle.yaml"
        default_scenario.write_text(_IDLE_SCENARIO)
        env = {**os.environ, **(env or {})}
        if scenario_dirs:
            env["MOCKEX_SCENARIO_DIRS"] = os.pathsep.join(str(pathlib.Path(d).resolve())
                                                          for d in scenario_dirs)
        command = [str(find_binary(binary)), "--port", "0", "--port-file", str(port_file),
                   "--scenario", str(default_scenario), "--log-level", "warn", *args]
        log = open(workdir / "mockexd.log", "w")
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env,
                                cwd=workdir)
        log.close()
        deadline = time.monotonic() + timeout
        while not port_file.exists() or not port_file.read_text().strip():
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                raise RuntimeError(f"mockexd did not start ({' '.join(command)}):\n"
                                   + (workdir / "mockexd.log").read_text()[-4000:])
            time.sleep(0.01)
        port = int(port_file.read_text().strip())
        return cls(f"http://127.0.0.1:{port}", proc, workdir, env.get("MOCKEX_ADMIN_TOKEN"))

    @property
    def started_here(self):
        return self._proc is not None

    def log(self):
        return (self.workdir / "mockexd.log").read_text() if self.workdir else ""

    def stop(self, timeout=30.0):
        """SIGTERM, then the exit code; a daemon that does not stop is killed and reported."""
        self.client.close()
        if self._proc is None:
            return 0
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
        try:
            return self._proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
            raise RuntimeError(f"mockexd did not stop {timeout}s after SIGTERM")
