#pragma once
// A session's journal: what happened, in order, for tests to assert on.

#include <mockex/sdk/duration.hpp>
#include <mockex/sdk/session_ref.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mockex::sdk {

// GET /sessions/{id}/journal. Every field left empty is no filter.
struct JournalQuery {
  // "http_request", "http_response", "ws_open", "ws_close", "ws_in", "ws_out", "fault", "order",
  // "fill", "market", "clock", "session", "error"
  std::vector<std::string> kinds{};
  std::optional<std::uint64_t> after{};  // seq > after: the paging and tailing cursor
  std::optional<std::uint64_t> until{};  // seq <= until
  std::optional<std::int64_t> from_ms{};  // scenario time, inclusive
  std::optional<std::int64_t> to_ms{};    // scenario time, exclusive
  std::string text{};                     // a case-sensitive substring of the entry's data
  std::optional<int> limit{};             // 1..10000 (the daemon's default: 100)
  std::optional<Duration> wait{};         // long poll (up to 30s) while nothing matches yet
};

struct JournalEntry {
  std::uint64_t seq = 0;
  std::int64_t t_ms = 0;     // scenario time
  std::int64_t wall_ms = 0;  // wall clock
  std::string kind{};
  nlohmann::json data{};  // kind-specific, e.g. a fault's {"name", "fault_kind", "effect", "target"}
};

struct JournalPage {
  std::vector<JournalEntry> entries{};
  std::uint64_t next_after = 0;  // pass back as `after` for the next page
  bool more = false;             // more entries match beyond this page
  std::uint64_t missed = 0;      // entries `after` asked for that the ring already evicted
  std::uint64_t first_seq = 0;
  std::uint64_t last_seq = 0;
  std::uint64_t dropped = 0;  // evicted so far
};

// session.journal()
class JournalApi {
 public:
  explicit JournalApi(detail::SessionPtr session) : session_(std::move(session)) {}

  JournalPage query(const JournalQuery& query = {}) const;
  // Every entry the journal holds, oldest first (GET .../journal.jsonl).
  std::string export_jsonl() const;
  std::vector<JournalEntry> export_entries() const;

 private:
  detail::SessionPtr session_;
};

}  // namespace mockex::sdk
