#pragma once
// Value types of the order book: order parameters, configuration and read-only views.
// Prices and quantities are mantissas at the scales in BookConfig (see core/fixed_point.hpp).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"

namespace mockex::book {

enum class Side : std::uint8_t { buy, sell };

constexpr Side opposite(Side side) { return side == Side::buy ? Side::sell : Side::buy; }

// Binance spot order types. The stop types wait, unseen in the depth, until the last trade price
// reaches the stop price, then become MARKET (STOP_LOSS, TAKE_PROFIT) or LIMIT (the *_LIMIT ones).
//   STOP_LOSS*   BUY triggers when last >= stop; SELL when last <= stop.
//   TAKE_PROFIT* BUY triggers when last <= stop; SELL when last >= stop.
enum class OrderType : std::uint8_t {
  limit,
  market,
  limit_maker,  // post-only: rejected with book_would_take if it would cross
  stop_loss,
  stop_loss_limit,
  take_profit,
  take_profit_limit,
};

// Applies to LIMIT and *_LIMIT orders; MARKET, STOP_LOSS and TAKE_PROFIT behave as IOC and
// LIMIT_MAKER as GTC whatever is set.
enum class TimeInForce : std::uint8_t {
  gtc,  // rest until filled or cancelled
  ioc,  // fill what is possible now, expire the rest
  fok,  // fill completely now, or expire with no fill at all
};

// Self-trade prevention, decided by the taker's mode when it would match a resting order of the
// same owner (kNoAccount never self-trades). NONE lets the self-trade happen.
enum class StpMode : std::uint8_t { none, expire_taker, expire_maker, expire_both };

// Why an order left the book.
enum class DoneReason : std::uint8_t {
  filled,
  canceled,              // cancel, cancel-all, or the old order of a replace
  expired_ioc,           // IOC remainder (Binance UNFILLED_IOC_QUANTITY_EXPIRED)
  expired_fok,           // FOK that could not fill completely (UNFILLED_FOK_ORDER_EXPIRED)
  expired_no_liquidity,  // MARKET remainder once the book ran out (INSUFFICIENT_LIQUIDITY)
  expired_in_match,      // self-trade prevention (status EXPIRED_IN_MATCH)
};

// Where an open order stands.
enum class OrderState : std::uint8_t { pending_trigger, resting };

std::string_view to_string(Side side);          // "BUY", "SELL"
std::string_view to_string(OrderType type);     // "LIMIT", "STOP_LOSS_LIMIT", ...
std::string_view to_string(TimeInForce tif);    // "GTC", "IOC", "FOK"
std::string_view to_string(StpMode mode);       // "NONE", "EXPIRE_TAKER", ...
std::string_view to_string(DoneReason reason);  // "FILLED", "CANCELED", "EXPIRED_IOC", ...
std::string_view to_string(OrderState state);   // "PENDING_TRIGGER", "RESTING"

constexpr bool is_stop(OrderType type) {
  return type == OrderType::stop_loss || type == OrderType::stop_loss_limit ||
         type == OrderType::take_profit || type == OrderType::take_profit_limit;
}
// Types that carry a limit price (once triggered, for the stop-limits).
constexpr bool has_limit_price(OrderType type) {
  return type == OrderType::limit || type == OrderType::limit_maker ||
         type == OrderType::stop_loss_limit || type == OrderType::take_profit_limit;
}

struct BookConfig {
  core::Scale price_scale{8};
  core::Scale qty_scale{8};
  // Scale of NewOrder::quote_qty (the quote asset's precision). |price + qty - quote| <= 18.
  core::Scale quote_scale{8};
  // A MARKET order by quote amount trades whole multiples of this (the LOT_SIZE stepSize).
  core::Qty qty_step{1};
  // Open orders (resting plus pending stops) this book holds at most; more get book_full.
  std::size_t max_orders = 10'000'000;
  // The first trade gets this id; ids then count up by one.
  std::uint64_t first_trade_id = 1;
};

// A new order. The caller (the venue) assigns `id`, unique among this book's open orders.
struct NewOrder {
  core::OrderId id;
  core::AccountId owner;  // kNoAccount for venue-managed liquidity
  Side side = Side::buy;
  OrderType type = OrderType::limit;
  TimeInForce tif = TimeInForce::gtc;
  core::Price price;       // limit price: LIMIT, LIMIT_MAKER, *_LIMIT; zero otherwise
  core::Price stop_price;  // stop types only; zero otherwise
  core::Qty qty;           // base quantity; zero for a MARKET order by quote amount
  core::Amount quote_qty;  // MARKET only: spend (BUY) or receive (SELL) up to this much quote
  StpMode stp = StpMode::none;
};

// One aggregated price level.
struct LevelInfo {
  core::Price price;
  core::Qty qty;            // sum of the open quantities of its orders
  std::uint32_t count = 0;  // number of orders
  friend bool operator==(const LevelInfo&, const LevelInfo&) = default;
};

// Top of the book; a side is empty when its count is 0.
struct TopOfBook {
  LevelInfo bid;
  LevelInfo ask;
  std::uint64_t update_id = 0;
};

// Aggregated depth, best price first on each side, consistent with `update_id`: applying every
// LevelChanged event with an id <= update_id to an empty book gives exactly these levels.
struct DepthSnapshot {
  std::uint64_t update_id = 0;
  std::vector<LevelInfo> bids;
  std::vector<LevelInfo> asks;
  friend bool operator==(const DepthSnapshot&, const DepthSnapshot&) = default;
};

// An open order as the book holds it.
struct OrderInfo {
  core::OrderId id;
  core::AccountId owner;
  Side side = Side::buy;
  OrderType type = OrderType::limit;
  TimeInForce tif = TimeInForce::gtc;
  StpMode stp = StpMode::none;
  OrderState state = OrderState::resting;
  core::Price price;       // limit price (zero for STOP_LOSS / TAKE_PROFIT)
  core::Price stop_price;  // zero for non-stop types
  core::Qty qty;           // original quantity (after amends: filled + open)
  core::Qty open_qty;      // still to fill
  core::Qty filled_qty;
  // Time priority: larger is later. Changes when a stop triggers or an amend raises the size.
  std::uint64_t priority = 0;
};

}  // namespace mockex::book
