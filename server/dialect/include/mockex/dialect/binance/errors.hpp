#pragma once
// Binance's error table (spec §5): every error mockexd answers in this dialect, with its HTTP
// status, code and exact message text (ccxt maps errors by message before code, so the text is
// part of the contract). REST errors are {"code":..,"msg":..}; the WS API wraps the same pair.

#include <mockex/core/error.hpp>
#include <mockex/core/http.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace mockex::dialect::binance {

enum class Error : std::uint8_t {
  unknown,                      // -1000 500
  unsupported,                  // -1000 400 "This operation is not supported."
  not_found,                    // -1000 404 unknown path
  weight_exceeded,              // -1003 429, args: limit, interval
  ip_banned,                    // -1003 418, args: banned-until ms
  backend_timeout,              // -1007 503
  overloaded,                   // -1008 503
  filter_failure,               // -1013 400, args: filter name
  too_many_orders,              // -1015 429, args: limit, interval
  timestamp_ahead,              // -1021 400
  timestamp_outside_window,     // -1021 400
  bad_signature,                // -1022 400
  illegal_characters,           // -1100 400, args: parameter, legal range
  duplicate_parameter,          // -1101 400
  mandatory_parameter,          // -1102 400, args: parameter
  recv_window_too_large,        // -1102 400
  quantity_or_quote_missing,    // -1102 400
  not_all_read,                 // -1104 400, args: read, sent
  not_required,                 // -1106 400, args: parameter
  too_much_precision,           // -1111 400, args: parameter
  invalid_time_in_force,        // -1115 400
  invalid_order_type,           // -1116 400
  invalid_side,                 // -1117 400
  invalid_interval,             // -1120 400
  invalid_symbol,               // -1121 400
  unknown_listen_key,           // -1125 400
  window_too_long,              // -1127 400
  invalid_combination,          // -1128 400
  invalid_cancel_restrictions,  // -1145 400
  insufficient_balance,         // -2010 400
  would_take,                   // -2010 400
  duplicate_order,              // -2010 400
  market_closed,                // -2010 400
  order_type_not_supported,     // -2010 400, args: full message
  account_filter_failure,       // -2010 400, args: filter name
  unknown_order,                // -2011 400
  cancel_restricted,            // -2011 400
  order_does_not_exist,         // -2013 400
  cancel_replace_partial,       // -2021 409
  cancel_replace_failed,        // -2022 400
  api_key_format,               // -2014 401
  invalid_api_key,              // -2015 401
  subscription_active,          // -2035 400
};

// One error as it goes on the wire.
struct ApiError {
  int http_status = 500;
  int code = -1000;
  std::string msg;
  core::HeaderList headers;  // e.g. Retry-After on 429 and 418
  std::string data_json;     // non-empty: the body's "data" member, JSON text (cancelReplace)
};

// The error with its arguments substituted into the message template, in order.
ApiError make_error(Error error, std::initializer_list<std::string_view> args = {});

// {"code":..,"msg":..[,"data":..]} with Content-Type application/json;charset=UTF-8 and the error's headers.
core::HttpResponse to_response(const ApiError& error);

// The Binance error for a rejection from the pure modules (book, venue, account).
ApiError from_core(core::ErrorCode code);

// The content type of every JSON response of this dialect (spec §1).
inline constexpr std::string_view json_content_type = "application/json;charset=UTF-8";

}  // namespace mockex::dialect::binance
