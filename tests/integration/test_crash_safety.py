"""Crash safety: a JSONL journal survives SIGKILL up to its last complete line, SIGTERM loses
nothing, and the daemon starts again on the same scenario and journal directory."""

import json
import signal
import threading
import time

from conftest import QUIET, Daemon, http_exchange
from fault_helpers import admin, new_session, signed

PING = b"GET /api/v3/ping HTTP/1.1\r\nHost: x\r\n\r\n"


def read_journal(path):
    """(entries of the complete lines, the torn tail after the last newline)."""
    text = path.read_bytes()
    complete, _, tail = text.rpartition(b"\n")
    lines = complete.split(b"\n") if complete else []
    return [json.loads(line) for line in lines], tail


def assert_runs_are_consecutive(entries):
    """Each run of the daemon starts its journal at seq 1 with a "started" entry and counts on."""
    assert entries, "empty journal"
    expected = None
    for entry in entries:
        if entry["seq"] == 1:
            assert entry["data"]["event"] == "started", entry
        else:
            assert entry["seq"] == expected, f"seq {entry['seq']} after {expected - 1}"
        expected = entry["seq"] + 1


class Hammer(threading.Thread):
    """Pings over one keep-alive connection until told to stop; counts the answers it read."""

    def __init__(self, daemon, path_prefix=""):
        super().__init__(daemon=True)
        self.sock = daemon.connect()
        self.request = PING.replace(b"/api", path_prefix.encode() + b"/api")
        self.answered = 0
        self.stopping = threading.Event()

    def run(self):
        try:
            while not self.stopping.is_set():
                status, _, _ = http_exchange(self.sock, self.request)
                assert status == 200
                self.answered += 1
        except (ConnectionError, OSError):
            pass  # the daemon was killed


def test_sigkill_leaves_journals_valid_up_to_their_last_complete_line(tmp_path):
    journal_dir = tmp_path / "journals"
    daemon = Daemon(tmp_path, ["--journal-dir", str(journal_dir)])
    try:
        session = new_session(daemon, QUIET, clock="realtime")
        hammers = [Hammer(daemon), Hammer(daemon, f"/s/{session['id']}")]
        for hammer in hammers:
            hammer.start()
        deadline = time.monotonic() + 60
        while min(h.answered for h in hammers) < 300:
            assert daemon.proc.poll() is None
            assert time.monotonic() < deadline, [h.answered for h in hammers]
            hammers[0].stopping.wait(0.01)
        daemon.proc.send_signal(signal.SIGKILL)
        assert daemon.proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if daemon.proc.poll() is None:
            daemon.proc.kill()
    for hammer in hammers:
        hammer.join(timeout=30)
    for hammer, name in zip(hammers, ["default", session["id"]]):
        entries, tail = read_journal(journal_dir / f"{name}.jsonl")
        assert_runs_are_consecutive(entries)
        assert tail == b"" or tail.startswith(b'{"seq":'), "only the last line may be torn"
        # An answer is journaled before it is sent: every answer the client read is on disk.
        responses = [e for e in entries if e["kind"] == "http_response"]
        assert len(responses) >= hammer.answered >= 300

    # The same scenario and journal directory again: it starts, cuts the torn tail off, appends.
    (tmp_path / "again").mkdir()
    again = Daemon(tmp_path / "again", ["--journal-dir", str(journal_dir)])
    try:
        status, _, _ = http_exchange(again.connect(), PING)
        assert status == 200
        assert again.stop() == 0
        again.assert_clean()
    finally:
        if again.proc.poll() is None:
            again.proc.kill()
    entries, tail = read_journal(journal_dir / "default.jsonl")
    assert tail == b""
    assert_runs_are_consecutive(entries)
    assert [e["data"].get("event") for e in entries if e["seq"] == 1] == ["started", "started"]
    assert entries[-1]["data"]["event"] == "closed"


def test_sigterm_loses_nothing_the_journal_recorded(start_daemon, tmp_path):
    journal_dir = tmp_path / "journals"
    report_dir = tmp_path / "reports"
    daemon = start_daemon("--journal-dir", str(journal_dir), "--report-dir", str(report_dir))
    session = new_session(daemon, QUIET, clock="realtime")
    base = f"{daemon.url}/s/{session['id']}"
    for i in range(20):
        status, _ = signed(base, "POST", "/api/v3/order",
                           {"symbol": "BTCUSDT", "side": "BUY", "type": "LIMIT",
                            "timeInForce": "GTC", "quantity": "0.1", "price": f"{100 + i}.00"})
        assert status == 200
    status, before = admin(daemon, "GET", f"/sessions/{session['id']}/journal?limit=10000")
    assert status == 200
    assert daemon.stop() == 0

    entries, tail = read_journal(journal_dir / f"{session['id']}.jsonl")
    assert tail == b""
    assert_runs_are_consecutive(entries)
    on_disk = {e["seq"]: e for e in entries}
    for entry in before["entries"]:
        assert on_disk[entry["seq"]] == entry
    assert entries[-1]["data"]["event"] == "closed"
    assert sum(1 for e in entries if e["kind"] == "order" and e["data"]["event"] == "placed") == 20
    report = json.loads((report_dir / f"{session['id']}.json").read_text())
    assert report["session"]["id"] == session["id"]
