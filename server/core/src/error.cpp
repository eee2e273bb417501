#include "mockex/core/error.hpp"

namespace mockex::core {

namespace {

struct ErrorInfo {
  std::string_view name;
  std::string_view description;
};

ErrorInfo info(ErrorCode code) {
  switch (code) {
    case ErrorCode::ok: return {"ok", "no error"};
    case ErrorCode::decimal_empty: return {"decimal_empty", "the number is empty"};
    case ErrorCode::decimal_malformed: return {"decimal_malformed", "not a plain decimal number"};
    case ErrorCode::decimal_too_precise:
      return {"decimal_too_precise", "more decimal places than the scale allows"};
    case ErrorCode::decimal_overflow: return {"decimal_overflow", "the number is too large"};
    case ErrorCode::decimal_negative:
      return {"decimal_negative", "the number must not be negative"};
    case ErrorCode::invalid_scale: return {"invalid_scale", "the scale is out of range"};
    case ErrorCode::arithmetic_overflow:
      return {"arithmetic_overflow", "the result does not fit in 64 bits"};
    case ErrorCode::inexact:
      return {"inexact", "the result is not exact and no rounding was given"};
    case ErrorCode::division_by_zero: return {"division_by_zero", "division by zero"};
    case ErrorCode::scheduler_full: return {"scheduler_full", "the timer queue is full"};
    case ErrorCode::book_invalid_order_id:
      return {"book_invalid_order_id", "order id 0 is not valid"};
    case ErrorCode::book_duplicate_order_id:
      return {"book_duplicate_order_id", "an open order already has this id"};
    case ErrorCode::book_unknown_order: return {"book_unknown_order", "no open order has this id"};
    case ErrorCode::book_invalid_quantity:
      return {"book_invalid_quantity",
              "the quantity must be positive (or the quote amount, not both)"};
    case ErrorCode::book_invalid_price:
      return {"book_invalid_price", "the limit price is missing, not positive, or not allowed"};
    case ErrorCode::book_invalid_stop_price:
      return {"book_invalid_stop_price", "the stop price is missing, not positive, or not allowed"};
    case ErrorCode::book_invalid_parameters:
      return {"book_invalid_parameters", "the order's parameters do not fit its type"};
    case ErrorCode::book_would_take:
      return {"book_would_take", "a post-only order would immediately match and take"};
    case ErrorCode::book_stop_would_trigger:
      return {"book_stop_would_trigger", "the stop price would trigger immediately"};
    case ErrorCode::book_quantity_overflow:
      return {"book_quantity_overflow", "a price level's total would overflow"};
    case ErrorCode::book_full: return {"book_full", "the book holds its maximum number of orders"};
    case ErrorCode::book_order_not_resting:
      return {"book_order_not_resting",
              "the order is waiting for its stop, not resting in a level"};
    case ErrorCode::filter_price: return {"filter_price", "Filter failure: PRICE_FILTER"};
    case ErrorCode::filter_lot_size: return {"filter_lot_size", "Filter failure: LOT_SIZE"};
    case ErrorCode::filter_market_lot_size:
      return {"filter_market_lot_size", "Filter failure: MARKET_LOT_SIZE"};
    case ErrorCode::filter_notional: return {"filter_notional", "Filter failure: NOTIONAL"};
    case ErrorCode::filter_min_notional:
      return {"filter_min_notional", "Filter failure: MIN_NOTIONAL"};
    case ErrorCode::filter_percent_price:
      return {"filter_percent_price", "Filter failure: PERCENT_PRICE"};
    case ErrorCode::filter_percent_price_by_side:
      return {"filter_percent_price_by_side", "Filter failure: PERCENT_PRICE_BY_SIDE"};
    case ErrorCode::filter_iceberg_parts:
      return {"filter_iceberg_parts", "Filter failure: ICEBERG_PARTS"};
    case ErrorCode::filter_trailing_delta:
      return {"filter_trailing_delta", "Filter failure: TRAILING_DELTA"};
    case ErrorCode::venue_unknown_symbol: return {"venue_unknown_symbol", "unknown symbol"};
    case ErrorCode::venue_market_closed: return {"venue_market_closed", "the market is closed"};
    case ErrorCode::venue_order_type_not_supported:
      return {"venue_order_type_not_supported", "the order type is not supported for this symbol"};
    case ErrorCode::venue_quote_qty_not_allowed:
      return {"venue_quote_qty_not_allowed", "quote quantity market orders are not allowed"};
    case ErrorCode::venue_too_much_precision:
      return {"venue_too_much_precision", "more decimals than the asset precision"};
    case ErrorCode::venue_stp_mode_not_allowed:
      return {"venue_stp_mode_not_allowed", "the self-trade prevention mode is not allowed"};
    case ErrorCode::account_unknown: return {"account_unknown", "unknown account"};
    case ErrorCode::account_insufficient_balance:
      return {"account_insufficient_balance", "insufficient balance"};
    case ErrorCode::account_max_num_orders:
      return {"account_max_num_orders", "Filter failure: MAX_NUM_ORDERS"};
    case ErrorCode::account_max_num_algo_orders:
      return {"account_max_num_algo_orders", "Filter failure: MAX_NUM_ALGO_ORDERS"};
    case ErrorCode::account_max_position:
      return {"account_max_position", "Filter failure: MAX_POSITION"};
    case ErrorCode::account_exchange_max_num_orders:
      return {"account_exchange_max_num_orders", "Filter failure: EXCHANGE_MAX_NUM_ORDERS"};
    case ErrorCode::account_duplicate_client_order_id:
      return {"account_duplicate_client_order_id",
              "an open order already has this client order id"};
  }
  return {"unknown_error", "unknown error"};
}

}  // namespace

std::string_view name(ErrorCode code) { return info(code).name; }

std::string_view describe(ErrorCode code) { return info(code).description; }

std::string_view name(ErrorRange range) {
  switch (range) {
    case ErrorRange::ok: return "ok";
    case ErrorRange::core: return "core";
    case ErrorRange::book: return "book";
    case ErrorRange::venue: return "venue";
    case ErrorRange::account: return "account";
    case ErrorRange::scenario: return "scenario";
    case ErrorRange::fault: return "fault";
    case ErrorRange::session: return "session";
    case ErrorRange::dialect: return "dialect";
    case ErrorRange::unknown: return "unknown";
  }
  return "unknown";
}

}  // namespace mockex::core
