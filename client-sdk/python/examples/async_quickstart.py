# examples/async_quickstart.py: the same with asyncio and aiohttp.
import asyncio

import aiohttp

import mockex


async def main():
    async with mockex.AsyncClient() as client:
        async with await client.create_session("quickstart") as session:
            async with session.faults.latency("GET /api/v3/time", ms=250):
                async with aiohttp.ClientSession() as http:
                    started = asyncio.get_running_loop().time()
                    async with http.get(session.rest_url + "/api/v3/time") as answer:
                        print("serverTime:", (await answer.json())["serverTime"])
                    print(f"took {asyncio.get_running_loop().time() - started:.3f} s")
            (entry,) = await session.faults_applied("latency")
            print("journal:", entry.data["effect"], "on", entry.data["target"])


asyncio.run(main())
