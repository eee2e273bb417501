"""Everything the bot needs to know about where it trades and how patient it is."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass
class Config:
    # Where the exchange is. Binance's own: https://api.binance.com,
    # wss://ws-api.binance.com/ws-api/v3 and wss://stream.binance.com:9443; mockexd serves all
    # three on one port.
    rest_url: str = "http://localhost:8765"
    ws_api_url: str = "ws://localhost:8765/ws-api/v3"
    stream_url: str = "ws://localhost:8765"
    api_key: str = "demo-key"
    api_secret: str = "demo-secret"

    # The strategy: one resting limit buy `offset_bps` below the mid, moved when the mid has
    # drifted more than `replace_bps` from where the order was priced.
    symbol: str = "BTCUSDT"
    quantity: Decimal = Decimal("0.001")
    offset_bps: Decimal = Decimal("50")
    replace_bps: Decimal = Decimal("20")
    client_id_prefix: str = "pybot-"

    # Patience.
    request_timeout: float = 5.0      # seconds per REST request, connect to last byte
    recv_window: int = 5000           # ms a signed request stays valid (Binance's default)
    max_attempts: int = 5             # per request: rate-limit waits, read retries, reconciles
    default_retry_after: float = 1.0  # seconds to wait on a 429/418 without a Retry-After header
    stale_after: float = 5.0          # market stream silent this long (pings answered) = stale
    resubscribe_after: float = 15.0   # stale this long: drop the stream connection and reconnect
    reconnect_delay: float = 0.2      # first wait before a WebSocket reconnect (doubles, max 5 s)
    cancel_on_exit: bool = True       # pull the resting order when the bot stops
