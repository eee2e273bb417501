#include "reference_book.hpp"

#include <algorithm>
#include <map>

namespace mockex::book::test_support {

using core::ErrorCode;

namespace {

bool stop_loss(OrderType type) {
  return type == OrderType::stop_loss || type == OrderType::stop_loss_limit;
}
bool market_like(OrderType type) {
  return type == OrderType::market || type == OrderType::stop_loss ||
         type == OrderType::take_profit;
}

}  // namespace

ReferenceBook::ReferenceBook(BookConfig config)
    : config_(config), trade_id_(config.first_trade_id) {}

int ReferenceBook::index_of(core::OrderId id) const {
  for (std::size_t i = 0; i < orders_.size(); ++i) {
    if (orders_[i].params.id == id) return static_cast<int>(i);
  }
  return -1;
}

ErrorCode ReferenceBook::check(const NewOrder& o, std::uint64_t replacing) const {
  if (o.id.value() == 0) return ErrorCode::book_invalid_order_id;
  if (o.id.value() != replacing && index_of(o.id) >= 0) return ErrorCode::book_duplicate_order_id;
  const bool is_market = o.type == OrderType::market;
  if (is_market) {
    if (o.price.units() != 0) return ErrorCode::book_invalid_price;
    if (o.stop_price.units() != 0) return ErrorCode::book_invalid_stop_price;
    const int ways = (o.qty.units() > 0 ? 1 : 0) + (o.quote_qty.units() > 0 ? 1 : 0);
    if (ways != 1 || o.qty.units() < 0 || o.quote_qty.units() < 0) {
      return ErrorCode::book_invalid_quantity;
    }
    return ErrorCode::ok;
  }
  if (o.quote_qty.units() != 0) return ErrorCode::book_invalid_parameters;
  if (o.qty.units() <= 0) return ErrorCode::book_invalid_quantity;
  const bool wants_price = has_limit_price(o.type);
  if (wants_price ? o.price.units() <= 0 : o.price.units() != 0) {
    return ErrorCode::book_invalid_price;
  }
  const bool wants_stop = is_stop(o.type);
  if (wants_stop ? o.stop_price.units() <= 0 : o.stop_price.units() != 0) {
    return ErrorCode::book_invalid_stop_price;
  }
  return ErrorCode::ok;
}

bool ReferenceBook::better_or_equal(const Ref& taker, std::int64_t price) const {
  if (market_like(taker.params.type)) return true;
  return taker.params.side == Side::buy ? price <= taker.params.price.units()
                                        : price >= taker.params.price.units();
}

int ReferenceBook::best_maker(const Ref& taker) const {
  int best = -1;
  for (std::size_t i = 0; i < orders_.size(); ++i) {
    const Ref& r = orders_[i];
    if (r.pending || r.params.side == taker.params.side) continue;
    if (!better_or_equal(taker, r.params.price.units())) continue;
    if (best < 0) {
      best = static_cast<int>(i);
      continue;
    }
    const Ref& b = orders_[static_cast<std::size_t>(best)];
    const std::int64_t rp = r.params.price.units();
    const std::int64_t bp = b.params.price.units();
    const bool better_price = r.params.side == Side::sell ? rp < bp : rp > bp;
    if (better_price || (rp == bp && r.seq < b.seq)) best = static_cast<int>(i);
  }
  return best;
}

bool ReferenceBook::fok_ok(const Ref& taker) const {
  // Walk the makers in priority order on a copy, as the match would.
  std::vector<Ref> makers;
  for (const Ref& r : orders_) {
    if (!r.pending && r.params.side != taker.params.side &&
        better_or_equal(taker, r.params.price.units())) {
      makers.push_back(r);
    }
  }
  std::sort(makers.begin(), makers.end(), [](const Ref& a, const Ref& b) {
    if (a.params.price != b.params.price) {
      return a.params.side == Side::sell ? a.params.price < b.params.price
                                         : a.params.price > b.params.price;
    }
    return a.seq < b.seq;
  });
  std::int64_t got = 0;
  for (const Ref& m : makers) {
    const bool self = taker.params.stp != StpMode::none && taker.params.owner.value() != 0 &&
                      m.params.owner == taker.params.owner;
    if (self) {
      if (taker.params.stp == StpMode::expire_maker) continue;
      return false;
    }
    got += m.open;
    if (got >= taker.open) return true;
  }
  return false;
}

void ReferenceBook::done(const Ref& order, DoneReason reason, Events& out) const {
  out.push_back(OrderDone{order.params.id, order.params.owner, reason, core::Qty{order.filled},
                          core::Qty{order.open}});
}

void ReferenceBook::take(Ref taker, std::optional<core::Int128> budget, Events& out) {
  const NewOrder& p = taker.params;
  if (p.type == OrderType::limit_maker) {
    orders_.push_back(taker);
    return;
  }
  const bool limit_like = has_limit_price(p.type);
  if (limit_like && p.tif == TimeInForce::fok && !fok_ok(taker)) {
    done(taker, DoneReason::expired_fok, out);
    return;
  }
  bool stp_expired = false;
  bool budget_spent = false;
  while (budget ? true : taker.open > 0) {
    const int at = best_maker(taker);
    if (at < 0) break;
    Ref& maker = orders_[static_cast<std::size_t>(at)];
    const std::int64_t price = maker.params.price.units();
    if (p.stp != StpMode::none && p.owner.value() != 0 && maker.params.owner == p.owner) {
      out.push_back(MatchPrevented{prevented_id_++, p.id, maker.params.id, p.owner, p.stp,
                                   maker.params.price, core::Qty{taker.open},
                                   core::Qty{maker.open}});
      if (p.stp != StpMode::expire_taker) {
        const Ref gone = maker;
        orders_.erase(orders_.begin() + at);
        done(gone, DoneReason::expired_in_match, out);
      }
      if (p.stp != StpMode::expire_maker) {
        stp_expired = true;
        break;
      }
      continue;
    }
    std::int64_t fill = std::min(maker.open, budget ? maker.open : taker.open);
    if (budget) {
      core::Int128 can = *budget / price;
      if (can < fill) fill = static_cast<std::int64_t>(can);
      fill -= fill % config_.qty_step.units();
      if (fill == 0) {
        budget_spent = true;
        break;
      }
      *budget -= static_cast<core::Int128>(price) * fill;
    } else {
      taker.open -= fill;
    }
    maker.open -= fill;
    maker.filled += fill;
    taker.filled += fill;
    last_ = maker.params.price;
    out.push_back(Trade{core::TradeId{trade_id_++}, maker.params.id, p.id, maker.params.owner,
                        p.owner, maker.params.side, maker.params.price, core::Qty{fill},
                        core::Qty{maker.open}});
    if (maker.open == 0) {
      const Ref gone = maker;
      orders_.erase(orders_.begin() + at);
      done(gone, DoneReason::filled, out);
    }
  }
  if (stp_expired) {
    done(taker, DoneReason::expired_in_match, out);
  } else if (budget) {
    done(taker,
         budget_spent && taker.filled > 0 ? DoneReason::filled : DoneReason::expired_no_liquidity,
         out);
  } else if (taker.open == 0) {
    done(taker, DoneReason::filled, out);
  } else if (!limit_like) {
    done(taker, DoneReason::expired_no_liquidity, out);
  } else if (p.tif == TimeInForce::ioc) {
    done(taker, DoneReason::expired_ioc, out);
  } else {
    orders_.push_back(taker);
  }
}

bool ReferenceBook::triggered(const Ref& stop) const {
  if (!last_) return false;
  const bool up = stop_loss(stop.params.type) == (stop.params.side == Side::buy);
  return up ? *last_ >= stop.params.stop_price : *last_ <= stop.params.stop_price;
}

void ReferenceBook::triggers(Events& out) {
  // The next stop: in each direction the triggered stop nearest the old price (lowest stop for
  // the rising ones, highest for the falling ones, then the oldest); of the two, the older.
  auto rising = [](const Ref& r) {
    return stop_loss(r.params.type) == (r.params.side == Side::buy);
  };
  auto head = [&](bool up) {
    int best = -1;
    for (std::size_t i = 0; i < orders_.size(); ++i) {
      const Ref& r = orders_[i];
      if (!r.pending || rising(r) != up || !triggered(r)) continue;
      if (best >= 0) {
        const Ref& b = orders_[static_cast<std::size_t>(best)];
        const auto rs = r.params.stop_price;
        const auto bs = b.params.stop_price;
        const bool nearer = up ? rs < bs : rs > bs;
        if (!nearer && !(rs == bs && r.seq < b.seq)) continue;
      }
      best = static_cast<int>(i);
    }
    return best;
  };
  for (;;) {
    const int up = head(true);
    const int down = head(false);
    int go = up;
    if (down >= 0 && (up < 0 || orders_[static_cast<std::size_t>(down)].seq <
                                    orders_[static_cast<std::size_t>(up)].seq)) {
      go = down;
    }
    if (go < 0) return;
    Ref stop = orders_[static_cast<std::size_t>(go)];
    orders_.erase(orders_.begin() + go);
    out.push_back(StopTriggered{stop.params.id, stop.params.owner, stop.params.stop_price, *last_});
    stop.pending = false;
    stop.seq = seq_++;
    take(stop, std::nullopt, out);
  }
}

core::Status ReferenceBook::place(const NewOrder& order, Events& out) {
  if (orders_.size() >= config_.max_orders) return ErrorCode::book_full;
  Ref ref;
  ref.params = order;
  if (order.type == OrderType::limit_maker) ref.params.tif = TimeInForce::gtc;
  ref.open = order.qty.units();
  if (order.type == OrderType::limit_maker) {
    for (const Ref& r : orders_) {
      if (!r.pending && r.params.side != order.side &&
          better_or_equal(ref, r.params.price.units())) {
        return ErrorCode::book_would_take;
      }
    }
  }
  if (is_stop(order.type)) {
    ref.pending = true;
    if (triggered(ref)) return ErrorCode::book_stop_would_trigger;
    ref.seq = seq_++;
    orders_.push_back(ref);
    out.push_back(
        OrderAccepted{order.id, order.owner, order.side, order.type, OrderState::pending_trigger});
    return {};
  }
  ref.seq = seq_++;
  out.push_back(OrderAccepted{order.id, order.owner, order.side, order.type, OrderState::resting});
  std::optional<core::Int128> budget;
  if (order.type == OrderType::market && order.quote_qty.units() > 0) {
    const int shift =
        config_.price_scale.decimals + config_.qty_scale.decimals - config_.quote_scale.decimals;
    core::Int128 amount = order.quote_qty.units();
    for (int i = 0; i < shift; ++i) amount *= 10;
    for (int i = 0; i > shift; --i) amount /= 10;
    budget = amount;
  }
  take(ref, budget, out);
  triggers(out);
  return {};
}

core::Status ReferenceBook::submit(const NewOrder& order, Events& out) {
  if (const ErrorCode e = check(order, 0); e != ErrorCode::ok) return e;
  return place(order, out);
}

core::Status ReferenceBook::cancel(core::OrderId id, Events& out) {
  const int at = index_of(id);
  if (at < 0) return ErrorCode::book_unknown_order;
  const Ref gone = orders_[static_cast<std::size_t>(at)];
  orders_.erase(orders_.begin() + at);
  done(gone, DoneReason::canceled, out);
  return {};
}

std::size_t ReferenceBook::cancel_all(core::AccountId owner, Events& out) {
  std::vector<Ref> mine;
  for (const Ref& r : orders_) {
    if (r.params.owner == owner) mine.push_back(r);
  }
  std::sort(mine.begin(), mine.end(), [](const Ref& a, const Ref& b) { return a.seq < b.seq; });
  for (const Ref& r : mine) (void)cancel(r.params.id, out);
  return mine.size();
}

core::Status ReferenceBook::replace(core::OrderId old_id, const NewOrder& replacement,
                                    Events& out) {
  if (index_of(old_id) < 0) return ErrorCode::book_unknown_order;
  if (const ErrorCode e = check(replacement, old_id.value()); e != ErrorCode::ok) return e;
  (void)cancel(old_id, out);
  return place(replacement, out);
}

core::Status ReferenceBook::amend_qty(core::OrderId id, core::Qty open_qty, Events& out) {
  const int at = index_of(id);
  if (at < 0) return ErrorCode::book_unknown_order;
  if (open_qty.units() <= 0) return ErrorCode::book_invalid_quantity;
  Ref& r = orders_[static_cast<std::size_t>(at)];
  if (open_qty.units() == r.open) return {};
  const bool keep = open_qty.units() < r.open || r.pending;
  r.open = open_qty.units();
  if (!keep) r.seq = seq_++;
  out.push_back(OrderAmended{id, r.params.owner, open_qty, keep});
  return {};
}

core::Status ReferenceBook::set_last_price(core::Price price, Events& out) {
  if (price.units() <= 0) return ErrorCode::book_invalid_price;
  last_ = price;
  triggers(out);
  return {};
}

DepthSnapshot ReferenceBook::depth() const {
  std::map<std::int64_t, LevelInfo> bids;
  std::map<std::int64_t, LevelInfo> asks;
  for (const Ref& r : orders_) {
    if (r.pending) continue;
    auto& levels = r.params.side == Side::buy ? bids : asks;
    LevelInfo& level = levels[r.params.price.units()];
    level.price = r.params.price;
    level.qty += core::Qty{r.open};
    ++level.count;
  }
  DepthSnapshot snapshot;
  for (auto it = bids.rbegin(); it != bids.rend(); ++it) snapshot.bids.push_back(it->second);
  for (const auto& [price, level] : asks) snapshot.asks.push_back(level);
  return snapshot;
}

core::Result<core::Qty> ReferenceBook::queue_ahead(core::OrderId id) const {
  const int at = index_of(id);
  if (at < 0) return ErrorCode::book_unknown_order;
  const Ref& me = orders_[static_cast<std::size_t>(at)];
  if (me.pending) return ErrorCode::book_order_not_resting;
  std::int64_t ahead = 0;
  for (const Ref& r : orders_) {
    if (!r.pending && r.params.side == me.params.side && r.params.price == me.params.price &&
        r.seq < me.seq) {
      ahead += r.open;
    }
  }
  return core::Qty{ahead};
}

}  // namespace mockex::book::test_support
