#include <mockex/sdk/report.hpp>
#include <mockex/sdk/session.hpp>

#include "read_json.hpp"
#include "session_ref_impl.hpp"

#include <initializer_list>
#include <utility>

namespace mockex::sdk {
namespace {

using Counters = std::initializer_list<std::pair<const char*, std::uint64_t*>>;

// The counters of one nested object of the report ("orders": {"placed": 3, ...}).
void read_counters(const nlohmann::json& report, const char* section, Counters counters) {
  auto it = report.find(section);
  if (it == report.end()) return;
  detail::read_fields<std::uint64_t>(*it, counters);
}

Report read_report(const nlohmann::json& answer) {
  Report r;
  const auto& session = answer.at("session");
  detail::read_fields<std::string>(session, {{"id", &r.session_id}, {"scenario", &r.scenario}});
  detail::read_fields<std::uint64_t>(session, {{"seed", &r.seed}});
  detail::read_fields<std::int64_t>(session, {{"duration_ms", &r.duration_ms}});
  read_counters(answer, "journal", {{"entries", &r.journal_entries}});
  read_counters(answer, "faults", {{"total", &r.faults_total}});
  if (auto it = answer.find("faults"); it != answer.end()) {
    detail::read_optional(*it, "by_kind", r.faults_by_kind);
    // A named local: a temporary in the range-init would die before the loop body reads it.
    const auto by_name = it->value("by_name", nlohmann::json::object());
    for (const auto& [name, fault] : by_name.items()) {
      r.faults_by_name[name] = fault.at("count").get<std::uint64_t>();
    }
  }
  read_counters(answer, "http", {{"requests", &r.http_requests}, {"rate_limit_hits", &r.rate_limit_hits}});
  read_counters(answer, "orders",
                {{"placed", &r.orders_placed}, {"rejected", &r.orders_rejected},
                 {"canceled", &r.orders_canceled}, {"filled", &r.orders_filled}, {"fills", &r.fills}});
  const auto& client = answer.value("client", nlohmann::json::object());
  read_counters(client, "ws", {{"connects", &r.ws_connects}, {"reconnects", &r.ws_reconnects}});
  read_counters(client, "depth", {{"resyncs", &r.depth_resyncs}});
  r.raw = answer;
  return r;
}

}  // namespace

Report Session::report() const {
  const auto& session = checked();
  return detail::decoded(session->api->get(session->path + "/report"), read_report);
}

std::string Session::report_markdown() const {
  const auto& session = checked();
  return session->api->get_text(session->path + "/report.md");
}

}  // namespace mockex::sdk
