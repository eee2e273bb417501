"""The two ways a Call reaches the daemon: blocking (`http.client`, one keep-alive connection per
thread) and asyncio (`aiohttp`)."""

import http.client
import threading
from urllib.parse import urlsplit

from .calls import run_async, run_sync
from .errors import ConnectionFailed

DEFAULT_TIMEOUT = 30.0


def _headers(token, has_body):
    headers = {"Accept": "application/json"}
    if has_body:
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


def _checked(url):
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"mockexd URL must be http://host:port, not {url!r}")
    return parts


class SyncTransport:
    def __init__(self, url, token=None, timeout=DEFAULT_TIMEOUT):
        parts = _checked(url)
        self.url = url.rstrip("/")
        self._host, self._port = parts.hostname, parts.port or 80
        self._token, self._timeout = token, timeout
        self._local = threading.local()

    def run(self, step):
        return run_sync(step, self.send)

    def send(self, call):
        body = call.payload()
        headers = _headers(self._token, body is not None)
        timeout = max(self._timeout, call.timeout or 0)
        # A kept-alive connection the daemon closed while idle fails before any answer: try once
        # more on a fresh one. A fresh connection's failure is the daemon's.
        for attempt in (0, 1):
            conn, reused = self._connection(timeout)
            try:
                conn.request(call.method, call.target(), body=body, headers=headers)
                answer = conn.getresponse()
                raw = answer.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as e:
                self._drop()
                if reused and attempt == 0:
                    continue
                raise ConnectionFailed(f"{self.url}: {e}") from e
            except (OSError, http.client.HTTPException) as e:
                self._drop()
                raise ConnectionFailed(f"{self.url}: {e}") from e
            if answer.will_close:
                self._drop()
            return call.finish(answer.status, raw)

    def _connection(self, timeout):
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.timeout = timeout
            if conn.sock is not None:
                conn.sock.settimeout(timeout)
            return conn, True
        conn = http.client.HTTPConnection(self._host, self._port, timeout=timeout)
        self._local.conn = conn
        return conn, False

    def _drop(self):
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            conn.close()

    def close(self):
        self._drop()


class AsyncTransport:
    """With an `aiohttp.ClientSession` of its own once opened (`async with`), else a short-lived
    one per call, so it works from any event loop without a close to forget."""

    def __init__(self, url, token=None, timeout=DEFAULT_TIMEOUT):
        _checked(url)
        self.url = url.rstrip("/")
        self._token, self._timeout = token, timeout
        self._http = None

    async def open(self):
        import aiohttp
        if self._http is None:
            self._http = aiohttp.ClientSession()

    async def close(self):
        if self._http is not None:
            await self._http.close()
            self._http = None

    async def run(self, step):
        return await run_async(step, self.send)

    async def send(self, call):
        import aiohttp
        body = call.payload()
        timeout = aiohttp.ClientTimeout(total=max(self._timeout, call.timeout or 0))
        http = self._http or aiohttp.ClientSession()
        try:
            async with http.request(call.method, self.url + call.target(), data=body,
                                    headers=_headers(self._token, body is not None),
                                    timeout=timeout) as answer:
                raw = await answer.read()
                status = answer.status
        except (aiohttp.ClientError, OSError, TimeoutError) as e:
            raise ConnectionFailed(f"{self.url}: {e!r}") from e
        finally:
            if http is not self._http:
                await http.close()
        return call.finish(status, raw)

