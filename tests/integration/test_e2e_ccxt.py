"""ccxt (npm, pinned in tests/e2e/package-lock.json), unmodified, trading on mockexd over HTTP."""

import json
import pathlib
import shutil
import subprocess

import pytest

from conftest import REPO

SCRIPT = REPO / "tests" / "e2e" / "ccxt_spot.mjs"
NODE_MODULES = REPO / "tests" / "e2e" / "node_modules" / "ccxt"


def run_ccxt(daemon, *flags):
    node = shutil.which("node")
    assert node, "node is installed by scripts/install-deps.sh"
    assert NODE_MODULES.exists(), "ccxt is installed by scripts/install-deps.sh (npm ci)"
    result = subprocess.run([node, str(SCRIPT), daemon.url, *flags], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_ccxt_loads_markets_reads_data_and_trades(daemon):
    out = run_ccxt(daemon)
    assert out["markets"] == ["BTC/USDT", "ETH/USDT"]
    assert out["ticker"]["last"] > 0 and out["ticker"]["bid"] < out["ticker"]["ask"]
    assert out["book"]["bids"] == 5 and out["book"]["asks"] == 5
    assert out["book"]["best_bid"] < out["book"]["best_ask"]
    assert out["ohlcv"] >= 1
    assert out["balance_before"] == {"USDT": 100000, "BTC": 10}
    assert out["market_buy"]["status"] == "closed"
    assert out["market_buy"]["filled"] == pytest.approx(0.001)
    assert out["market_buy"]["fee_currency"] == "BTC"
    assert out["limit_buy"]["status"] == "open"
    assert out["open_orders"] == [out["limit_buy"]["id"]]
    assert out["canceled"] == "canceled"
    assert out["cancel_all_empty"] == "OrderNotFound"
    assert out["too_big"] == "InsufficientFunds"
    assert out["my_trades"] >= 1
    assert out["balance_after"]["BTC"] > 10
    assert out["balance_after"]["USDT"] < 100000


def test_ccxt_default_load_markets_with_keys_works_too(daemon):
    out = run_ccxt(daemon, "--default-options")
    assert out["markets"] == ["BTC/USDT", "ETH/USDT"]
