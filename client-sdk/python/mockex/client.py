"""Clients of one mockexd: create, find and list sessions. `Client` blocks; `AsyncClient` is the
same for asyncio."""

import os
import pathlib

from .calls import Call, segment
from .models import SessionInfo
from .session import AsyncSession, Session
from .transport import DEFAULT_TIMEOUT, AsyncTransport, SyncTransport

DEFAULT_URL = "http://127.0.0.1:8765"


def _create_call(scenario, scenario_yaml, scenario_file, seed, clock, speed, start):
    if scenario_file is not None:
        if scenario_yaml is not None:
            raise TypeError("give scenario_yaml or scenario_file, not both")
        scenario_yaml = pathlib.Path(scenario_file).read_text()
    if (scenario is None) == (scenario_yaml is None):
        raise TypeError("give a scenario name, scenario_yaml or scenario_file")
    body = {"scenario": scenario, "scenario_yaml": scenario_yaml, "seed": seed, "clock": clock,
            "speed": speed, "start": start}
    return Call("POST", "/sessions", body={k: v for k, v in body.items() if v is not None},
                parse=SessionInfo.from_json)


class _ClientApi:
    def __init__(self, url, token):
        self.url = (url or os.environ.get("MOCKEX_URL") or DEFAULT_URL).rstrip("/")
        self.token = token if token is not None else os.environ.get("MOCKEX_ADMIN_TOKEN")

    def sessions(self):
        """Every session, the default first."""
        return self._run(Call("GET", "/sessions", parse=lambda d: [
            SessionInfo.from_json(s) for s in d["sessions"]]))

    def ready(self):
        """True once the daemon serves (`/readyz`)."""
        return self._run(Call("GET", "/readyz", prefix="", text=True, parse=lambda _: True))

    def metrics(self):
        """The Prometheus text of `/metrics`."""
        return self._run(Call("GET", "/metrics", prefix="", text=True))


class Client(_ClientApi):
    """`Client("http://127.0.0.1:8765")`; without a URL, `MOCKEX_URL` or that default. The token
    (`MOCKEX_ADMIN_TOKEN` when not given) is sent when the daemon needs one."""

    def __init__(self, url=None, token=None, timeout=DEFAULT_TIMEOUT):
        super().__init__(url, token)
        self._transport = SyncTransport(self.url, self.token, timeout)

    def _run(self, step):
        return self._transport.run(step)

    def create_session(self, scenario=None, *, scenario_yaml=None, scenario_file=None, seed=None,
                       clock=None, speed=None, start=None):
        """A new session from a scenario name (in the daemon's scenario directories), YAML text
        or a local file; `seed`, `clock` ("realtime", "accelerated", "stepped"), `speed` and
        `start` (epoch ms) override the scenario. Use it in a `with` to delete it after."""
        info = self._run(_create_call(scenario, scenario_yaml, scenario_file, seed, clock, speed,
                                      start))
        return Session(self._transport, info)

    def session(self, session_id="default"):
        """A handle on an existing session (not deleted when the handle closes)."""
        info = self._run(Call("GET", f"/sessions/{segment(session_id)}",
                              parse=SessionInfo.from_json))
        return Session(self._transport, info, owned=False)

    def close(self):
        self._transport.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class AsyncClient(_ClientApi):
    """The asyncio client: `async with AsyncClient(url) as client:` keeps one connection pool;
    without `async with`, each call opens its own connection."""

    def __init__(self, url=None, token=None, timeout=DEFAULT_TIMEOUT):
        super().__init__(url, token)
        self._transport = AsyncTransport(self.url, self.token, timeout)

    def _run(self, step):
        return self._transport.run(step)

    async def create_session(self, scenario=None, *, scenario_yaml=None, scenario_file=None,
                             seed=None, clock=None, speed=None, start=None):
        info = await self._run(_create_call(scenario, scenario_yaml, scenario_file, seed, clock,
                                            speed, start))
        return AsyncSession(self._transport, info)

    async def session(self, session_id="default"):
        info = await self._run(Call("GET", f"/sessions/{segment(session_id)}",
                                    parse=SessionInfo.from_json))
        return AsyncSession(self._transport, info, owned=False)

    async def close(self):
        await self._transport.close()

    async def __aenter__(self):
        await self._transport.open()
        return self

    async def __aexit__(self, *exc):
        await self.close()
