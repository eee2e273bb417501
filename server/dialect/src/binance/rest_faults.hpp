#pragma once
// The faults of one REST request (stage http_request): consulted once, before the request is
// handled, on the session's strand. An error reply or a silent end (hang, reset) replaces the
// handling; delays and wire actions (truncate, close after headers, slow body) and malformed
// bodies ride on whatever response the handling produces.

#include <mockex/core/http.hpp>
#include <mockex/dialect/binance/params.hpp>
#include <mockex/session/session.hpp>

#include <optional>
#include <string_view>

namespace mockex::dialect::binance {

struct RestFaults {
  // Set: answer with this instead of handling the request (an http_error reply, or an empty
  // response whose effect is a hang or a reset).
  std::optional<core::HttpResponse> instead;
  core::WireEffect wire;   // added to the response that goes out
  bool malformed = false;  // its body made invalid JSON

  // Applies `wire` and `malformed` to the response about to go out.
  void apply(core::HttpResponse& response) const;
};

// An empty response whose effect is `action` (a hang or a reset: nothing is answered).
core::HttpResponse silent_response(core::WireEffect::Action action);

// The request path as the venue sees it: without the /s/{session} prefix.
std::string_view venue_path(const core::HttpRequest& request);

// `params` may be null (they did not parse); symbol and client order id come from them.
RestFaults decide_rest_faults(session::Session& session, const core::HttpRequest& request,
                              const Params* params, std::string_view api_key);

// Whether a stale fault holds this market-data request (GET of depth, trades, klines, tickers,
// avgPrice): its frozen answer is then served. Other paths: false, nothing consulted.
bool stale_market_data(session::Session& session, const core::HttpRequest& request,
                       const Params* params);

// The offset a clock_skew fault puts on the server's time for this request (0 without one).
std::int64_t clock_skew_ms(session::Session& session, const core::HttpRequest& request,
                           std::string_view api_key);

}  // namespace mockex::dialect::binance
