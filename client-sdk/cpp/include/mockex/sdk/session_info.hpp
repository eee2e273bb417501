#pragma once
// What a session is: how to make one, and what the daemon says about one.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mockex::sdk {

// POST /sessions. Give `scenario` (a file name in the daemon's scenario directories, with or
// without .yaml) or `scenario_yaml` (the scenario's text); the rest override the scenario.
struct SessionSpec {
  std::string scenario{};
  std::string scenario_yaml{};
  std::optional<std::uint64_t> seed{};
  std::string clock{};                     // "realtime", "accelerated", "stepped"; empty: as written
  std::optional<double> speed{};           // scenario seconds per wall second (accelerated)
  std::optional<std::int64_t> start_ms{};  // scenario start, epoch milliseconds
};

// The session's identity and where its exchange answers.
struct SessionInfo {
  std::string id{};
  bool is_default = false;
  std::string scenario{};
  std::uint64_t seed = 0;
  std::string clock{};  // the clock mode
  std::int64_t start_ms = 0;
  std::int64_t created_ms = 0;  // wall clock
  std::string rest_url{};         // base URL for REST: http://host:port/s/{id}
  std::string ws_url{};           // market streams: ws://host:port/s/{id}/ws
  std::string ws_api_url{};       // WebSocket API: ws://host:port/s/{id}/ws-api/v3
};

// The scenario clock. Times are epoch milliseconds of scenario time.
struct ClockState {
  std::int64_t now_ms = 0;
  std::string mode{};
  bool paused = false;
  double speed = 1.0;
  std::uint64_t ran = 0;  // advance only: scheduled callbacks it ran
};

struct JournalStats {
  std::uint64_t entries = 0;
  std::uint64_t last_seq = 0;
  std::uint64_t dropped = 0;
};

// GET /sessions/{id} and POST .../reset: the info plus live state.
struct SessionDetail {
  SessionInfo info{};
  ClockState clock{};
  bool finished = false;  // the scenario's clock.duration has passed
  std::vector<std::string> open_fault_windows{};
  JournalStats journal{};
};

}  // namespace mockex::sdk
