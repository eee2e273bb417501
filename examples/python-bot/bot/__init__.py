"""pybot: a small asyncio Binance Spot trading bot (aiohttp), tested against mockexd."""

from .bot import Bot
from .config import Config

__all__ = ["Bot", "Config"]
