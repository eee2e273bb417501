"""ccxt (npm, pinned in tests/e2e/package-lock.json), unmodified, trading on mockexd over HTTP."""

import json
import pathlib
import shutil
import subprocess
import urllib.request

import pytest

from conftest import QUIET, REPO

SCRIPT = REPO / "tests" / "e2e" / "ccxt_spot.mjs"
WATCH_SCRIPT = REPO / "tests" / "e2e" / "ccxt_watch.mjs"
NODE_MODULES = REPO / "tests" / "e2e" / "node_modules" / "ccxt"


def run_node(script, *args):
    node = shutil.which("node")
    assert node, "node is installed by scripts/install-deps.sh"
    assert NODE_MODULES.exists(), "ccxt is installed by scripts/install-deps.sh (npm ci)"
    result = subprocess.run([node, str(script), *args], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_ccxt(daemon, *flags):
    return run_node(SCRIPT, daemon.url, *flags)


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


def test_ccxt_pro_watchers_keep_a_book_equal_to_rest_and_read_every_stream(daemon):
    request = urllib.request.Request(
        daemon.url + "/_mockex/v1/sessions", method="POST",
        data=json.dumps({"scenario_yaml": QUIET}).encode(),
        headers={"Content-Type": "application/json"})
    session = json.load(urllib.request.urlopen(request, timeout=10))
    out = run_node(WATCH_SCRIPT, session["rest_url"])
    book = out["book"]
    assert book["compared"] == 2, book
    assert 0 < book["best_bid"] < book["best_ask"]
    assert out["trades"]["count"] >= 1 and out["trades"]["price"] > 0
    assert out["trades"]["side"] in ("buy", "sell")
    ticker = out["ticker"]
    assert ticker["symbol"] == "BTC/USDT"
    assert ticker["low"] <= ticker["last"] <= ticker["high"] and ticker["baseVolume"] > 0
    assert out["tickers"] == ["BTC/USDT", "ETH/USDT"]
    timestamp, open_, high, low, close, volume = out["ohlcv"]
    assert timestamp % 60_000 == 0 and low <= min(open_, close) <= max(open_, close) <= high
    quote = out["bids_asks"]
    assert 0 < quote["bid"] < quote["ask"] and quote["bidVolume"] > 0 and quote["askVolume"] > 0
    orders = out["watch_orders"]
    assert orders[0]["id"] == out["resting_id"] and orders[0]["status"] == "open"
    assert orders[0]["clientOrderId"] == out["resting_client_id"]
    # The balance ccxt builds from outboundAccountPosition is the account's, as REST says.
    assert out["watch_balance"] == out["rest_balance"]
    assert out["watch_balance"]["BTC"] > 10  # 0.002 bought, less the BTC commission
    trades = out["watch_my_trades"]
    assert trades and all(t["order"] == out["market_buy"]["id"] for t in trades)
    assert sum(t["amount"] for t in trades) == pytest.approx(out["market_buy"]["filled"])
    assert all(t["feeCurrency"] == "BTC" and t["fee"] > 0 for t in trades)
