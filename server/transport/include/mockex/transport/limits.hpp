#pragma once

#include <chrono>
#include <cstddef>

namespace mockex::transport {

// Limits on what one client may make the daemon hold; each breach is answered with a status
// (431, 413, 408, 503, or a WebSocket close code), or for a slow WebSocket reader by dropping
// the connection, and counted in mockex_limit_rejections_total.
// max_active_fault_delays is the exception: it guards the daemon rather than turning anyone away.
struct Limits {
  std::size_t max_header_bytes = 16 * 1024;        // request line + headers; beyond: 431
  std::size_t max_body_bytes = 1024 * 1024;        // request body; beyond: 413
  std::chrono::milliseconds idle_timeout{30'000};  // no complete request in this time: 408 / close
  std::size_t max_connections = 1024;              // open TCP connections; beyond: 503 and close
  std::size_t max_pipelined = 16;                  // unanswered requests per connection; reads pause
  std::size_t max_ws_message_bytes = 1024 * 1024;  // one WebSocket message; beyond: close 1009
  // What a WebSocket client that does not read may make the daemon hold: outgoing messages
  // queued for it and not yet written, counted and in payload bytes. Past either bound the client
  // is slow: it is dropped (TCP closed at once, no close frame: it would never be read) and
  // counted as ws_slow_client. One message alone never trips the byte bound, so a snapshot larger
  // than it still reaches a client that keeps up. The write-behind buffer under the queue takes
  // frames while it holds less than min(256 KiB, max_ws_send_queue_bytes), besides the round the
  // socket is writing.
  std::size_t max_ws_send_queue = 4096;
  std::size_t max_ws_send_queue_bytes = 4 * 1024 * 1024;
  // A WebSocket silent this long gets a ping; silent twice as long (no pong), it is closed.
  std::chrono::milliseconds ws_ping_interval{20'000};
  // Injected response delays (WireEffect::delay) waiting at once, across every connection of a
  // server; a delay beyond this is skipped (the response goes out at once) and counted in
  // mockex_fault_delay_overflow_total, so a fault cannot park unbounded work (Envoy's
  // max_active_faults).
  std::size_t max_active_fault_delays = 10'000;
};

}  // namespace mockex::transport
