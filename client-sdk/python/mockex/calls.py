"""What one admin API call is, independent of how it is sent.

Every SDK method builds a `Call` (or a generator of calls, for paging and waiting); the sync and
the asyncio clients differ only in the transport that carries it out (`transport.py`), so the API
is written once for both.
"""

import json
import types
from dataclasses import dataclass
from typing import Any, Callable, Optional
from urllib.parse import quote, urlencode

from .errors import NotFound, error_from_answer

API_PREFIX = "/_mockex/v1"


@dataclass
class Call:
    method: str
    path: str                                  # under /_mockex/v1
    query: Optional[dict] = None               # None values are left out
    body: Any = None                           # JSON-able, or None for no body
    parse: Optional[Callable[[Any], Any]] = None   # decoded answer -> result
    text: bool = False                         # the answer is text (Markdown, JSON Lines)
    timeout: Optional[float] = None            # seconds; longer than the client's for long polls
    prefix: str = API_PREFIX                   # "" for /healthz, /readyz, /metrics

    def target(self):
        target = self.prefix + self.path
        query = {k: v for k, v in (self.query or {}).items() if v is not None}
        if query:
            target += "?" + urlencode(query, safe=",*@")
        return target

    def payload(self):
        return None if self.body is None else json.dumps(self.body).encode()

    def finish(self, status, raw):
        """The result of the answer `raw` (bytes) with HTTP `status`, or the daemon's error."""
        text = raw.decode("utf-8", errors="replace")
        if status >= 400:
            try:
                decoded = json.loads(text)
            except ValueError:
                decoded = text
            raise error_from_answer(status, decoded)
        if self.text:
            result = text
        else:
            result = json.loads(text) if text else None
        return self.parse(result) if self.parse else result


def delete_if_present(path):
    """A DELETE that is done when the thing is gone already (a reset clears fault rules; a
    session may have been deleted by its TTL)."""
    try:
        yield Call("DELETE", path)
    except NotFound:
        pass


def segment(value):
    """A path segment: session ids, fault names and symbols as typed, escaped."""
    return quote(str(value), safe="")


class _Done:
    def __init__(self, value):
        self.value = value


def _resume(step, result, error):
    """The generator's next call after `result` (or `error`), or _Done with its return value."""
    try:
        return step.throw(error) if error is not None else step.send(result)
    except StopIteration as done:
        return _Done(done.value)


def run_sync(step, send):
    """Carries out a Call, or a generator of Calls, with the blocking `send`. A call's error is
    thrown into the generator, which may handle it."""
    if not isinstance(step, types.GeneratorType):
        return send(step)
    call = _resume(step, None, None)
    while not isinstance(call, _Done):
        try:
            result, error = send(call), None
        except Exception as e:  # noqa: BLE001 - handed to the generator
            result, error = None, e
        call = _resume(step, result, error)
    return call.value


async def run_async(step, send):
    """The same with the coroutine `send`."""
    if not isinstance(step, types.GeneratorType):
        return await send(step)
    call = _resume(step, None, None)
    while not isinstance(call, _Done):
        try:
            result, error = await send(call), None
        except Exception as e:  # noqa: BLE001 - handed to the generator
            result, error = None, e
        call = _resume(step, result, error)
    return call.value
