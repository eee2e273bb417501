#pragma once
// Commands a client (through the dialect) sends the venue, and what they return. Symbols are
// names as the client sent them; an unknown one is venue_unknown_symbol.

#include <optional>
#include <string>
#include <vector>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"
#include "mockex/core/result.hpp"
#include "mockex/venue/order.hpp"
#include "mockex/venue/types.hpp"

namespace mockex::venue {

// POST order. Fields a type does not use must stay zero (validation rejects them otherwise).
struct PlaceOrder {
  core::AccountId account;
  std::string symbol;
  Side side = Side::buy;
  OrderType type = OrderType::limit;
  TimeInForce tif = TimeInForce::gtc;  // LIMIT and *_LIMIT; ignored by the other types
  core::Price price;
  core::Price stop_price;
  core::Qty qty;           // base quantity; zero for a MARKET by quote amount
  core::Amount quote_qty;  // quoteOrderQty (MARKET only), at the quote asset's scale
  ClientOrderId client_order_id;  // empty: the venue makes one up from its seeded Rng
  std::optional<StpMode> stp;     // none: the instrument's default mode

  // Fault hooks (the fault engine's order kinds; a client never sets them).
  //
  // fill_delay: validate, lock, assign ids, report NEW and return the order as placed and open
  // (working, cancellable), but keep it out of the book until Venue::release_deferred. Ignored
  // for the stop types, which wait for their price anyway.
  bool defer_matching = false;
  // partial_fill: the most this order may execute when it first meets the book (on placement,
  // on release_deferred, or when a stop triggers), as base quantity at the instrument's qty
  // scale, also for a MARKET by quote amount. If it would execute more, it executes exactly this
  // much and the rest expires at once (EXPIRED, INSUFFICIENT_LIQUIDITY, after the TRADE
  // reports; its lock released); zero expires it with no fill. If it would not execute more
  // anyway, nothing changes (a GTC remainder rests as usual, and later fills as a maker are not
  // capped). FOK orders and LIMIT_MAKER ignore it. Negative: book_invalid_quantity.
  std::optional<core::Qty> max_fill_qty;
};

// The order right after placement, and the fills it took while being placed ("fills" of the
// FULL response; the dialect also reads transactTime = order.update_time).
struct Placed {
  Order order;
  std::vector<Fill> fills;
};

// DELETE order: by order id, or by the original client order id, or both (then both must match).
struct CancelOrder {
  core::AccountId account;
  std::string symbol;
  core::OrderId order_id;              // 0: look up by orig_client_order_id
  ClientOrderId orig_client_order_id;  // empty: look up by order_id
  ClientOrderId new_client_order_id;   // the cancel's own id; empty: the venue makes one up
};

// A cancelled order, and the cancel request's own client order id (Binance answers with it as
// "clientOrderId" and the order's as "origClientOrderId").
struct Canceled {
  Order order;
  ClientOrderId client_order_id;
};

enum class CancelReplaceMode : std::uint8_t {
  stop_on_failure,  // a failed cancel places nothing
  allow_failure,    // place the new order even if the cancel failed
};

// POST order/cancelReplace: cancel `cancel`, then place `place` (same account and symbol).
struct CancelReplace {
  CancelOrder cancel;
  PlaceOrder place;
  CancelReplaceMode mode = CancelReplaceMode::stop_on_failure;
};

struct CancelReplaced {
  core::Status cancel_status;            // ok, or why the cancel failed
  std::optional<Canceled> canceled;      // set when the cancel succeeded
  core::Status place_status;             // ok, why placing failed, or ok-and-absent if not tried
  std::optional<Placed> placed;          // set when the new order was placed
  bool place_attempted = false;
};

}  // namespace mockex::venue
