"""Session journals and reports on disk: written as the session runs and at SIGTERM."""

import json
import urllib.request

from conftest import metric_value


def test_sigterm_leaves_the_default_session_journal_and_report_on_disk(start_daemon, tmp_path):
    journal_dir = tmp_path / "journals"
    report_dir = tmp_path / "reports"
    daemon = start_daemon(env={"MOCKEX_JOURNAL_DIR": str(journal_dir),
                               "MOCKEX_REPORT_DIR": str(report_dir)})
    assert daemon.stop() == 0
    lines = (journal_dir / "default.jsonl").read_text().splitlines()
    entries = [json.loads(line) for line in lines]
    assert [e["seq"] for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0]["data"]["event"] == "started"
    assert entries[0]["data"]["scenario"] == "quickstart"
    assert entries[-1]["data"]["event"] == "closed"
    report = json.loads((report_dir / "default.json").read_text())
    assert json.dumps(report).count("quickstart") >= 1
    assert "default" in (report_dir / "default.md").read_text()


def test_session_metrics_are_exported(daemon):
    text = urllib.request.urlopen(daemon.url + "/metrics", timeout=10).read().decode()
    assert metric_value(text, "mockex_sessions_open") == 0
    assert metric_value(text, "mockex_sessions_total", {"event": "created"}) == 0
