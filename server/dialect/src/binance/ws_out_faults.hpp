#pragma once
// The faults of one outgoing WebSocket message to one connection (stage ws_out): drop, delay
// and lag (a timer on the session's strand; the payload keeps its original event time),
// duplicate, reorder (held back until the connection's next message), corrupt, truncate,
// malformed, depth gaps (this and the next skip-1 depth updates of the stream are not sent, so
// the client sees U != previous u + 1), disconnect (a close code, or an abrupt TCP close) and
// no-pong (the server stops reading the connection). On the session's strand.

#include <mockex/core/http.hpp>
#include <mockex/fault/effect.hpp>
#include <mockex/fault/point.hpp>
#include <mockex/session/session.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace mockex::dialect::binance {

// What the message faults remember of one connection.
struct WsOutState {
  std::shared_ptr<const std::string> held;  // ws_reorder: goes out after the next message
  std::map<std::string, std::uint32_t, std::less<>> gap_left;  // depth_gap: updates to skip
  // lag: the messages waiting, in order, each with when it is due (one timer drains them,
  // so they go out in order whatever thread a timer completes on).
  struct Lagged;
  std::shared_ptr<Lagged> lagged;
};

using SharedText = std::shared_ptr<const std::string>;

// Sends `frame` to `connection` (the dialect's connection id `connection_id`) with the faults
// that fire at `point` applied; the journal names the message "ws <id> <stream>".
void send_with_faults(session::Session& session,
                      const std::shared_ptr<core::WsConnection>& connection, WsOutState& state,
                      const fault::Point& point, SharedText frame, std::uint64_t connection_id);

// Sends `frame` to `connection` once `delay` has passed (a timer on the session's strand).
void send_later(session::Session& session, std::shared_ptr<core::WsConnection> connection,
                SharedText frame, std::chrono::microseconds delay, int copies = 1);

// Ends a connection as a ws_disconnect fault says: a close frame with its code, or none.
void end_connection(core::WsConnection& connection, const fault::WsDisconnect& how);

// The message point of a stream event: protocol "ws", the stream name and event type.
fault::Point ws_out_point(std::string_view stream, std::string_view event, std::string_view symbol);

}  // namespace mockex::dialect::binance
