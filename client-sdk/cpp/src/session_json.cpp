// Session, clock and detail answers into their structs.

#include "read_json.hpp"

namespace mockex::sdk::detail {

SessionInfo read_session_info(const nlohmann::json& answer) {
  SessionInfo info;
  read(answer, "id", info.id);
  read_optional(answer, "default", info.is_default);
  read_optional(answer, "scenario", info.scenario);
  read_optional(answer, "seed", info.seed);
  read_optional(answer, "clock", info.clock);
  read_optional(answer, "start", info.start_ms);
  read_optional(answer, "created", info.created_ms);
  read(answer, "rest_url", info.rest_url);
  read(answer, "ws_url", info.ws_url);
  read(answer, "ws_api_url", info.ws_api_url);
  return info;
}

ClockState read_clock(const nlohmann::json& answer) {
  ClockState clock;
  read(answer, "now", clock.now_ms);
  read(answer, "mode", clock.mode);
  read(answer, "paused", clock.paused);
  read(answer, "speed", clock.speed);
  read_optional(answer, "ran", clock.ran);
  return clock;
}

SessionDetail read_session_detail(const nlohmann::json& answer) {
  SessionDetail detail;
  detail.info = read_session_info(answer);
  detail.clock = read_clock(answer.at("clock_state"));
  read_optional(answer, "finished", detail.finished);
  read_optional(answer, "open_fault_windows", detail.open_fault_windows);
  if (auto it = answer.find("journal"); it != answer.end()) {
    read_optional(*it, "entries", detail.journal.entries);
    read_optional(*it, "last_seq", detail.journal.last_seq);
    read_optional(*it, "dropped", detail.journal.dropped);
  }
  return detail;
}

}  // namespace mockex::sdk::detail
