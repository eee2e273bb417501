#pragma once
// One journal entry and its kinds. An entry is what the session saw happen at one moment: a
// sequence number, the scenario time and the wall time of the moment, a kind, and the kind's fields
// as a JSON object. Pure value types: no I/O.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mockex/core/timestamp.hpp"

namespace mockex::journal {

// What an entry records. The names (kind_name) are the wire names used in JSON, JSON Lines and
// admin API filters.
enum class EntryKind : std::uint8_t {
  http_request,   // a request arrived
  http_response,  // a request was answered (or was not: status 0), with its latency
  ws_open,        // a WebSocket connection was accepted
  ws_close,       // a WebSocket connection ended
  ws_in,          // a message from the client
  ws_out,         // a message to the client
  fault,          // a fault was applied
  order,          // an order lifecycle event: placed, rejected, canceled, ...
  fill,           // an execution
  market,         // a market event: shock, halt, book set, balance change, ...
  clock,          // the session clock was paused, resumed, advanced or re-speeded
  session,        // the session was created, reset or ended
  error,          // something went wrong inside the session
};

inline constexpr std::size_t kEntryKindCount = 13;

inline constexpr std::array<std::string_view, kEntryKindCount> kEntryKindNames = {
    "http_request", "http_response", "ws_open", "ws_close", "ws_in",   "ws_out", "fault",
    "order",        "fill",          "market",  "clock",    "session", "error"};

constexpr std::string_view kind_name(EntryKind kind) {
  return kEntryKindNames[static_cast<std::size_t>(kind)];
}

// The kind with this wire name, if any (exact, case-sensitive).
std::optional<EntryKind> parse_kind(std::string_view name);

// The moment an entry is recorded at: scenario time (µs, from the session's clock) and wall time
// (ms since the Unix epoch, read by the caller; the journal never reads a clock).
struct Stamp {
  core::Timestamp t;
  std::int64_t wall_ms = 0;
};

struct Entry {
  std::uint64_t seq = 0;  // 1, 2, 3, ... per journal, gap-free, never reused
  core::Timestamp t;      // scenario time
  std::int64_t wall_ms = 0;
  EntryKind kind = EntryKind::session;
  // The kind's fields (see records.hpp) as the JSON text of one object, keys sorted: kept as
  // text, so recording builds no tree and the JSON Lines sink and text queries use it as it is.
  std::string data_text = "{}";

  // data_text parsed (an empty object should it ever not parse).
  nlohmann::json data() const;
};

// The entry as a JSON object {seq, t, wall, kind, data}; t and wall in milliseconds. nlohmann::json
// sorts keys; to_jsonl_line (jsonl.hpp) keeps the documented order.
nlohmann::json to_json(const Entry& entry);

// data.dump() that never throws: invalid UTF-8 (a corrupted client message) becomes U+FFFD.
std::string dump_data(const nlohmann::json& data);

}  // namespace mockex::journal
