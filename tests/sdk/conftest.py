"""The Python SDK against the real mockexd: MOCKEXD names the binary (CTest sets it), the SDK is
imported from client-sdk/python."""

import os
import pathlib
import sys

import pytest

REPO = pathlib.Path(os.environ.get("MOCKEX_REPO", pathlib.Path(__file__).resolve().parents[2]))
SDK = REPO / "client-sdk" / "python"
sys.path.insert(0, str(SDK))
os.environ.setdefault("MOCKEXD", str(REPO / "build" / "bin" / "mockexd"))

from mockex.daemon import Daemon  # noqa: E402

SCENARIOS = REPO / "scenarios"
# One instrument, one account (k1/s1 with 1000 USDT), a stepped clock.
TINY = """\
name: tiny
seed: 3
clock: {mode: stepped}
instruments:
  - symbol: BTCUSDT
    base: BTC
    quote: USDT
    price: {tick: "0.01", min: "0.01", max: "1000000"}
    lot: {step: "0.00001", min: "0.00001", max: "9000"}
accounts:
  - api_key: k1
    secret: s1
    balances: {USDT: "1000"}
"""
DEMO_KEY, DEMO_SECRET = "demo-key", "demo-secret"
START = 1700000000000   # the scenario time stepped sessions start at


@pytest.fixture(scope="module")
def daemon(tmp_path_factory):
    started = Daemon.start(tmp_path_factory.mktemp("mockexd"), scenario_dirs=[SCENARIOS])
    yield started
    assert started.stop() == 0, started.log()


@pytest.fixture
def client(daemon):
    return daemon.client


@pytest.fixture
def session(client):
    """A stepped quickstart session of the test's own: nothing moves unless the test says so."""
    with client.create_session("quickstart", seed=7, clock="stepped", start=START) as created:
        yield created
