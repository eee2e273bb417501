// The fill_delay fault: an order placed with defer_matching is open (NEW, locked, cancellable)
// but in no book until release_deferred sends it there, as if it were placed at that moment.

#include <optional>

#include "venue_impl.hpp"

namespace mockex::venue {

core::Result<Placed> Venue::Impl::release_deferred_impl(Market& m, core::OrderId id) {
  const auto it = m.open.find(id.value());
  if (it == m.open.end() || !it->second.deferred) return core::ErrorCode::book_unknown_order;
  OpenOrder& oo = it->second;
  const Order& o = oo.order;
  AccountState& acc = *account(o.account);
  oo.deferred = false;

  Placed placed;
  taker_fills_ = &placed.fills;
  taker_id_ = id.value();

  // A MARKET whose lock was walked from the book at placement locks what the book asks now,
  // exactly what a placement now would lock; short of free balance, it expires (a placement now
  // would have been rejected for the balance).
  std::optional<core::Result<core::Amount>> walked;
  if (o.type == OrderType::market && o.side == Side::buy && o.orig_quote_qty.is_zero()) {
    walked = buy_cost_bound(m, o.account, o.orig_qty, o.stp);
  } else if (o.type == OrderType::market && o.side == Side::sell &&
             o.orig_quote_qty.is_positive()) {
    walked = sell_base_bound(m, o.account, o.orig_quote_qty, o.stp);
  }
  bool affordable = true;
  if (walked) {
    affordable = walked->ok() &&
                 (**walked <= oo.locked ||
                  acc.balances[oo.lock_asset.value].free >= **walked - oo.locked);
    if (affordable && **walked > oo.locked) lock(acc, oo, **walked - oo.locked);
    if (affordable && **walked < oo.locked) release(acc, oo, oo.locked - **walked);
  }

  if (!affordable) {
    expire_order(m, oo, ExpiryReason::insufficient_balance);
  } else if (!submit_to_book(m, oo, o.type)) {
    // What placement would have rejected once the order exists: a LIMIT_MAKER that would take
    // now, or a full book.
    expire_order(m, oo, ExpiryReason::none);
  }
  run_stops(m);
  taker_fills_ = nullptr;
  taker_id_ = 0;
  placed.order = latest(m, acc, id);
  return placed;
}

}  // namespace mockex::venue
