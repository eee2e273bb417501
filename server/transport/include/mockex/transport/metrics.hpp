#pragma once

#include <cstdint>
// The transport's Prometheus metrics. Thread-safe: any connection strand may record.

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <string_view>

namespace mockex::transport {

// Which limit turned a client away (the `limit` label of mockex_limit_rejections_total).
enum class LimitKind {
  header_size,     // 431
  body_size,       // 413
  idle_timeout,    // 408, or a silent close of an idle keep-alive connection
  connections,     // 503 at accept
  malformed,       // 400: unparsable HTTP
  ws_message_size, // WebSocket close 1009
  ws_slow_client,  // WebSocket send queue full: client dropped
};

class TransportMetrics {
 public:
  explicit TransportMetrics(prometheus::Registry& registry);

  // One answered HTTP request: `route` is the matched pattern (or "unmatched"), so label
  // cardinality stays bounded whatever paths clients send.
  void request_done(std::string_view route, std::string_view method, int status,
                    double seconds);
  void limit_hit(LimitKind kind);

  void connection_opened() { open_connections_.Increment(); accepted_.Increment(); }
  void connection_closed() { open_connections_.Decrement(); }
  void websocket_opened() { open_websockets_.Increment(); ws_accepted_.Increment(); }
  void websocket_closed() { open_websockets_.Decrement(); }
  void bytes_received(std::size_t n) { bytes_in_.Increment(static_cast<double>(n)); }
  void bytes_sent(std::size_t n) { bytes_out_.Increment(static_cast<double>(n)); }
  void ws_messages_received(std::size_t n) { ws_in_.Increment(static_cast<double>(n)); }
  void ws_messages_sent(std::size_t n) { ws_out_.Increment(static_cast<double>(n)); }
  // Injected response delays (core::WireEffect::delay): one began or ended waiting, or one was
  // skipped because Limits::max_active_fault_delays were already waiting.
  void fault_delay_started() { fault_delays_active_.Increment(); }
  void fault_delay_ended() { fault_delays_active_.Decrement(); }
  void fault_delay_overflowed() { fault_delay_overflow_.Increment(); }

 private:
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Family<prometheus::Counter>& limits_;
  prometheus::Gauge& open_connections_;
  prometheus::Gauge& open_websockets_;
  prometheus::Counter& accepted_;
  prometheus::Counter& ws_accepted_;
  prometheus::Counter& bytes_in_;
  prometheus::Counter& bytes_out_;
  prometheus::Counter& ws_in_;
  prometheus::Counter& ws_out_;
  prometheus::Gauge& fault_delays_active_;
  prometheus::Counter& fault_delay_overflow_;
  std::uint64_t instance_;  // keys this instance's entries in the per-thread series cache
};

}  // namespace mockex::transport
