"""pybot: a small asyncio Binance Spot trading bot (aiohttp), written to be tested against mockexd."""

from .bot import Bot
from .config import Config

__all__ = ["Bot", "Config"]
