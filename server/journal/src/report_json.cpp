#include <string>

#include "mockex/journal/report.hpp"

namespace mockex::journal {

nlohmann::json to_json(const Report& report) {
  using nlohmann::json;
  const ReportContext& context = report.context;

  json faults_by_name = json::object();
  for (const auto& [name, fault] : report.faults_by_name) {
    faults_by_name[name] = {{"kind", fault.kind}, {"count", fault.count}};
  }
  json by_endpoint = json::object();
  for (const auto& [endpoint, statuses] : report.http_by_endpoint) {
    json counts = json::object();
    for (const auto& [status, count] : statuses) counts[std::to_string(status)] = count;
    by_endpoint[endpoint] = std::move(counts);
  }
  json rejects = json::object();
  for (const auto& [code, count] : report.rejects_by_code) rejects[std::to_string(code)] = count;
  json balances = json::array();
  for (const auto& line : context.balances) {
    balances.push_back({{"account", line.account},
                        {"asset", line.asset},
                        {"free", line.free},
                        {"locked", line.locked},
                        {"change", line.change}});
  }
  json counters = json::object();
  for (const auto& [name, value] : context.counters) counters[name] = value;

  return json{
      {"session",
       {{"id", context.session_id},
        {"scenario", context.scenario},
        {"seed", context.seed},
        {"started_ms", context.started.millis()},
        {"ended_ms", context.ended.millis()},
        {"duration_ms", (context.ended - context.started).count() / 1000}}},
      {"journal", {{"entries", report.entries}, {"dropped", report.dropped}}},
      {"faults",
       {{"total", report.faults_total},
        {"by_kind", report.faults_by_kind},
        {"by_name", std::move(faults_by_name)}}},
      {"http",
       {{"requests", report.http_requests},
        {"rate_limit_hits", report.rate_limit_hits},
        {"by_endpoint", std::move(by_endpoint)}}},
      {"orders",
       {{"placed", report.orders_placed},
        {"rejected", report.orders_rejected},
        {"rejects_by_code", std::move(rejects)},
        {"canceled", report.orders_canceled},
        {"cancel_rejected", report.cancels_rejected},
        {"filled", report.orders_filled},
        {"fills", report.fills}}},
      {"client",
       {{"retries",
         {{"same_client_order_id", report.retries_same_client_order_id},
          {"repeated_request", report.retries_repeated_request}}},
        {"ws",
         {{"connects", report.ws_connects},
          {"reconnects", report.ws_reconnects},
          {"messages_in", report.ws_messages_in},
          {"messages_out", report.ws_messages_out}}},
        {"depth",
         {{"snapshots", report.depth_snapshots},
          {"initial_syncs", report.depth_initial_syncs},
          {"resyncs", report.depth_resyncs}}}}},
      {"latency_us",
       {{"samples", report.latency.samples},
        {"p50", report.latency.p50_us},
        {"p90", report.latency.p90_us},
        {"p99", report.latency.p99_us},
        {"max", report.latency.max_us}}},
      {"balances", std::move(balances)},
      {"counters", std::move(counters)},
  };
}

}  // namespace mockex::journal
