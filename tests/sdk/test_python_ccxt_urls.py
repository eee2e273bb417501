"""Session.ccxt_urls() is all ccxt needs to trade and stream against a session, with no URL left
pointing at the real exchange."""

import json
import subprocess

from conftest import REPO


def test_ccxt_configured_with_the_session_urls_trades_streams_and_reaches_nothing_else(client):
    with client.create_session("quickstart") as s:
        result = subprocess.run(
            ["node", str(REPO / "tests" / "e2e" / "ccxt_urls.mjs"), json.dumps(s.ccxt_urls())],
            capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr + result.stdout
        out = json.loads(result.stdout.strip().splitlines()[-1])
        assert out == {"leaks": [], "ticker": "BTC/USDT", "order": "open", "trades": True}
        (order,) = s.orders("demo-key")
        assert order.client_order_id.startswith("x-")   # ccxt's own id prefix
