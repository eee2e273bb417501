#pragma once
// What every REST handler shares: finding the session a path addresses, running on its strand
// with the clock caught up, charging request weight, and answering in Binance's format.

#include "binance_state.hpp"

#include <mockex/dialect/binance/errors.hpp>
#include <mockex/dialect/binance/params.hpp>
#include <mockex/dialect/binance/rate_limits.hpp>
#include <mockex/fault/effect.hpp>
#include <mockex/session/registry.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace mockex::dialect::binance {

// What a handler sees: its session (on the strand), the parsed parameters and the time.
struct RestCall {
  session::Session& session;
  BinanceState& state;
  const core::HttpRequest& request;
  const Params& params;
  std::int64_t now_ms;
  core::AccountId account;       // the API key's account (keyed endpoints), else invalid
  core::HeaderList& headers;     // extra response headers (order counts)
  // Set by an ack_lost fault once the order is placed: how its answer is lost.
  std::optional<fault::AckLostMode> ack_lost = std::nullopt;
};

// Binance's security types (spec §3.1).
enum class Security {
  none,         // public
  user_stream,  // X-MBX-APIKEY only
  signed_call,  // TRADE and USER_DATA: API key, timestamp, recvWindow and HMAC signature
};

// A 200 answer's body as JSON text already written (the hottest endpoints skip the tree).
struct JsonText {
  std::string text;
};
using RestResult = std::variant<nlohmann::json, ApiError, JsonText>;
// The JSON text of a successful result (nlohmann's writing for a tree).
std::string success_text(RestResult&& result);
using RestBody = std::function<RestResult(RestCall&)>;
// The request weight of a call (spec §4.4); some depend on the parameters.
using Weight = std::function<int(const Params&)>;

inline Weight fixed_weight(int weight) {
  return [weight](const Params&) { return weight; };
}

// A handler for `body`: resolves the session ({session} path parameter, else the default),
// parses parameters, charges the weight, runs `body` on the session's strand and answers with
// its JSON (200) or its error, carrying the weight headers either way.
core::HttpHandler rest_handler(session::SessionRegistry& registry, Weight weight, RestBody body,
                               Security security = Security::none);

// Registers `pattern` (e.g. "/api/v3/ping") at the root and under /s/{session}.
void add_both(const core::RouteAdder& add, const std::string& method, const std::string& pattern,
              const core::HttpHandler& handler);

// -1104 when the session's scenario has strict_params and the call carries a parameter nothing
// has read (the key and signature count as read). Call it after reading every parameter and
// before changing anything.
std::optional<ApiError> unread_parameters(const RestCall& call);

// The client's IP for per-IP limits: the remote address without its port.
std::string client_ip(const core::HttpRequest& request);

// A fixed-point value as Binance writes it: padded to `scale` decimals, never an exponent.
std::string decimal(std::int64_t units, core::Scale scale);

// A symbol's scales: prices, quantities, and quote amounts (the quote asset's).
struct Scales {
  core::Scale price;
  core::Scale qty;
  core::Scale quote;
};
Scales scales_of(const venue::Venue& venue, venue::SymbolId id);

// The symbol named by `symbol`: -1102 when missing, -1100 when malformed, -1121 when unknown.
std::variant<venue::SymbolId, ApiError> required_symbol(const RestCall& call);

// `symbol` (one), `symbols` (a JSON array) or neither (every symbol), as the ticker endpoints
// take them; -1128 for both.
struct SymbolSelection {
  std::vector<venue::SymbolId> ids;
  bool single = false;
};
std::variant<SymbolSelection, ApiError> selected_symbols(const RestCall& call);

// A JSON object for one symbol, or an array of them when several were selected.
template <class Render>
RestResult per_symbol(RestCall& call, Render render) {
  auto selection = selected_symbols(call);
  if (auto* error = std::get_if<ApiError>(&selection)) return *error;
  const auto& chosen = std::get<SymbolSelection>(selection);
  if (chosen.single) return RestResult{render(chosen.ids.front())};
  std::string out = "[";
  for (auto id : chosen.ids) {
    if (out.size() > 1) out += ',';
    out += success_text(RestResult{render(id)});
  }
  out += ']';
  return JsonText{std::move(out)};
}

// An optional integer parameter: nothing when absent, -1100 when not an integer in [min, max].
std::variant<std::optional<std::int64_t>, ApiError> int_param(const Params& params,
                                                              std::string_view name,
                                                              std::int64_t min, std::int64_t max);

// The `limit` of a list endpoint: `fallback` when absent, clamped to `most`.
std::variant<std::size_t, ApiError> limit_param(const Params& params, std::size_t fallback,
                                                std::size_t most);

}  // namespace mockex::dialect::binance

namespace mockex::dialect::binance {

// The route groups add_rest_routes registers (one file each).
void add_market_data_routes(const core::RouteAdder& add, session::SessionRegistry& registry);
void add_trading_routes(const core::RouteAdder& add, session::SessionRegistry& registry);
void add_user_stream_routes(const core::RouteAdder& add, session::SessionRegistry& registry);
// Unsupported operations (-1000 "This operation is not supported.") and Binance-shaped 404s.
void add_fallback_routes(const core::RouteAdder& add, session::SessionRegistry& registry);

}  // namespace mockex::dialect::binance
