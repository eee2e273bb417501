// Matching: a taker against the opposite side in price-time priority, self-trade prevention,
// time in force, resting the remainder, and stop triggers.

#include <cassert>

#include "order_book_impl.hpp"

namespace mockex::book {

bool OrderBook::Impl::crosses(Side taker_side, std::int64_t limit, std::int64_t level_price) const {
  return taker_side == Side::buy ? level_price <= limit : level_price >= limit;
}

void OrderBook::Impl::emit_level(const Level& level, Side side, Events& out) {
  ++update_id_;
  out.push_back(LevelChanged{update_id_, side, core::Price{level.price}, core::Qty{level.total},
                             level.count});
}

void OrderBook::Impl::emit_done(const Order& order, DoneReason reason, Events& out) {
  out.push_back(OrderDone{core::OrderId{order.id}, core::AccountId{order.owner}, reason,
                          core::Qty{order.filled}, core::Qty{order.open}});
}

void OrderBook::Impl::finish(Order& order, DoneReason reason, Events& out) {
  emit_done(order, reason, out);
  index_.erase(order.id);
  orders_.release(&order);
}

void OrderBook::Impl::rest(Order& order, Events& out) {
  detail::BookSide& own = side_mut(order.side);
  Level& level = *own.find_or_insert(order.price, levels_);
  // submit() rejects orders that would overflow a level; a stop-limit triggered later cannot
  // be rejected any more, and reaching 2^63 units from validated quantities is not realistic.
  [[maybe_unused]] std::int64_t total = 0;
  assert(!__builtin_add_overflow(level.total, order.open, &total) && "level total overflow");
  order.state = OrderState::resting;
  detail::append(level, order);
  emit_level(level, order.side, out);
}

std::int64_t OrderBook::Impl::affordable(const QuoteBudget& budget, std::int64_t price,
                                         std::int64_t cap) const {
  const core::Int128 whole = budget.left / price;
  // Kept on the step grid (LOT_SIZE) even against a maker whose open quantity is not.
  const std::int64_t qty = whole > cap ? cap : static_cast<std::int64_t>(whole);
  return qty - qty % config_.qty_step.units();
}

bool OrderBook::Impl::fok_fillable(const Order& taker) const {
  const detail::BookSide& opp = side(opposite(taker.side));
  const bool stp_applies = taker.stp != StpMode::none && taker.owner != 0;
  std::int64_t available = 0;
  for (std::size_t rank = 0; rank < opp.size(); ++rank) {
    const Level& level = *opp.at(rank);
    if (!crosses(taker.side, taker.price, level.price)) return false;
    if (!stp_applies) {
      if (level.total >= taker.open - available) return true;
      available += level.total;
      continue;
    }
    for (const Order* maker = level.head; maker != nullptr; maker = maker->next) {
      if (maker->owner == taker.owner) {
        // EXPIRE_MAKER removes the maker and goes on; the other modes stop the taker here.
        if (taker.stp == StpMode::expire_maker) continue;
        return false;
      }
      if (maker->open >= taker.open - available) return true;
      available += maker->open;
    }
  }
  return false;
}

OrderBook::Impl::MatchEnd OrderBook::Impl::match(Order& taker, QuoteBudget* budget, Events& out) {
  detail::BookSide& opp = side_mut(opposite(taker.side));
  const Side maker_side = opp.side();
  const bool has_limit = has_limit_price(taker.type);
  const bool stp_applies = taker.stp != StpMode::none && taker.owner != 0;

  while (Level* level = opp.best()) {
    if (has_limit && !crosses(taker.side, taker.price, level->price)) break;
    bool touched = false;
    bool stop = false;
    MatchEnd end = MatchEnd::taker_done;
    Order* maker = level->head;
    while (maker != nullptr) {
      if (stp_applies && maker->owner == taker.owner) {
        out.push_back(MatchPrevented{next_prevented_id_++, core::OrderId{taker.id},
                                     core::OrderId{maker->id}, core::AccountId{taker.owner},
                                     taker.stp, core::Price{level->price}, core::Qty{taker.open},
                                     core::Qty{maker->open}});
        if (taker.stp == StpMode::expire_maker || taker.stp == StpMode::expire_both) {
          Order* next = maker->next;
          detail::unlink(*level, *maker);
          finish(*maker, DoneReason::expired_in_match, out);
          touched = true;
          maker = next;
        }
        if (taker.stp == StpMode::expire_taker || taker.stp == StpMode::expire_both) {
          end = MatchEnd::taker_expired_in_match;
          stop = true;
          break;
        }
        continue;
      }

      std::int64_t fill = maker->open;
      if (budget != nullptr) {
        fill = affordable(*budget, level->price, fill);
        if (fill == 0) {
          stop = true;  // cannot afford one more step here, nor anywhere worse
          break;
        }
        budget->left -= static_cast<core::Int128>(level->price) * fill;
      } else if (taker.open < fill) {
        fill = taker.open;
      }

      maker->open -= fill;
      maker->filled += fill;
      level->total -= fill;
      taker.filled += fill;
      if (budget == nullptr) taker.open -= fill;
      touched = true;
      last_price_ = level->price;
      has_last_price_ = true;
      out.push_back(Trade{core::TradeId{next_trade_id_++}, core::OrderId{maker->id},
                          core::OrderId{taker.id}, core::AccountId{maker->owner},
                          core::AccountId{taker.owner}, maker_side, core::Price{level->price},
                          core::Qty{fill}, core::Qty{maker->open}});

      if (maker->open == 0) {
        Order* next = maker->next;
        detail::unlink(*level, *maker);
        finish(*maker, DoneReason::filled, out);
        maker = next;
      }
      if (budget == nullptr && taker.open == 0) {
        stop = true;
        break;
      }
    }
    if (touched) {
      emit_level(*level, maker_side, out);
      if (level->count == 0) opp.erase(level, levels_);
    }
    if (stop) return end;
  }
  return MatchEnd::out_of_liquidity;
}

void OrderBook::Impl::execute(Order& taker, QuoteBudget* budget, Events& out) {
  if (taker.type == OrderType::limit_maker) {  // checked not to cross when placed
    rest(taker, out);
    return;
  }
  const bool limit_like = has_limit_price(taker.type);
  if (limit_like && taker.tif == TimeInForce::fok && !fok_fillable(taker)) {
    finish(taker, DoneReason::expired_fok, out);
    return;
  }
  const MatchEnd end = match(taker, budget, out);
  if (end == MatchEnd::taker_expired_in_match) {
    finish(taker, DoneReason::expired_in_match, out);
  } else if (budget != nullptr) {
    // Budget spent (to the last affordable step) is a fill; an empty book is not.
    const bool spent = end == MatchEnd::taker_done && taker.filled > 0;
    finish(taker, spent ? DoneReason::filled : DoneReason::expired_no_liquidity, out);
  } else if (taker.open == 0) {
    finish(taker, DoneReason::filled, out);
  } else if (!limit_like) {
    finish(taker, DoneReason::expired_no_liquidity, out);
  } else if (taker.tif == TimeInForce::ioc) {
    finish(taker, DoneReason::expired_ioc, out);
  } else {
    assert(taker.tif == TimeInForce::gtc && "a FOK that passed its check fills completely");
    rest(taker, out);
  }
}

// --- stops ---

bool OrderBook::Impl::rising_stop(Side side, OrderType type) {
  const bool stop_loss = type == OrderType::stop_loss || type == OrderType::stop_loss_limit;
  return stop_loss == (side == Side::buy);
}

bool OrderBook::Impl::stop_condition_met(Side side, OrderType type, std::int64_t stop,
                                         std::int64_t last) {
  return rising_stop(side, type) ? last >= stop : last <= stop;
}

void OrderBook::Impl::add_stop(Order& order) {
  if (rising_stop(order.side, order.type)) {
    rising_stops_.insert(StopKey{order.stop_price, order.seq, &order});
  } else {
    falling_stops_.insert(StopKey{-order.stop_price, order.seq, &order});
  }
}

void OrderBook::Impl::erase_stop(const Order& order) {
  if (rising_stop(order.side, order.type)) {
    rising_stops_.erase(StopKey{order.stop_price, order.seq, nullptr});
  } else {
    falling_stops_.erase(StopKey{-order.stop_price, order.seq, nullptr});
  }
}

void OrderBook::Impl::run_triggers(Events& out) {
  // One stop at a time: each may trade and move the last price, which decides the next. When
  // stops of both directions are due, the older one goes first.
  while (has_last_price_) {
    Order* next = nullptr;
    if (!rising_stops_.empty() && rising_stops_.begin()->key <= last_price_) {
      next = rising_stops_.begin()->order;
    }
    if (!falling_stops_.empty() && falling_stops_.begin()->key <= -last_price_ &&
        (next == nullptr || falling_stops_.begin()->seq < next->seq)) {
      next = falling_stops_.begin()->order;
    }
    if (next == nullptr) return;
    Order& order = *next;
    erase_stop(order);
    out.push_back(StopTriggered{core::OrderId{order.id}, core::AccountId{order.owner},
                                core::Price{order.stop_price}, core::Price{last_price_}});
    order.state = OrderState::resting;
    order.seq = next_seq_++;
    execute(order, nullptr, out);
  }
}

}  // namespace mockex::book
