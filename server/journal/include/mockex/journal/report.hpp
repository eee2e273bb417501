#pragma once
// The session report: what a session's journal says happened, summarised for a person (Markdown)
// and for tools (JSON). Built only from the journal plus the context the session passes in, so
// the same journal and context always give the same report, byte for byte.
//
// Heuristics, all over the entries still held by the journal (dropped() > 0 makes counts low):
// - client: an HTTP or WebSocket peer, keyed by API key when one was sent, else by the host of
//   `remote` (the port changes with every connection). Depth syncs key by host alone, because
//   market streams and snapshots are public and a client may send its key on one and not the
//   other.
// - retries, two separate counts:
//   * same_client_order_id: an order entry (placed or rejected) whose account + client order id
//     appeared on an earlier placed/rejected order entry.
//   * repeated_request: an http_response whose request (client, method, path, and query plus
//     request body with the volatile parameters removed and the rest sorted) equals that of an
//     earlier response from the same client that failed (status 0 or >= 400) no more than
//     retry_window_ms of wall time before. Successful polling is not a retry.
// - ws connects: ws_open entries. A reconnect is a ws_open from a client that has already had a
//   connection closed (ws_close) in this session.
// - depth snapshots: GET http_responses with status 200 whose path ends with one of
//   depth_snapshot_paths. The client's symbol is the query's `symbol` parameter, lowercased.
//   A diff-depth subscription (a stream "<symbol>@depth" or "<symbol>@depth@<speed>", from the
//   ws_open URL or a ws_in subscribe) arms (client, symbol); the first snapshot after arming is the
//   initial sync, each further one is a resync. Closing the connection or unsubscribing disarms.
// - rate-limit hits: http_responses with status 429 or 418.
// - latency: nearest-rank p50 / p90 / p99 and the max of latency_us over http_responses with a
//   status (status 0 — no response — is left out).
// - endpoints: "METHOD /path", with a leading /s/{session-id} removed.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "mockex/core/timestamp.hpp"
#include "mockex/journal/journal.hpp"

namespace mockex::journal {

struct ReportOptions {
  std::int64_t retry_window_ms = 5'000;  // wall time
  std::vector<std::string> volatile_params = {"timestamp", "signature", "recvWindow"};
  std::vector<std::string> depth_snapshot_paths = {"/api/v3/depth"};
};

// One balance line of the final state: decimal strings, exact; change = final total - initial
// total (the PnL in that asset), empty when unknown.
struct BalanceLine {
  std::string account;
  std::string asset;
  std::string free;
  std::string locked;
  std::string change;
};

// What the session knows that the journal does not.
struct ReportContext {
  std::string session_id;
  std::string scenario;
  std::uint64_t seed = 0;
  core::Timestamp started;  // scenario time at session start
  core::Timestamp ended;    // scenario time when the report was made
  std::vector<BalanceLine> balances;
  // Further named counters (e.g. "ws_messages_dropped"), shown as given, in the given order.
  std::vector<std::pair<std::string, std::int64_t>> counters;
};

struct FaultCount {
  std::string kind;
  std::uint64_t count = 0;
};

struct LatencySummary {
  std::uint64_t samples = 0;
  std::int64_t p50_us = 0;
  std::int64_t p90_us = 0;
  std::int64_t p99_us = 0;
  std::int64_t max_us = 0;
};

struct Report {
  ReportContext context;
  std::uint64_t entries = 0;  // held by the journal
  std::uint64_t dropped = 0;  // evicted before the report was made

  std::uint64_t faults_total = 0;
  std::map<std::string, std::uint64_t> faults_by_kind;
  std::map<std::string, FaultCount> faults_by_name;

  std::uint64_t http_requests = 0;  // http_responses (one per request)
  std::map<std::string, std::map<int, std::uint64_t>> http_by_endpoint;  // endpoint -> status -> n
  std::uint64_t rate_limit_hits = 0;

  std::uint64_t orders_placed = 0;
  std::uint64_t orders_rejected = 0;
  std::map<int, std::uint64_t> rejects_by_code;
  std::uint64_t orders_canceled = 0;
  std::uint64_t cancels_rejected = 0;
  std::uint64_t orders_filled = 0;  // fills with order_filled
  std::uint64_t fills = 0;

  std::uint64_t retries_same_client_order_id = 0;
  std::uint64_t retries_repeated_request = 0;

  std::uint64_t ws_connects = 0;
  std::uint64_t ws_reconnects = 0;
  std::uint64_t ws_messages_in = 0;
  std::uint64_t ws_messages_out = 0;

  std::uint64_t depth_snapshots = 0;
  std::uint64_t depth_initial_syncs = 0;
  std::uint64_t depth_resyncs = 0;

  LatencySummary latency;
};

Report build_report(const Journal& journal, const ReportContext& context,
                    const ReportOptions& options = {});

nlohmann::json to_json(const Report& report);
std::string to_markdown(const Report& report);

}  // namespace mockex::journal
