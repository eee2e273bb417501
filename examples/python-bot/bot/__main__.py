"""Run the bot: /usr/bin/python3 -m bot [--rest URL --ws-api URL --stream URL] [--duration S].

Defaults point at `make run` (mockexd on localhost:8765, the quickstart's demo account).
"""

import argparse
import asyncio
import logging
from decimal import Decimal

from . import Bot, Config


def parse_args() -> argparse.Namespace:
    defaults = Config()
    p = argparse.ArgumentParser(prog="bot", description=__doc__.splitlines()[0])
    p.add_argument("--rest", default=defaults.rest_url, help="REST base URL")
    p.add_argument("--ws-api", default=defaults.ws_api_url, help="WebSocket API URL")
    p.add_argument("--stream", default=defaults.stream_url, help="market stream base URL")
    p.add_argument("--key", default=defaults.api_key)
    p.add_argument("--secret", default=defaults.api_secret)
    p.add_argument("--symbol", default=defaults.symbol)
    p.add_argument("--quantity", type=Decimal, default=defaults.quantity)
    p.add_argument("--offset-bps", type=Decimal, default=defaults.offset_bps)
    p.add_argument("--replace-bps", type=Decimal, default=defaults.replace_bps)
    p.add_argument("--stale-after", type=float, default=defaults.stale_after)
    p.add_argument("--duration", type=float, default=None, help="stop after S seconds")
    return p.parse_args()


async def main(args):
    config = Config(rest_url=args.rest, ws_api_url=args.ws_api, stream_url=args.stream,
                    api_key=args.key, api_secret=args.secret, symbol=args.symbol,
                    quantity=args.quantity, offset_bps=args.offset_bps,
                    replace_bps=args.replace_bps, stale_after=args.stale_after)
    async with Bot(config) as bot:
        try:
            await asyncio.sleep(args.duration if args.duration is not None else float("inf"))
        finally:
            logging.info("stats: %s", bot.stats)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        asyncio.run(main(parse_args()))
    except KeyboardInterrupt:
        pass
