#pragma once
// What every REST handler shares: finding the session a path addresses, running on its strand
// with the clock caught up, charging request weight, and answering in Binance's format.

#include <mockex/dialect/binance/errors.hpp>
#include <mockex/dialect/binance/params.hpp>
#include <mockex/dialect/binance/rate_limits.hpp>
#include <mockex/session/registry.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <variant>

namespace mockex::dialect::binance {

// The dialect's state in one session (Session::dialect_state).
struct BinanceState {
  explicit BinanceState(const scenario::Scenario& scenario);
  RateLimiter limiter;
};

// What a handler sees: its session (on the strand), the parsed parameters and the time.
struct RestCall {
  session::Session& session;
  BinanceState& state;
  const core::HttpRequest& request;
  const Params& params;
  std::int64_t now_ms;
};

using RestResult = std::variant<nlohmann::json, ApiError>;
using RestBody = std::function<RestResult(RestCall&)>;
// The request weight of a call (spec §4.4); some depend on the parameters.
using Weight = std::function<int(const Params&)>;

inline Weight fixed_weight(int weight) {
  return [weight](const Params&) { return weight; };
}

// A handler for `body`: resolves the session ({session} path parameter, else the default),
// parses parameters, charges the weight, runs `body` on the session's strand and answers with
// its JSON (200) or its error, carrying the weight headers either way.
core::HttpHandler rest_handler(session::SessionRegistry& registry, Weight weight, RestBody body);

// Registers `pattern` (e.g. "/api/v3/ping") at the root and under /s/{session}.
void add_both(const core::RouteAdder& add, const std::string& method, const std::string& pattern,
              const core::HttpHandler& handler);

// The client's IP for per-IP limits: the remote address without its port.
std::string client_ip(const core::HttpRequest& request);

}  // namespace mockex::dialect::binance
