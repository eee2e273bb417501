#pragma once
// A fuzz input is fixed bytes, but a signed Binance call must carry the wall-clock time and an
// HMAC over its own bytes. So seeds write `{now}` for the time and `SIGN` for the signature, and
// the harness fills both in before the request is served: the signed endpoints are reached, and
// mutations of every other byte still are. The signature is the demo account's (quickstart's
// `demo-secret`); a request for another key simply fails its signature check.

#include <mockex/core/http.hpp>

#include <string>

namespace mockex::fuzz {

inline constexpr std::string_view kNowPlaceholder = "{now}";
inline constexpr std::string_view kSignPlaceholder = "SIGN";
inline constexpr std::string_view kDemoSecret = "demo-secret";

// Every `{now}` in `text` replaced by the wall clock's epoch milliseconds.
std::string with_now(std::string text);

// A REST request: `{now}` filled in its target, query and body, then a `signature=SIGN` pair
// replaced by the HMAC of the signed payload (spec §3.2).
void fill_rest(core::HttpRequest& request);

// A WebSocket API message: `{now}` filled in, then a "signature":"SIGN" param replaced by the
// HMAC of the request's signature payload (spec §11.3).
std::string fill_ws_api(std::string message);

}  // namespace mockex::fuzz
