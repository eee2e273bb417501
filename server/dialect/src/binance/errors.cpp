#include <mockex/dialect/binance/errors.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <cassert>

namespace mockex::dialect::binance {
namespace {

struct Entry {
  Error error;
  int http_status;
  int code;
  std::string_view text;  // '%s' marks where the next argument goes
};

// The one table. Texts are Binance's own, typos included ("not support" is theirs).
constexpr std::array<Entry, 43> table{{
    {Error::unknown, 500, -1000, "An unknown error occurred while processing the request."},
    {Error::unsupported, 400, -1000, "This operation is not supported."},
    {Error::not_found, 404, -1000, "Unknown path: %s"},
    {Error::weight_exceeded, 429, -1003,
     "Too much request weight used; current limit is %s request weight per %s. Please use "
     "WebSocket Streams for live updates to avoid polling the API."},
    {Error::ip_banned, 418, -1003,
     "Way too much request weight used; IP banned until %s. Please use WebSocket Streams for "
     "live updates to avoid bans."},
    {Error::backend_timeout, 503, -1007,
     "Timeout waiting for response from backend server. Send status unknown; execution status "
     "unknown."},
    {Error::overloaded, 503, -1008,
     "Server is currently overloaded with other requests. Please try again in a few minutes."},
    {Error::filter_failure, 400, -1013, "Filter failure: %s"},
    {Error::too_many_orders, 429, -1015, "Too many new orders; current limit is %s orders per %s."},
    {Error::timestamp_ahead, 400, -1021,
     "Timestamp for this request was 1000ms ahead of the server's time."},
    {Error::timestamp_outside_window, 400, -1021,
     "Timestamp for this request is outside of the recvWindow."},
    {Error::bad_signature, 400, -1022, "Signature for this request is not valid."},
    {Error::illegal_characters, 400, -1100,
     "Illegal characters found in parameter '%s'; legal range is '%s'."},
    {Error::duplicate_parameter, 400, -1101, "Duplicate values for a parameter detected."},
    {Error::mandatory_parameter, 400, -1102,
     "Mandatory parameter '%s' was not sent, was empty/null, or malformed."},
    {Error::recv_window_too_large, 400, -1102,
     "'recvWindow' contains unexpected value. Cannot be greater than 60000."},
    {Error::quantity_or_quote_missing, 400, -1102,
     "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!"},
    {Error::not_all_read, 400, -1104,
     "Not all sent parameters were read; read '%s' parameter(s) but was sent '%s'."},
    {Error::not_required, 400, -1106, "Parameter '%s' sent when not required."},
    {Error::too_much_precision, 400, -1111, "Parameter '%s' has too much precision."},
    {Error::invalid_time_in_force, 400, -1115, "Invalid timeInForce."},
    {Error::invalid_order_type, 400, -1116, "Invalid orderType."},
    {Error::invalid_side, 400, -1117, "Invalid side."},
    {Error::invalid_interval, 400, -1120, "Invalid interval."},
    {Error::invalid_symbol, 400, -1121, "Invalid symbol."},
    {Error::unknown_listen_key, 400, -1125, "This listenKey does not exist."},
    {Error::window_too_long, 400, -1127, "More than 24 hours between startTime and endTime."},
    {Error::invalid_combination, 400, -1128, "Combination of optional parameters invalid."},
    {Error::invalid_cancel_restrictions, 400, -1145, "Invalid cancelRestrictions"},
    {Error::insufficient_balance, 400, -2010,
     "Account has insufficient balance for requested action."},
    {Error::would_take, 400, -2010, "Order would immediately match and take."},
    {Error::duplicate_order, 400, -2010, "Duplicate order sent."},
    {Error::market_closed, 400, -2010, "Market is closed."},
    {Error::order_type_not_supported, 400, -2010, "%s"},
    {Error::account_filter_failure, 400, -2010, "Filter failure: %s"},
    {Error::unknown_order, 400, -2011, "Unknown order sent."},
    {Error::cancel_restricted, 400, -2011, "Order was not canceled due to cancel restrictions."},
    {Error::order_does_not_exist, 400, -2013, "Order does not exist."},
    {Error::cancel_replace_partial, 409, -2021, "Order cancel-replace partially failed."},
    {Error::cancel_replace_failed, 400, -2022, "Order cancel-replace failed."},
    {Error::api_key_format, 401, -2014, "API-key format invalid."},
    {Error::invalid_api_key, 401, -2015, "Invalid API-key, IP, or permissions for action."},
    {Error::subscription_active, 400, -2035, "User Data Stream subscription already active."},
}};

const Entry& entry(Error error) {
  const auto& found = table[static_cast<std::size_t>(error)];
  assert(found.error == error && "the table is in enum order");
  return found;
}

}  // namespace

ApiError make_error(Error error, std::initializer_list<std::string_view> args) {
  const auto& e = entry(error);
  ApiError out{e.http_status, e.code, {}, {}, {}};
  auto next = args.begin();
  for (std::size_t i = 0; i < e.text.size(); ++i) {
    if (e.text[i] == '%' && i + 1 < e.text.size() && e.text[i + 1] == 's') {
      assert(next != args.end() && "too few arguments for the message");
      out.msg += *next++;
      ++i;
    } else {
      out.msg += e.text[i];
    }
  }
  assert(next == args.end() && "too many arguments for the message");
  return out;
}

core::HttpResponse to_response(const ApiError& error) {
  nlohmann::json body = {{"code", error.code}, {"msg", error.msg}};
  if (!error.data_json.empty()) {
    body["data"] = nlohmann::json::parse(error.data_json, nullptr, false);
  }
  core::HttpResponse response{
      error.http_status, error.headers,
      body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
      {}};
  response.set_header("Content-Type", std::string(json_content_type));
  return response;
}

ApiError from_core(core::ErrorCode code) {
  using core::ErrorCode;
  switch (code) {
    case ErrorCode::filter_price: return make_error(Error::filter_failure, {"PRICE_FILTER"});
    case ErrorCode::filter_lot_size: return make_error(Error::filter_failure, {"LOT_SIZE"});
    case ErrorCode::filter_market_lot_size:
      return make_error(Error::filter_failure, {"MARKET_LOT_SIZE"});
    case ErrorCode::filter_notional: return make_error(Error::filter_failure, {"NOTIONAL"});
    case ErrorCode::filter_min_notional: return make_error(Error::filter_failure, {"MIN_NOTIONAL"});
    case ErrorCode::filter_percent_price:
      return make_error(Error::filter_failure, {"PERCENT_PRICE"});
    case ErrorCode::filter_percent_price_by_side:
      return make_error(Error::filter_failure, {"PERCENT_PRICE_BY_SIDE"});
    case ErrorCode::filter_iceberg_parts:
      return make_error(Error::filter_failure, {"ICEBERG_PARTS"});
    case ErrorCode::filter_trailing_delta:
      return make_error(Error::filter_failure, {"TRAILING_DELTA"});
    case ErrorCode::venue_unknown_symbol: return make_error(Error::invalid_symbol);
    case ErrorCode::venue_market_closed: return make_error(Error::market_closed);
    case ErrorCode::venue_order_type_not_supported:
      return make_error(Error::order_type_not_supported,
                        {"This order type is not supported for this symbol."});
    case ErrorCode::venue_quote_qty_not_allowed:
      return make_error(Error::order_type_not_supported,
                        {"Quote order qty market orders are not support for this symbol."});
    case ErrorCode::account_insufficient_balance: return make_error(Error::insufficient_balance);
    case ErrorCode::account_max_num_orders:
      return make_error(Error::account_filter_failure, {"MAX_NUM_ORDERS"});
    case ErrorCode::account_max_num_algo_orders:
      return make_error(Error::account_filter_failure, {"MAX_NUM_ALGO_ORDERS"});
    case ErrorCode::account_max_position:
      return make_error(Error::account_filter_failure, {"MAX_POSITION"});
    case ErrorCode::account_exchange_max_num_orders:
      return make_error(Error::account_filter_failure, {"EXCHANGE_MAX_NUM_ORDERS"});
    case ErrorCode::account_duplicate_client_order_id: return make_error(Error::duplicate_order);
    case ErrorCode::book_would_take: return make_error(Error::would_take);
    case ErrorCode::book_unknown_order: return make_error(Error::unknown_order);
    default: return make_error(Error::unknown);
  }
}

}  // namespace mockex::dialect::binance
