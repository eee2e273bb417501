#pragma once
// Ranged error codes shared by the pure modules. A rejection is a value, never an exception: a
// command returns a Result or a Status holding one of these codes, and the dialect maps the code
// to the venue's own error (for Binance: the code and exact message of its error table).
//
// Ranges (the thousands digit says which module rejected):
//   0            ok
//   1   - 999    core: decimal parsing, fixed-point arithmetic, scheduling
//   1000 - 1999  book: order book and matching engine
//   2000 - 2999  venue: symbol filters and order validation against the instrument
//   3000 - 3999  account: balances, account-state limits, client order ids
//   4000 - 4999  scenario (reserved)
//   5000 - 5999  fault (reserved)
//   6000 - 6999  session and admin (reserved)
//   7000 - 7999  dialect and transport (reserved)
// New codes go into the range of the module that produces them; numbers are never reused.

#include <cstdint>
#include <string_view>

namespace mockex::core {

enum class ErrorCode : std::uint16_t {
  ok = 0,

  // core: decimal text
  decimal_empty = 100,        // no characters at all
  decimal_malformed = 101,    // not a plain decimal: signs, exponents, spaces, a lone '.', ...
  decimal_too_precise = 102,  // a non-zero digit beyond the instrument's scale
  decimal_overflow = 103,     // the mantissa does not fit in int64
  decimal_negative = 104,     // a '-' where only non-negative values are allowed
  // core: arithmetic
  invalid_scale = 110,        // a scale above kMaxScale, or a rescale beyond 10^36
  arithmetic_overflow = 111,  // the result does not fit in int64
  inexact = 112,              // Rounding::exact asked for, but the result needs rounding
  division_by_zero = 113,
  // core: scheduling
  scheduler_full = 120,  // the bounded timer queue is full; nothing was scheduled

  // book
  book_invalid_order_id = 1000,    // order id 0
  book_duplicate_order_id = 1001,  // the id belongs to an open order of this book
  book_unknown_order = 1002,       // no open order with this id
  book_invalid_quantity = 1003,    // quantity <= 0, or a quantity and a quote amount together
  book_invalid_price = 1004,       // limit price <= 0 (or set on a MARKET order)
  book_invalid_stop_price = 1005,  // stop price <= 0 on a stop type, or set on another type
  book_invalid_parameters = 1006,  // enum out of range, quote amount on a non-MARKET order
  book_would_take = 1007,          // LIMIT_MAKER that would cross ("would immediately match")
  book_stop_would_trigger = 1008,  // the stop condition already holds at the last price
  book_quantity_overflow = 1009,   // a level total would overflow int64
  book_full = 1010,                // BookConfig::max_orders open orders already
  book_order_not_resting = 1011,   // the order is a pending stop, not in a price level

  // venue: symbol filters ("Filter failure: <NAME>") and per-symbol order validation
  filter_price = 2001,                  // PRICE_FILTER
  filter_lot_size = 2002,               // LOT_SIZE
  filter_market_lot_size = 2003,        // MARKET_LOT_SIZE
  filter_notional = 2004,               // NOTIONAL
  filter_min_notional = 2005,           // MIN_NOTIONAL
  filter_percent_price = 2006,          // PERCENT_PRICE
  filter_percent_price_by_side = 2007,  // PERCENT_PRICE_BY_SIDE
  filter_iceberg_parts = 2008,          // ICEBERG_PARTS
  filter_trailing_delta = 2009,         // TRAILING_DELTA
  venue_unknown_symbol = 2100,
  venue_market_closed = 2101,  // symbol status not TRADING
  venue_order_type_not_supported = 2102,
  venue_quote_qty_not_allowed = 2103,  // quoteOrderQtyMarketAllowed is false
  venue_too_much_precision = 2104,     // more decimals than the asset precision
  venue_stp_mode_not_allowed = 2105,

  // account
  account_unknown = 3001,
  account_insufficient_balance = 3002,
  account_max_num_orders = 3003,           // MAX_NUM_ORDERS
  account_max_num_algo_orders = 3004,      // MAX_NUM_ALGO_ORDERS
  account_max_position = 3005,             // MAX_POSITION
  account_exchange_max_num_orders = 3006,  // EXCHANGE_MAX_NUM_ORDERS
  account_duplicate_client_order_id = 3007,
};

enum class ErrorRange : std::uint8_t {
  ok,
  core,
  book,
  venue,
  account,
  scenario,
  fault,
  session,
  dialect,
  unknown
};

constexpr ErrorRange range_of(ErrorCode code) {
  const auto value = static_cast<std::uint16_t>(code);
  if (value == 0) return ErrorRange::ok;
  if (value < 1000) return ErrorRange::core;
  switch (value / 1000) {
    case 1: return ErrorRange::book;
    case 2: return ErrorRange::venue;
    case 3: return ErrorRange::account;
    case 4: return ErrorRange::scenario;
    case 5: return ErrorRange::fault;
    case 6: return ErrorRange::session;
    case 7: return ErrorRange::dialect;
    default: return ErrorRange::unknown;
  }
}

// The enumerator's name, e.g. "book_would_take"; "unknown_error" for a value not listed above.
std::string_view name(ErrorCode code);
// One English sentence for logs and journals (not the venue's wire message).
std::string_view describe(ErrorCode code);
std::string_view name(ErrorRange range);

}  // namespace mockex::core
