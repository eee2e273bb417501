#include <mockex/transport/metrics.hpp>

#include <atomic>
#include <string>
#include <unordered_map>

namespace mockex::transport {
namespace {

std::uint64_t next_instance() {
  static std::atomic<std::uint64_t> instances{0};
  return ++instances;
}

const prometheus::Histogram::BucketBoundaries& latency_buckets() {
  // Seconds; dense below 10 ms where mockexd's own work lives, sparse above for injected delays.
  static const prometheus::Histogram::BucketBoundaries buckets{
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return buckets;
}

std::string_view limit_name(LimitKind kind) {
  switch (kind) {
    case LimitKind::header_size: return "header_size";
    case LimitKind::body_size: return "body_size";
    case LimitKind::idle_timeout: return "idle_timeout";
    case LimitKind::connections: return "connections";
    case LimitKind::malformed: return "malformed";
    case LimitKind::ws_message_size: return "ws_message_size";
    case LimitKind::ws_slow_client: return "ws_slow_client";
  }
  return "unknown";
}

}  // namespace

TransportMetrics::TransportMetrics(prometheus::Registry& registry)
    : requests_(prometheus::BuildCounter()
                    .Name("mockex_http_requests_total")
                    .Help("HTTP requests answered, by route pattern, method and status")
                    .Register(registry)),
      latency_(prometheus::BuildHistogram()
                   .Name("mockex_http_request_duration_seconds")
                   .Help("Time from a request's last byte read to its response queued for writing")
                   .Register(registry)),
      limits_(prometheus::BuildCounter()
                  .Name("mockex_limit_rejections_total")
                  .Help("Clients turned away by a limit, by limit")
                  .Register(registry)),
      open_connections_(prometheus::BuildGauge()
                            .Name("mockex_open_connections")
                            .Help("Open TCP connections (HTTP and WebSocket)")
                            .Register(registry)
                            .Add({})),
      open_websockets_(prometheus::BuildGauge()
                           .Name("mockex_open_websockets")
                           .Help("Open WebSocket connections")
                           .Register(registry)
                           .Add({})),
      accepted_(prometheus::BuildCounter()
                    .Name("mockex_connections_accepted_total")
                    .Help("TCP connections accepted")
                    .Register(registry)
                    .Add({})),
      ws_accepted_(prometheus::BuildCounter()
                       .Name("mockex_websockets_accepted_total")
                       .Help("WebSocket upgrades accepted")
                       .Register(registry)
                       .Add({})),
      bytes_in_(prometheus::BuildCounter()
                    .Name("mockex_bytes_received_total")
                    .Help("Bytes received from clients (HTTP and WebSocket payloads)")
                    .Register(registry)
                    .Add({})),
      bytes_out_(prometheus::BuildCounter()
                     .Name("mockex_bytes_sent_total")
                     .Help("Bytes sent to clients (HTTP and WebSocket payloads)")
                     .Register(registry)
                     .Add({})),
      ws_in_(prometheus::BuildCounter()
                 .Name("mockex_ws_messages_received_total")
                 .Help("WebSocket messages received")
                 .Register(registry)
                 .Add({})),
      ws_out_(prometheus::BuildCounter()
                  .Name("mockex_ws_messages_sent_total")
                  .Help("WebSocket messages sent")
                  .Register(registry)
                  .Add({})),
      fault_delays_active_(prometheus::BuildGauge()
                               .Name("mockex_fault_delays_active")
                               .Help("Responses waiting out an injected delay")
                               .Register(registry)
                               .Add({})),
      fault_delay_overflow_(prometheus::BuildCounter()
                                .Name("mockex_fault_delay_overflow_total")
                                .Help("Injected delays skipped because max_active_fault_delays "
                                      "were already waiting (the response went out at once)")
                                .Register(registry)
                                .Add({})),
      instance_(next_instance()) {}

void TransportMetrics::request_done(std::string_view route, std::string_view method, int status,
                                    double seconds) {
  // Finding a labelled series locks its family and builds a label map: do it once per thread and
  // series, then only count (counters and histograms are thread-safe).
  struct Series {
    prometheus::Counter* requests;
    prometheus::Histogram* latency;
  };
  thread_local std::unordered_map<std::string, Series> cache;
  thread_local std::string key;  // reused: its text is rebuilt for every request
  key.clear();
  key += std::to_string(instance_);
  key.append(1, '\x1f').append(route).append(1, '\x1f').append(method).append(1, '\x1f');
  key += std::to_string(status);
  auto found = cache.find(key);
  if (found == cache.end()) {
    Series series{&requests_.Add({{"route", std::string(route)}, {"method", std::string(method)},
                                  {"status", std::to_string(status)}}),
                  &latency_.Add({{"route", std::string(route)}}, latency_buckets())};
    found = cache.emplace(key, series).first;
  }
  found->second.requests->Increment();
  found->second.latency->Observe(seconds);
}

void TransportMetrics::limit_hit(LimitKind kind) {
  limits_.Add({{"limit", std::string(limit_name(kind))}}).Increment();
}

}  // namespace mockex::transport
