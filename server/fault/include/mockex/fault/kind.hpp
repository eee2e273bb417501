#pragma once
// The closed set of fault kinds (DESIGN.md, "Fault kinds"). The names are the one spelling shared
// by scenario YAML, the admin API and the SDKs.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mockex::fault {

enum class Kind : std::uint8_t {
  latency,
  http_error,
  hang,
  reset,
  close_after_headers,
  truncate,
  malformed,
  slow_body,
  ws_refuse,
  ws_disconnect,
  ws_no_pong,
  ws_drop,
  ws_delay,
  ws_duplicate,
  ws_reorder,
  ws_corrupt,
  depth_gap,
  stale,
  lag,
  clock_skew,
  order_reject,
  fill_delay,
  partial_fill,
  ack_lost,
  cancel_unknown,
  duplicate_report,
};

inline constexpr std::size_t kKindCount = 26;

// Every kind, in declaration order.
const std::array<Kind, kKindCount>& all_kinds();

// The wire name ("latency", "http_error", ...).
std::string_view to_string(Kind kind);
// The kind with this exact (case-sensitive) wire name; nullopt otherwise.
std::optional<Kind> parse_kind(std::string_view name);

}  // namespace mockex::fault
