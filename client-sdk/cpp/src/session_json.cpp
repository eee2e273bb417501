// Session, clock and detail answers into their structs.

#include "read_json.hpp"

namespace mockex::sdk::detail {

SessionInfo read_session_info(const nlohmann::json& answer) {
  SessionInfo i;
  read(answer, "id", i.id);
  read_fields<std::string>(answer, {{"scenario", &i.scenario}, {"clock", &i.clock},
                                    {"rest_url", &i.rest_url}, {"ws_url", &i.ws_url},
                                    {"ws_api_url", &i.ws_api_url}});
  read_fields<std::int64_t>(answer, {{"start", &i.start_ms}, {"created", &i.created_ms}});
  read_optional(answer, "default", i.is_default);
  read_optional(answer, "seed", i.seed);
  return i;
}

ClockState read_clock(const nlohmann::json& answer) {
  ClockState c;
  read(answer, "now", c.now_ms);
  read_fields<std::string>(answer, {{"mode", &c.mode}});
  read_fields<bool>(answer, {{"paused", &c.paused}});
  read_fields<double>(answer, {{"speed", &c.speed}});
  read_fields<std::uint64_t>(answer, {{"ran", &c.ran}});
  return c;
}

SessionDetail read_session_detail(const nlohmann::json& answer) {
  SessionDetail detail;
  detail.info = read_session_info(answer);
  detail.clock = read_clock(answer.at("clock_state"));
  read_optional(answer, "finished", detail.finished);
  read_optional(answer, "open_fault_windows", detail.open_fault_windows);
  auto& stats = detail.journal;
  read_fields<std::uint64_t>(answer.value("journal", nlohmann::json::object()),
                             {{"entries", &stats.entries}, {"last_seq", &stats.last_seq},
                              {"dropped", &stats.dropped}});
  return detail;
}

}  // namespace mockex::sdk::detail
