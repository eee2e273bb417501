#pragma once
// A fault rule in the one shape the scenario timeline, the admin API and the SDKs share
// (docs/faults.md), and readable builders for the common kinds:
//
//   session.faults().add(faults::latency("POST /api/v3/order", 800ms).lasting("10s"));
//   session.faults().add(faults::ws_drop("*@depth*", 0.2).named("lossy-depth"));

#include <mockex/sdk/duration.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace mockex::sdk {

// Which traffic a rule applies to; every non-empty field must match. Globs: `*` any run of
// characters (including `/`), `?` one character.
struct FaultMatch {
  std::string protocol{};         // "http", "ws" or "ws-api"
  std::string http{};             // "METHOD path-glob": "POST /api/v3/order", "* /api/v3/*"
  std::string stream{};           // stream-name glob, or a user-data event type
  std::string event{};            // "trade", "executionReport.TRADE", ...
  std::string ws_api{};           // WebSocket API method glob: "order.*"
  std::string symbol{};           // exact
  std::string api_key{};          // exact
  std::string client_order_id{};  // glob
  friend bool operator==(const FaultMatch&, const FaultMatch&) = default;
};

// Start on a trading event instead of at once.
struct FaultTrigger {
  std::string on{};  // "order_ack", "order" or "fill"
  FaultMatch match{};
  std::uint64_t count = 1;       // the Nth matching event starts the rule
  std::optional<Duration> delay{};  // after the event
  std::string scope{};              // "account" (the daemon's default) or "all"
  friend bool operator==(const FaultTrigger&, const FaultTrigger&) = default;
};

struct FaultRule {
  std::string name{};  // empty: the daemon names it "<kind>-<n>"
  std::string kind{};  // "latency", "http_error", "ws_drop", ... (docs/faults.md)
  nlohmann::json params = nlohmann::json::object();  // the kind's parameters
  FaultMatch match{};
  std::optional<double> probability{};  // 0..1, rolled per matching event (default 1)
  std::optional<Duration> duration{};   // the rule's `for`: its window length (default: forever)
  std::uint64_t first = 0;            // fire at most N times (0: no limit)
  std::uint64_t every = 0;            // fire on every Nth matching event only (0: each)
  std::uint64_t after = 0;            // let the first N matching events pass
  std::optional<FaultTrigger> trigger{};

  // Chainable setters for the builders below; each returns the rule itself.
  FaultRule& named(std::string rule_name);
  FaultRule& lasting(Duration window);
  FaultRule& with_probability(double p);
  FaultRule& only_first(std::uint64_t n);
  FaultRule& every_nth(std::uint64_t n);
  FaultRule& skip_first(std::uint64_t n);
  FaultRule& with_param(const std::string& key, nlohmann::json value);
  FaultRule& on_symbol(std::string symbol);
  FaultRule& on_api_key(std::string api_key);
  FaultRule& when(FaultTrigger start);

  // The rule as the admin API takes it; from_json reads a rule (or a status) back.
  nlohmann::json to_json() const;
  static FaultRule from_json(const nlohmann::json& rule);

  friend bool operator==(const FaultRule&, const FaultRule&) = default;
};

// A rule as the daemon holds it: the rule, its state and counters.
struct FaultStatus {
  FaultRule rule{};
  std::string state{};  // "armed", "active", "paused", "expired"
  std::optional<std::int64_t> window_start_ms{};  // scenario time; empty while unknown
  std::optional<std::int64_t> window_end_ms{};    // empty while open-ended
  std::string account{};  // a triggered account-scoped rule: the account it is confined to
  std::uint64_t matched = 0;  // events counted
  std::uint64_t fired = 0;    // faults applied
  nlohmann::json raw{};
};

// Builders for the common kinds. Each gives a complete rule; chain the setters above for the
// window, counters, probability and name.
namespace faults {

// Any kind, with its params as JSON.
FaultRule rule(std::string kind, nlohmann::json params = nlohmann::json::object());
// HTTP (and WS API) answers `ms` (+ uniform jitter) later, on requests matching `http`.
FaultRule latency(std::string http, std::chrono::milliseconds ms,
                  std::chrono::milliseconds jitter = std::chrono::milliseconds{0});
// An error answer in Binance's format: 429 -> -1003 with Retry-After, 503 -> -1008, ...
FaultRule http_error(int status, std::string http = "* /api/v3/*");
FaultRule hang(std::string http);
FaultRule reset(std::string http);
// WebSocket messages of streams matching `stream` are not sent.
FaultRule ws_drop(std::string stream, double probability = 1.0);
FaultRule ws_delay(std::string stream, std::chrono::milliseconds ms);
// Connections on matching streams are closed with `code` (or cut without a close frame).
FaultRule ws_disconnect(std::string stream, int code = 1001, bool abrupt = false);
FaultRule depth_gap(std::string stream, int skip = 1);
// The symbol's streams freeze and REST serves an old snapshot while the market moves on.
FaultRule stale(std::string symbol);
FaultRule clock_skew(std::chrono::milliseconds offset);
FaultRule order_reject(int code = -2010);
// The order is placed but its answer is lost ("error": 503 -1007, "drop": reset, "hang").
FaultRule ack_lost(std::string client_order_id = "*", std::string mode = "error");

}  // namespace faults
}  // namespace mockex::sdk
