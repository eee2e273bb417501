# examples/test_with_plugin.py: run with
#   pytest -p mockex.pytest_plugin --mockex-scenarios=scenarios client-sdk/python/examples
import asyncio
import json

import aiohttp
import pytest


async def get(url):
    async with aiohttp.ClientSession() as http:
        async with http.get(url) as answer:
            return answer.status, await answer.json(), answer.headers


def test_ticker_is_served(mockex):
    status, body, _ = asyncio.run(get(mockex.rest_url + "/api/v3/ticker/price?symbol=BTCUSDT"))
    assert status == 200 and body["symbol"] == "BTCUSDT"


@pytest.mark.mockex(scenario="quickstart", seed=7, clock="stepped")
def test_a_rate_limit_storm_is_reported(mockex):
    with mockex.faults.http_error(429, "* /api/v3/*", retry_after=2):
        status, body, headers = asyncio.run(get(mockex.rest_url + "/api/v3/time"))
    assert (status, body["code"], headers["Retry-After"]) == (429, -1003, "2")
    assert mockex.report().rate_limit_hits == 1


def test_a_stream_goes_quiet_while_stale(mockex):
    async def trades_seen(seconds):
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(mockex.ws_root + "/ws/btcusdt@trade") as ws:
                seen = 0
                try:
                    while True:
                        message = await ws.receive(timeout=seconds)
                        seen += json.loads(message.data)["e"] == "trade"
                except asyncio.TimeoutError:
                    return seen

    with mockex.faults.stale(stream="btcusdt@trade"):
        assert asyncio.run(trades_seen(1.5)) == 0
    assert mockex.faults_applied("stale")
