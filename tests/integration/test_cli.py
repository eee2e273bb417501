"""mockexd's command line, config file and exit codes."""

import socket
import subprocess

from conftest import MOCKEXD, QUICKSTART, REPO


def run(*args, env=None, timeout=30):
    return subprocess.run([MOCKEXD, *args], capture_output=True, text=True, timeout=timeout,
                          env=env)


def test_version_prints_and_exits_zero():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == "mockexd 0.1.0"


def test_help_lists_the_flags_and_exits_zero():
    result = run("--help")
    assert result.returncode == 0
    for flag in ["--config", "--scenario", "--port", "--bind", "--port-file", "--log-level",
                 "--log-format", "validate"]:
        assert flag in result.stdout


def test_unknown_flag_is_a_usage_error_with_exit_2():
    result = run("--no-such-flag")
    assert result.returncode == 2
    assert "--no-such-flag" in result.stderr


def test_bad_flag_value_is_a_usage_error_with_exit_2():
    result = run("--port", "seventy")
    assert result.returncode == 2
    assert "--port" in result.stderr


def test_invalid_config_names_file_line_and_column(tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text("listen:\n  port: 70000\n")
    result = run("--config", str(config))
    assert result.returncode == 2
    assert f"{config}:2:9:" in result.stderr


def test_unreadable_config_is_exit_2(tmp_path):
    result = run("--config", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "missing.yaml" in result.stderr


def test_port_in_use_is_one_clear_line_and_exit_1(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("--port", str(port), "--scenario", str(QUICKSTART))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert f"127.0.0.1:{port}" in lines[0]
    assert "in use" in lines[0]


def test_missing_default_scenario_is_exit_2(tmp_path):
    result = run("--port", "0", "--scenario", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2
    assert "nope.yaml" in result.stderr


def test_validate_accepts_the_quickstart_scenario():
    result = run("validate", str(QUICKSTART))
    assert result.returncode == 0
    assert "quickstart" in result.stdout


def test_json_log_format_writes_one_json_object_per_line(start_daemon):
    import json
    daemon = start_daemon("--log-format", "json")
    lines = [line for line in daemon.log().splitlines() if line.strip()]
    assert lines
    for line in lines:
        doc = json.loads(line)
        assert {"time", "level", "msg"} <= doc.keys()


def test_validate_reports_every_error_with_its_position_and_exits_1(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nseed: 1\ndialect: binance-spot\nclok:\n  mode: stepped\n"
                   "instruments: []\n")
    good = REPO / "scenarios" / "flash-crash.yaml"
    result = run("validate", str(good), str(bad))
    assert result.returncode == 1
    assert f"{bad}:4:1:" in result.stderr
    assert "did you mean 'clock'" in result.stderr
    assert "flash-crash" in result.stdout


def test_every_example_scenario_validates():
    examples = sorted((REPO / "scenarios").glob("*.yaml"))
    assert len(examples) >= 7
    result = run("validate", *map(str, examples))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == len(examples)


def test_invalid_default_scenario_is_exit_2_with_its_position(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nseed: [1]\n")
    result = run("--port", "0", "--scenario", str(bad))
    assert result.returncode == 2
    assert f"{bad}:2:" in result.stderr


def test_validate_checks_fault_params_with_their_position(tmp_path):
    bad = tmp_path / "faulty.yaml"
    assert "timeline:" not in QUICKSTART.read_text()
    bad.write_text(QUICKSTART.read_text() + """
timeline:
  - at: 1s
    fault: {kind: latency, params: {ms: -5}}
""")
    result = run("validate", str(bad))
    assert result.returncode == 1
    line = bad.read_text().splitlines().index("    fault: {kind: latency, params: {ms: -5}}") + 1
    assert result.stderr.startswith(f"{bad}:{line}:")
    assert "params.ms" in result.stderr
