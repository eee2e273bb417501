#pragma once
// Binance Spot WebSockets on mockex sessions: market streams (spec §10) at /ws, /ws/<streams>,
// /stream and /stream?streams=, where a live listen key in place of a stream name carries that
// account's user data (spec §7.5), and the WebSocket API (spec §11) at /ws-api/v3; for the
// default session at the root and for every other session under /s/{session}/.

#include <mockex/core/http.hpp>
#include <mockex/session/registry.hpp>

#include <chrono>

namespace mockex::dialect::binance {

struct WebSocketOptions {
  // Every connection is closed this long after it opened (market streams first get a
  // serverShutdown event), as Binance does after 24 h; shorter to test reconnects. 0: never.
  std::chrono::milliseconds max_lifetime{std::chrono::hours(24)};
};

// Registers the WebSocket endpoints through `add`. `registry` must outlive every connection.
void add_websocket_routes(const core::WsRouteAdder& add, session::SessionRegistry& registry,
                          WebSocketOptions options = {});

}  // namespace mockex::dialect::binance
