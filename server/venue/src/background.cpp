// The market's own liquidity: levels that belong to no account, trades the market prints, and
// how those fill resting client orders under the instrument's fill model.

#include <algorithm>
#include <cassert>
#include <variant>
#include <vector>

#include "venue_impl.hpp"

namespace mockex::venue {

namespace {

// Prices of the levels of `side` that a price on the other side touches or crosses, best first.
std::vector<core::Price> levels_reached(const Market& m, Side side, core::Price price) {
  std::vector<core::Price> reached;
  std::vector<book::LevelInfo> levels;
  std::size_t wanted = 16;
  while (true) {
    levels.clear();
    m.book.depth(side, wanted, levels);
    for (std::size_t i = reached.size(); i < levels.size(); ++i) {
      const bool reaches = side == Side::buy ? levels[i].price >= price : levels[i].price <= price;
      if (!reaches) return reached;
      reached.push_back(levels[i].price);
    }
    if (levels.size() < wanted) return reached;
    wanted *= 8;
  }
}

}  // namespace

void Venue::Impl::forward_levels(Market& m, const book::Events& events) {
  for (const book::Event& event : events) {
    if (const auto* level = std::get_if<book::LevelChanged>(&event)) emit_level(m, *level);
  }
}

void Venue::Impl::consume_background(Market& m, core::OrderId id, core::Qty open, core::Qty qty) {
  scratch_events_.clear();
  const core::Status status = qty >= open ? m.book.cancel(id, scratch_events_)
                                          : m.book.amend_qty(id, open - qty, scratch_events_);
  assert(status && "a background order found in its level can be cut");
  (void)status;
  forward_levels(m, scratch_events_);
}

void Venue::Impl::remove_background(Market& m, Side side, core::Price price) {
  for (const book::OrderInfo& info : m.book.orders_at(side, price)) {
    if (!info.owner.is_valid()) consume_background(m, info.id, info.open_qty, info.open_qty);
  }
}

core::Status Venue::Impl::set_level_impl(Market& m, Side side, core::Price price, core::Qty qty) {
  if (!price.is_positive()) return core::ErrorCode::book_invalid_price;
  if (qty.units() < 0) return core::ErrorCode::book_invalid_quantity;
  // The market is never crossed with itself: its levels this price reaches on the other side go.
  for (const core::Price reached : levels_reached(m, book::opposite(side), price)) {
    remove_background(m, book::opposite(side), reached);
  }

  std::vector<book::OrderInfo> background;
  std::int64_t have = 0;
  for (const book::OrderInfo& info : m.book.orders_at(side, price)) {
    if (info.owner.is_valid()) continue;
    background.push_back(info);
    have += info.open_qty.units();
  }
  if (qty.units() > have) {
    // Growth joins the back of the queue. Client orders it crosses trade with it.
    book::NewOrder order;
    order.id = core::OrderId{m.next_background_id++};
    order.owner = core::kNoAccount;
    order.side = side;
    order.type = OrderType::limit;
    order.tif = TimeInForce::gtc;
    order.price = price;
    order.qty = core::Qty{qty.units() - have};
    book_events_.clear();
    if (auto status = m.book.submit(order, book_events_); !status) return status;
    process_book_events(m);
  } else {
    // Shrinkage comes off the newest volume, so what was queued first keeps its place.
    std::int64_t cut = have - qty.units();
    for (auto it = background.rbegin(); it != background.rend() && cut > 0; ++it) {
      const std::int64_t take = std::min(cut, it->open_qty.units());
      consume_background(m, it->id, it->open_qty, core::Qty{take});
      cut -= take;
    }
  }
  return {};
}

void Venue::Impl::market_fill(Market& m, OpenOrder& oo, core::Qty qty) {
  const Order& o = oo.order;
  const core::Qty open = o.orig_qty - o.executed_qty;
  const bool completes = qty >= open;
  scratch_events_.clear();
  const core::Status status = completes ? m.book.cancel(o.id, scratch_events_)
                                        : m.book.amend_qty(o.id, open - qty, scratch_events_);
  assert(status && "a resting client order can be cut");
  (void)status;
  const core::Qty filled = completes ? open : qty;
  const core::Amount quote = fill_quote(m, o.price, filled);
  const core::TradeId id{m.next_trade_id++};
  const Side side = o.side;
  const core::OrderId order_id = o.id;
  const core::Price price = o.price;
  apply_fill(m, oo, price, filled, true, id, quote, completes);
  settle_market_side(m, book::opposite(side), filled, quote);
  out_->push_back(PublicTrade{m.id, id, price, filled, side == Side::buy,
                              side == Side::buy ? order_id : core::OrderId{},
                              side == Side::sell ? order_id : core::OrderId{}, now_});
  forward_levels(m, scratch_events_);
  if (completes) close_order(m, oo);
}

void Venue::Impl::market_trade_impl(Market& m, core::Price price, core::Qty qty, Side aggressor) {
  const Side passive = book::opposite(aggressor);
  std::int64_t left = qty.units();
  for (const core::Price level : levels_reached(m, passive, price)) {
    const bool through = level != price;
    for (const book::OrderInfo& info : m.book.orders_at(passive, level)) {
      if (!info.owner.is_valid()) {
        // The trade took the market's own volume at its price, in queue order.
        if (through || left <= 0) continue;
        const std::int64_t take = std::min(left, info.open_qty.units());
        consume_background(m, info.id, info.open_qty, core::Qty{take});
        left -= take;
        continue;
      }
      OpenOrder& oo = m.open.at(info.id.value());
      if (through || m.spec.fill_model == FillModel::optimistic) {
        market_fill(m, oo, info.open_qty);
      } else if (left > 0) {
        const std::int64_t take = std::min(left, info.open_qty.units());
        market_fill(m, oo, core::Qty{take});
        left -= take;
      }
    }
  }
  out_->push_back(PublicTrade{m.id, core::TradeId{m.next_trade_id++}, price, qty,
                              aggressor == Side::sell, {}, {}, now_});
  m.last_price = price;
  scratch_events_.clear();
  (void)m.book.set_last_price(price, scratch_events_);
  forward_levels(m, scratch_events_);
  run_stops(m);
}

}  // namespace mockex::venue
