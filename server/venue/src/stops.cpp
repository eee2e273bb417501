// Stop orders, held by the venue until the last trade price reaches them, then sent to the book
// as MARKET (STOP_LOSS, TAKE_PROFIT) or LIMIT (the *_LIMIT types) under the same order id.

#include "venue_impl.hpp"

namespace mockex::venue {

bool Venue::Impl::rising_stop(Side side, OrderType type) {
  const bool stop_loss = type == OrderType::stop_loss || type == OrderType::stop_loss_limit;
  return stop_loss == (side == Side::buy);
}

bool Venue::Impl::stop_due(Side side, OrderType type, core::Price stop, core::Price last) {
  return rising_stop(side, type) ? last >= stop : last <= stop;
}

void Venue::Impl::add_stop(Market& m, OpenOrder& oo) {
  oo.pending_stop = true;
  oo.stop_seq = m.next_stop_seq++;
  const std::int64_t stop = oo.order.stop_price.units();
  if (rising_stop(oo.order.side, oo.order.type)) {
    m.rising_stops.emplace(StopKey{stop, oo.stop_seq}, oo.order.id.value());
  } else {
    m.falling_stops.emplace(StopKey{-stop, oo.stop_seq}, oo.order.id.value());
  }
}

void Venue::Impl::remove_stop(Market& m, const OpenOrder& oo) {
  const std::int64_t stop = oo.order.stop_price.units();
  if (rising_stop(oo.order.side, oo.order.type)) {
    m.rising_stops.erase(StopKey{stop, oo.stop_seq});
  } else {
    m.falling_stops.erase(StopKey{-stop, oo.stop_seq});
  }
}

void Venue::Impl::run_stops(Market& m) {
  // One at a time: each may trade and move the last price, which decides the next. When stops
  // of both directions are due, the older goes first.
  while (m.last_price) {
    const std::int64_t last = m.last_price->units();
    std::map<StopKey, std::uint64_t>* from = nullptr;
    if (!m.rising_stops.empty() && m.rising_stops.begin()->first.key <= last) {
      from = &m.rising_stops;
    }
    if (!m.falling_stops.empty() && m.falling_stops.begin()->first.key <= -last &&
        (from == nullptr || m.falling_stops.begin()->first.seq < from->begin()->first.seq)) {
      from = &m.falling_stops;
    }
    if (from == nullptr) return;
    const std::uint64_t id = from->begin()->second;
    from->erase(from->begin());

    OpenOrder& oo = m.open.at(id);
    oo.pending_stop = false;
    Order& o = oo.order;
    o.working_time = now_;
    o.update_time = now_;
    const bool to_market = o.type == OrderType::stop_loss || o.type == OrderType::take_profit;
    if (to_market && o.side == Side::buy) {
      // The stop_price * qty locked at placement was an estimate: lock what the book now asks.
      AccountState& acc = *account(o.account);
      const auto bound = buy_cost_bound(m, o.account, o.orig_qty, o.stp);
      const bool affordable =
          bound && (*bound <= oo.locked || acc.balances[m.quote.value].free >= *bound - oo.locked);
      if (!affordable) {
        expire_order(m, oo, ExpiryReason::insufficient_balance);
        continue;
      }
      if (*bound > oo.locked) lock(acc, oo, *bound - oo.locked);
    }
    if (!submit_to_book(m, oo, to_market ? OrderType::market : OrderType::limit)) {
      // Only a full book refuses a validated order.
      expire_order(m, oo, ExpiryReason::none);
    }
  }
}

}  // namespace mockex::venue
