#pragma once
// What the book reports. Each command appends its events, in the order things happened, to a
// caller-owned Events vector (the caller clears it; the book never does). A rejected command
// appends nothing.
//
// A submitted order gives: OrderAccepted, then per resting order it meets MatchPrevented or Trade
// (and OrderDone when that maker is finished), a LevelChanged for each level it touched, then
// either OrderDone for the taker or a LevelChanged where its remainder rests. Stops that this
// makes trigger follow, each as StopTriggered and then its own matching.

#include <cstdint>
#include <variant>
#include <vector>

#include "mockex/book/types.hpp"
#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"

namespace mockex::book {

struct OrderAccepted {
  core::OrderId order;
  core::AccountId owner;
  Side side = Side::buy;
  OrderType type = OrderType::limit;
  OrderState state = OrderState::resting;  // pending_trigger for a stop waiting for its price
  friend bool operator==(const OrderAccepted&, const OrderAccepted&) = default;
};

// One fill, always at the maker's price.
struct Trade {
  core::TradeId id;
  core::OrderId maker;
  core::OrderId taker;
  core::AccountId maker_owner;
  core::AccountId taker_owner;
  Side maker_side = Side::buy;  // Binance's "m" (buyer is maker) is maker_side == BUY
  core::Price price;
  core::Qty qty;
  core::Qty maker_open_qty;  // what the maker still has open after this fill
  friend bool operator==(const Trade&, const Trade&) = default;
};

// An order left the book (or never rested): filled, cancelled or expired.
struct OrderDone {
  core::OrderId order;
  core::AccountId owner;
  DoneReason reason = DoneReason::filled;
  core::Qty filled_qty;  // total executed over the order's life
  core::Qty open_qty;    // what was still unfilled when it ended (0 when filled)
  friend bool operator==(const OrderDone&, const OrderDone&) = default;
};

// The aggregate at one price level changed. qty 0 (and count 0) means the level is gone. Each
// event takes the next update id of the book (1, 2, 3, ... per book), so depth subscribers see
// consecutive ids; a level touched several times by one command is reported once, at its end.
struct LevelChanged {
  std::uint64_t update_id = 0;
  Side side = Side::buy;
  core::Price price;
  core::Qty qty;
  std::uint32_t count = 0;
  friend bool operator==(const LevelChanged&, const LevelChanged&) = default;
};

// A stop order's condition was met by `last_price`; it now executes as MARKET or LIMIT under the
// same id with new time priority.
struct StopTriggered {
  core::OrderId order;
  core::AccountId owner;
  core::Price stop_price;
  core::Price last_price;
  friend bool operator==(const StopTriggered&, const StopTriggered&) = default;
};

// Self-trade prevention stopped a match between two orders of `owner`; OrderDone events with
// expired_in_match follow for whichever of the two the mode expires.
struct MatchPrevented {
  std::uint64_t prevented_match_id = 0;  // per book, counts up from 1 (Binance preventedMatchId)
  core::OrderId taker;
  core::OrderId maker;
  core::AccountId owner;
  StpMode mode = StpMode::none;
  core::Price price;    // the maker's price
  core::Qty taker_qty;  // the taker's open quantity at that moment (0 for a quote-amount MARKET)
  core::Qty maker_qty;  // the maker's open quantity at that moment
  friend bool operator==(const MatchPrevented&, const MatchPrevented&) = default;
};

// amend_qty changed an order's open quantity.
struct OrderAmended {
  core::OrderId order;
  core::AccountId owner;
  core::Qty open_qty;
  bool kept_priority = true;  // false when the size went up and the order moved to the back
  friend bool operator==(const OrderAmended&, const OrderAmended&) = default;
};

using Event = std::variant<OrderAccepted, Trade, OrderDone, LevelChanged, StopTriggered,
                           MatchPrevented, OrderAmended>;
using Events = std::vector<Event>;

}  // namespace mockex::book
