#pragma once
// A session's report: what the journal says happened, summed up.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace mockex::sdk {

// GET /sessions/{id}/report: the figures tests assert on most, typed; everything in `raw`.
struct Report {
  std::string session_id{};
  std::string scenario{};
  std::uint64_t seed = 0;
  std::int64_t duration_ms = 0;  // scenario time covered
  std::uint64_t journal_entries = 0;
  std::uint64_t faults_total = 0;
  std::map<std::string, std::uint64_t> faults_by_kind{};  // "latency" -> 3
  std::map<std::string, std::uint64_t> faults_by_name{};
  std::uint64_t http_requests = 0;
  std::uint64_t rate_limit_hits = 0;
  std::uint64_t orders_placed = 0;
  std::uint64_t orders_rejected = 0;
  std::uint64_t orders_canceled = 0;
  std::uint64_t orders_filled = 0;
  std::uint64_t fills = 0;
  std::uint64_t ws_connects = 0;
  std::uint64_t ws_reconnects = 0;
  std::uint64_t depth_resyncs = 0;
  nlohmann::json raw{};  // the whole report: per-endpoint statuses, latency, balances, ...
};

}  // namespace mockex::sdk
