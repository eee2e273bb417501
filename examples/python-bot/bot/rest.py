"""Signed Binance REST over aiohttp: server time sync, per-request timeouts, Retry-After honoured.

Outcomes, as Binance defines them (spec §5):
- 2xx: done. 4xx: refused, nothing happened -> `BinanceError`.
- 429/418: refused for rate limits. Every request of the bot then waits `Retry-After` seconds
  (one shared gate, so nothing else hammers the server meanwhile) and this one is sent again.
- 5xx, a timeout, a reset connection or an unreadable body: *unknown* -> `UnknownOutcome`. Reads
  are simply sent again; writes are left to the caller, who must reconcile (see orders.py).
"""

import asyncio
import json
import logging
import time
import urllib.parse

import aiohttp
from yarl import URL

from .signing import signed_query

log = logging.getLogger("bot.rest")

READ = "GET"


class BinanceError(Exception):
    """The exchange refused the request (4xx with Binance's {"code", "msg"})."""

    def __init__(self, status: int, code: int, msg: str):
        super().__init__(f"HTTP {status} {code}: {msg}")
        self.status, self.code, self.msg = status, code, msg


class UnknownOutcome(Exception):
    """The request may or may not have been carried out."""


class RateLimited(Exception):
    """429/418: refused; `retry_after` seconds before anything is sent again."""

    def __init__(self, retry_after: float):
        super().__init__(f"rate limited for {retry_after}s")
        self.retry_after = retry_after


class RestClient:
    def __init__(self, http: aiohttp.ClientSession, config, stats):
        self.http, self.config, self.stats = http, config, stats
        self.time_offset_ms = 0           # server time minus local time
        self._resume_at = 0.0             # loop time before which no request is sent

    # -- time ---------------------------------------------------------------------------------

    async def sync_time(self):
        """Measure the server clock (GET /api/v3/time): signed timestamps land in recvWindow."""
        before = time.time() * 1000
        server = (await self.public("/api/v3/time"))["serverTime"]
        after = time.time() * 1000
        self.time_offset_ms = server - (before + after) / 2
        self.stats.time_syncs += 1
        log.info("server time offset %+.0f ms", self.time_offset_ms)

    def timestamp(self) -> int:
        return int(time.time() * 1000 + self.time_offset_ms)

    # -- requests -----------------------------------------------------------------------------

    async def public(self, path: str, params: dict | None = None):
        return await self._call(READ, path, params or {}, signed=False)

    async def signed(self, method: str, path: str, params: dict | None = None):
        return await self._call(method, path, params or {}, signed=True)

    async def _call(self, method, path, params, signed):
        resynced = False
        for attempt in range(1, self.config.max_attempts + 1):
            await self._wait_out_rate_limit()
            try:
                return await self._send(method, path, params, signed)
            except RateLimited as limited:
                self._back_off(limited.retry_after)
            except UnknownOutcome:
                if method != READ or attempt == self.config.max_attempts:
                    raise
                await asyncio.sleep(0.1 * attempt)   # a read is safe to send again
            except BinanceError as e:
                if e.code != -1021 or resynced:      # -1021: our clock drifted; resync once
                    raise
                resynced = True
                await self.sync_time()
        raise UnknownOutcome(f"{method} {path}: gave up after {self.config.max_attempts} attempts")

    async def _send(self, method, path, params, signed):
        query, body, headers = "", None, {}
        if signed:
            headers["X-MBX-APIKEY"] = self.config.api_key
            params = {**params, "timestamp": self.timestamp(),
                      "recvWindow": self.config.recv_window}
            encoded = signed_query(params, self.config.api_secret)
            if method == "POST":     # POST signs a form body, GET and DELETE the query string
                body = encoded
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            else:
                query = encoded
        elif params:
            query = urllib.parse.urlencode(params)
        url = URL(self.config.rest_url + path + (f"?{query}" if query else ""), encoded=True)
        timeout = aiohttp.ClientTimeout(total=self.config.request_timeout)
        started = asyncio.get_running_loop().time()
        self.stats.rest_requests += 1
        try:
            async with self.http.request(method, url, data=body, headers=headers,
                                         timeout=timeout) as response:
                text = await response.text()
                status, retry_after = response.status, response.headers.get("Retry-After")
        except asyncio.TimeoutError as e:
            raise UnknownOutcome(f"{method} {path}: no answer in time") from e
        except aiohttp.ClientError as e:    # reset, closed early, truncated ...
            raise UnknownOutcome(f"{method} {path}: {e!r}") from e
        finally:
            elapsed = asyncio.get_running_loop().time() - started
            self.stats.rest_latency_max = max(self.stats.rest_latency_max, elapsed)
        return self._outcome(method, path, status, retry_after, text)

    def _outcome(self, method, path, status, retry_after, text):
        if status in (418, 429):    # refused, whatever the body says
            raise RateLimited(float(retry_after or self.config.default_retry_after))
        try:
            payload = json.loads(text)
        except ValueError as e:
            raise UnknownOutcome(f"{method} {path}: HTTP {status}, body is not JSON") from e
        if status >= 500:
            raise UnknownOutcome(f"{method} {path}: HTTP {status} {payload}")
        if status >= 400:
            raise BinanceError(status, payload.get("code", 0), payload.get("msg", ""))
        return payload

    # -- rate limits --------------------------------------------------------------------------

    def _back_off(self, seconds: float):
        loop_now = asyncio.get_running_loop().time()
        self._resume_at = max(self._resume_at, loop_now + seconds)
        self.stats.rate_limited += 1
        self.stats.backoff_seconds += seconds
        log.warning("rate limited: every request waits %.1f s (Retry-After)", seconds)

    async def _wait_out_rate_limit(self):
        loop = asyncio.get_running_loop()
        while (wait := self._resume_at - loop.time()) > 0:
            await asyncio.sleep(wait)
