"""client-sdk/python/README.md: its full examples are the files in examples/ (byte for byte) and
run against the real daemon; its short snippets run too, given a client and a session."""

import os
import re
import subprocess

import mockex
from conftest import REPO, SCENARIOS, SDK

README = SDK / "README.md"
EXAMPLES = SDK / "examples"


def python_blocks():
    return re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)


def test_the_readme_shows_the_example_files_as_they_are():
    shown = {block.split("\n", 1)[0].split(":")[0][2:]: block for block in python_blocks()
             if block.startswith("# examples/")}
    assert sorted(shown) == ["examples/async_quickstart.py", "examples/quickstart.py",
                             "examples/test_with_plugin.py"]
    for name, block in shown.items():
        assert block == (SDK / name).read_text(), f"{name} differs from the README"


def run_example(daemon, *command):
    env = {**os.environ, "PYTHONPATH": str(SDK), "MOCKEX_URL": daemon.url}
    result = subprocess.run(["/usr/bin/python3", *command], env=env, capture_output=True,
                            text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


def test_the_quickstart_examples_run(daemon):
    out = run_example(daemon, str(EXAMPLES / "quickstart.py"))
    assert "first call: 429 3 {'code': -1003" in out
    assert "second call: {'price'" in out
    assert "fault: http_error status 429 GET /api/v3/ticker/price" in out
    assert "faults injected: {'http_error': 1} rate-limit hits: 1" in out
    out = run_example(daemon, str(EXAMPLES / "async_quickstart.py"))
    assert "journal: delay 250ms on GET /api/v3/time" in out
    took = float(re.search(r"took ([0-9.]+) s", out).group(1))
    assert took >= 0.25


def test_the_plugin_example_passes_as_documented(daemon):
    env = {**os.environ, "PYTHONPATH": str(SDK)}
    env.pop("MOCKEX_URL", None)
    result = subprocess.run(
        ["/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p",
         "mockex.pytest_plugin", f"--mockex-scenarios={SCENARIOS}", str(EXAMPLES), "-n", "2"],
        env=env, capture_output=True, text=True, timeout=180, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


def test_the_snippets_run(client):
    snippets = [block for block in python_blocks() if not block.startswith("# examples/")]
    assert len(snippets) == 2
    with client.create_session("quickstart", clock="stepped") as s:
        for snippet in snippets:
            exec(compile(snippet, str(README), "exec"), {"mockex": mockex, "client": client,
                                                         "s": s})
        assert {f.kind for f in s.faults.list()} == {"ack_lost", "ws_disconnect"}


def test_the_main_readme_pytest_example_passes(tmp_path):
    (block,) = [b for b in re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(),
                                      flags=re.S) if b.startswith("# test_ticker.py")]
    (tmp_path / "test_ticker.py").write_text(block)
    env = {**os.environ, "PYTHONPATH": str(SDK)}
    env.pop("MOCKEX_URL", None)
    result = subprocess.run(
        ["/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p",
         "mockex.pytest_plugin", f"--mockex-scenarios={SCENARIOS}", "test_ticker.py"],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
