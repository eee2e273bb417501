"""Session journals and reports on disk: written as the session runs and at SIGTERM."""

import json
import urllib.error
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


def test_rest_requests_and_responses_are_journaled_in_order(start_daemon, tmp_path):
    journal_dir = tmp_path / "journals"
    daemon = start_daemon(env={"MOCKEX_JOURNAL_DIR": str(journal_dir)})
    for path in ["/api/v3/ping", "/api/v3/depth?symbol=NOPE"]:
        try:
            urllib.request.urlopen(daemon.url + path, timeout=10).read()
        except urllib.error.HTTPError as e:
            assert e.code == 400
    assert daemon.stop() == 0
    entries = [json.loads(line) for line in (journal_dir / "default.jsonl").read_text().splitlines()]
    http = [(e["kind"], e["data"]["path"], e["data"].get("status")) for e in entries
            if e["kind"].startswith("http")]
    assert http == [("http_request", "/api/v3/ping", None),
                    ("http_response", "/api/v3/ping", 200),
                    ("http_request", "/api/v3/depth", None),
                    ("http_response", "/api/v3/depth", 400)]
    response = [e for e in entries if e["kind"] == "http_response"][1]
    assert response["data"]["query"] == "symbol=NOPE"
    assert '"code":-1121' in response["data"]["body"]
    assert response["data"]["latency_us"] >= 0
