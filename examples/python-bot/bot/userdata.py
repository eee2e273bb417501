"""User data over the WebSocket API (spec §11): `userDataStream.subscribe.signature`, then
`{"subscriptionId": n, "event": {...}}` pushes. Reconnects and resubscribes when the socket ends,
then catches up over REST, because events sent while it was away are gone for good."""

import itertools
import json
import logging

import aiohttp

from .reconnect import Unusable, keep_connected
from .signing import signed_ws_params

log = logging.getLogger("bot.userdata")


class UserDataStream:
    def __init__(self, http, config, rest, portfolio, stats, on_resubscribed):
        self.http, self.config, self.rest = http, config, rest
        self.portfolio, self.stats = portfolio, stats
        self.on_resubscribed = on_resubscribed    # coroutine: REST catch-up after a gap
        self.subscribed = False
        self._ids = itertools.count(1)

    async def run(self):
        await keep_connected("user data", self._connection, self.config.reconnect_delay,
                             self._down)

    async def _connection(self):
        async with self.http.ws_connect(self.config.ws_api_url, heartbeat=10,
                                        timeout=self.config.request_timeout) as ws:
            await self._subscribe(ws)
            return await self._read(ws)

    def _down(self):
        self.subscribed = False
        self.portfolio.changes.notify()

    async def _subscribe(self, ws):
        request_id = str(next(self._ids))
        params = signed_ws_params({"apiKey": self.config.api_key,
                                   "timestamp": self.rest.timestamp(),
                                   "recvWindow": self.config.recv_window}, self.config.api_secret)
        await ws.send_json({"id": request_id, "method": "userDataStream.subscribe.signature",
                            "params": params})
        while True:     # events of an earlier subscription cannot arrive here: a new socket
            reply = json.loads(await ws.receive_str(timeout=self.config.request_timeout))
            if reply.get("id") == request_id:
                break
        if reply.get("status") != 200:
            raise Unusable(f"subscription refused: {reply.get('error')}")
        self.stats.user_data_subscriptions += 1
        first = self.stats.user_data_subscriptions == 1
        log.info("user data subscribed (subscription %s)", reply["result"]["subscriptionId"])
        if not first:
            await self.on_resubscribed()
        self.subscribed = True
        self.portfolio.changes.notify()

    async def _read(self, ws) -> str:
        """Apply events until the socket or the subscription ends; returns which."""
        async for message in ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                break
            if not self.on_event(json.loads(message.data).get("event") or {}):
                return "subscription terminated by the server"
        return f"socket closed ({ws.close_code})"

    def on_event(self, event: dict) -> bool:
        """Apply one user data event; False when the subscription has ended."""
        kind = event.get("e")
        if kind == "executionReport":
            self.portfolio.on_execution_report(event)
        elif kind == "outboundAccountPosition":
            self.portfolio.on_account_position(event)
        return kind != "eventStreamTerminated"
