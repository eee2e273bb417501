#include <mockex/sdk/report.hpp>
#include <mockex/sdk/session.hpp>

#include "read_json.hpp"
#include "session_ref_impl.hpp"

namespace mockex::sdk {
namespace {

// The report's nested objects, read by path ("orders", "placed").
template <class T>
void read_in(const nlohmann::json& report, const char* section, const char* key, T& out) {
  if (auto it = report.find(section); it != report.end()) detail::read_optional(*it, key, out);
}

Report read_report(const nlohmann::json& answer) {
  Report report;
  read_in(answer, "session", "id", report.session_id);
  read_in(answer, "session", "scenario", report.scenario);
  read_in(answer, "session", "seed", report.seed);
  read_in(answer, "session", "duration_ms", report.duration_ms);
  read_in(answer, "journal", "entries", report.journal_entries);
  read_in(answer, "faults", "total", report.faults_total);
  read_in(answer, "faults", "by_kind", report.faults_by_kind);
  if (auto it = answer.find("faults"); it != answer.end() && it->contains("by_name")) {
    for (const auto& [name, fault] : it->at("by_name").items()) {
      report.faults_by_name[name] = fault.at("count").get<std::uint64_t>();
    }
  }
  read_in(answer, "http", "requests", report.http_requests);
  read_in(answer, "http", "rate_limit_hits", report.rate_limit_hits);
  read_in(answer, "orders", "placed", report.orders_placed);
  read_in(answer, "orders", "rejected", report.orders_rejected);
  read_in(answer, "orders", "canceled", report.orders_canceled);
  read_in(answer, "orders", "filled", report.orders_filled);
  read_in(answer, "orders", "fills", report.fills);
  if (auto client = answer.find("client"); client != answer.end()) {
    read_in(*client, "ws", "connects", report.ws_connects);
    read_in(*client, "ws", "reconnects", report.ws_reconnects);
    read_in(*client, "depth", "resyncs", report.depth_resyncs);
  }
  report.raw = answer;
  return report;
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
