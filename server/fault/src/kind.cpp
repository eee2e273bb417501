#include "mockex/fault/kind.hpp"

namespace mockex::fault {

namespace {

// Indexed by Kind.
constexpr std::array<std::string_view, kKindCount> kNames = {
    "latency",      "http_error",   "hang",         "reset",          "close_after_headers",
    "truncate",     "malformed",    "slow_body",    "ws_refuse",      "ws_disconnect",
    "ws_no_pong",   "ws_drop",      "ws_delay",     "ws_duplicate",   "ws_reorder",
    "ws_corrupt",   "depth_gap",    "stale",        "lag",            "clock_skew",
    "order_reject", "fill_delay",   "partial_fill", "ack_lost",       "cancel_unknown",
    "duplicate_report"};

constexpr std::array<Kind, kKindCount> make_all() {
  std::array<Kind, kKindCount> kinds{};
  for (std::size_t i = 0; i < kKindCount; ++i) kinds[i] = static_cast<Kind>(i);
  return kinds;
}

constexpr std::array<Kind, kKindCount> kAll = make_all();

static_assert(static_cast<std::size_t>(Kind::duplicate_report) + 1 == kKindCount);

}  // namespace

const std::array<Kind, kKindCount>& all_kinds() { return kAll; }

std::string_view to_string(Kind kind) { return kNames[static_cast<std::size_t>(kind)]; }

std::optional<Kind> parse_kind(std::string_view name) {
  for (std::size_t i = 0; i < kKindCount; ++i) {
    if (kNames[i] == name) return static_cast<Kind>(i);
  }
  return std::nullopt;
}

}  // namespace mockex::fault
