"""The SDK installs with pip (`pip install -e`, offline, into a venv that sees Debian's packages)
and then registers its pytest plugin by entry point: no `-p` and no PYTHONPATH needed."""

import os
import subprocess

from conftest import SCENARIOS, SDK

INNER = """
def test_the_plugin_is_there_without_being_named(mockex):
    assert mockex.info().scenario == "quickstart"
"""


def test_pip_install_editable_registers_the_plugin(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)],
                   check=True, timeout=120)
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", "--no-build-isolation", "--no-index",
         "-e", str(SDK)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    (tmp_path / "test_inner.py").write_text(INNER)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"--mockex-scenarios={SCENARIOS}", "test_inner.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
