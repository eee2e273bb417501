#include "mockex/scenario/fault_kinds.hpp"

#include <array>

namespace mockex::scenario {

namespace {

constexpr std::array<std::string_view, 26> kKinds = {
    "latency",     "http_error",   "hang",         "reset",       "close_after_headers",
    "truncate",    "malformed",    "slow_body",    "ws_refuse",   "ws_disconnect",
    "ws_no_pong",  "ws_drop",      "ws_delay",     "ws_duplicate", "ws_reorder",
    "ws_corrupt",  "depth_gap",    "stale",        "lag",         "clock_skew",
    "order_reject", "fill_delay",  "partial_fill", "ack_lost",    "cancel_unknown",
    "duplicate_report"};

}  // namespace

std::span<const std::string_view> fault_kinds() { return kKinds; }

bool is_fault_kind(std::string_view kind) {
  for (auto known : kKinds) {
    if (known == kind) return true;
  }
  return false;
}

}  // namespace mockex::scenario
