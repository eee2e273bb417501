// FaultRule's chainable setters and the builders of the common kinds.

#include <mockex/sdk/fault_rule.hpp>

namespace mockex::sdk {

FaultRule& FaultRule::named(std::string rule_name) {
  name = std::move(rule_name);
  return *this;
}

FaultRule& FaultRule::lasting(Duration window) {
  duration = std::move(window);
  return *this;
}

FaultRule& FaultRule::with_probability(double p) {
  probability = p;
  return *this;
}

FaultRule& FaultRule::only_first(std::uint64_t n) {
  first = n;
  return *this;
}

FaultRule& FaultRule::every_nth(std::uint64_t n) {
  every = n;
  return *this;
}

FaultRule& FaultRule::skip_first(std::uint64_t n) {
  after = n;
  return *this;
}

FaultRule& FaultRule::with_param(const std::string& key, nlohmann::json value) {
  params[key] = std::move(value);
  return *this;
}

FaultRule& FaultRule::on_symbol(std::string symbol) {
  match.symbol = std::move(symbol);
  return *this;
}

FaultRule& FaultRule::on_api_key(std::string api_key) {
  match.api_key = std::move(api_key);
  return *this;
}

FaultRule& FaultRule::when(FaultTrigger start) {
  trigger = std::move(start);
  return *this;
}

namespace faults {
namespace {

FaultRule on_http(std::string kind, std::string http, nlohmann::json params = nlohmann::json::object()) {
  auto out = rule(std::move(kind), std::move(params));
  out.match.http = std::move(http);
  return out;
}

FaultRule on_stream(std::string kind, std::string stream,
                    nlohmann::json params = nlohmann::json::object()) {
  auto out = rule(std::move(kind), std::move(params));
  out.match.stream = std::move(stream);
  return out;
}

}  // namespace

FaultRule rule(std::string kind, nlohmann::json params) {
  FaultRule out;
  out.kind = std::move(kind);
  out.params = std::move(params);
  return out;
}

FaultRule latency(std::string http, std::chrono::milliseconds ms, std::chrono::milliseconds jitter) {
  nlohmann::json params = {{"ms", ms.count()}};
  if (jitter.count() > 0) params["jitter_ms"] = jitter.count();
  return on_http("latency", std::move(http), std::move(params));
}

FaultRule http_error(int status, std::string http) {
  return on_http("http_error", std::move(http), {{"status", status}});
}

FaultRule hang(std::string http) { return on_http("hang", std::move(http)); }

FaultRule reset(std::string http) { return on_http("reset", std::move(http)); }

FaultRule ws_drop(std::string stream, double probability) {
  auto out = on_stream("ws_drop", std::move(stream));
  if (probability < 1.0) out.probability = probability;
  return out;
}

FaultRule ws_delay(std::string stream, std::chrono::milliseconds ms) {
  return on_stream("ws_delay", std::move(stream), {{"ms", ms.count()}});
}

FaultRule ws_disconnect(std::string stream, int code, bool abrupt) {
  nlohmann::json params = {{"code", code}};
  if (abrupt) params["abrupt"] = true;
  return on_stream("ws_disconnect", std::move(stream), std::move(params));
}

FaultRule depth_gap(std::string stream, int skip) {
  return on_stream("depth_gap", std::move(stream), {{"skip", skip}});
}

FaultRule stale(std::string symbol) { return rule("stale").on_symbol(std::move(symbol)); }

FaultRule clock_skew(std::chrono::milliseconds offset) {
  return rule("clock_skew", {{"ms", offset.count()}});
}

FaultRule order_reject(int code) { return rule("order_reject", {{"code", code}}); }

FaultRule ack_lost(std::string client_order_id, std::string mode) {
  auto out = rule("ack_lost", {{"mode", std::move(mode)}});
  out.match.client_order_id = std::move(client_order_id);
  return out;
}

}  // namespace faults
}  // namespace mockex::sdk
