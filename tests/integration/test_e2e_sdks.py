"""npm `binance`, binance-api-node (pinned in tests/e2e/package-lock.json) and a hand-written
aiohttp client, all unmodified, against mockexd: REST, signed orders and market streams."""

import json
import subprocess
from decimal import Decimal

from conftest import REPO
from test_e2e_ccxt import run_node

E2E = REPO / "tests" / "e2e"


def test_npm_binance_and_binance_api_node_trade_and_stream(daemon):
    out = run_node(E2E / "sdks.mjs", daemon.url)
    assert out["binance_symbols"] == ["BTCUSDT", "ETHUSDT"]
    assert out["binance_book"]["bids"] == 5 and out["binance_book"]["lastUpdateId"] > 0
    assert out["binance_order"]["status"] == "NEW"
    assert out["binance_order"]["clientOrderId"].startswith("x-U5D79M5B")  # the SDK's own id
    assert out["binance_cancel"] == "CANCELED"
    assert Decimal(out["binance_usdt"]) == Decimal("100000")  # the cancel released the lock
    assert out["binance_streams"] == {"depth5": 5, "trade": "BTCUSDT", "aggTrade": "BTCUSDT",
                                      "24hrTicker": "BTCUSDT"}
    assert out["node_time"] > 0
    assert out["node_book"] == {"bids": 5, "asks": 5}
    assert out["node_order"] == "NEW"
    assert out["node_streams"] == {"depth": True, "trade": True, "ticker": "BTCUSDT",
                                   "candle": "1m", "bookTicker": True}


def test_a_hand_written_aiohttp_client_signs_trades_and_streams(daemon):
    result = subprocess.run(["/usr/bin/python3", str(E2E / "aiohttp_spot.py"), daemon.url],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["order"]["status"] == "FILLED" and out["order"]["fills"] >= 1
    assert Decimal(out["order"]["executedQty"]) == Decimal("0.001")
    assert Decimal(out["usdt_after"]) < Decimal(out["usdt_before"])
    assert Decimal(out["btc_after"]) > Decimal("10")
    assert out["streams"] == {"btcusdt@depth@100ms": "depthUpdate", "btcusdt@trade": "trade"}
