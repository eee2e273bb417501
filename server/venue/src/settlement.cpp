// Turning book events into venue events and balance movements: fills settle buyer, seller,
// fees and the market ledger; finished orders release their locks; level changes become depth
// updates; balance changes are reported once per account at the end of each command.

#include <cassert>
#include <type_traits>
#include <variant>

#include "mockex/core/arithmetic.hpp"
#include "venue_impl.hpp"

namespace mockex::venue {

namespace {

bool is_quote_market(const Order& order) {
  return order.type == OrderType::market && order.orig_quote_qty.is_positive();
}

core::Amount commission_of(core::Amount received, CommissionRate rate) {
  if (rate.units <= 0) return {};
  auto fee = core::mul_div(received.units(), rate.units, CommissionRate::kOne, core::Rounding::down);
  assert(fee && "a rate <= 1 keeps the fee within the amount");
  return core::Amount{fee.value_or(0)};
}

// For a quote-amount MARKET: whether the book's next word on `taker` (after event `from`) is
// that it is done and filled, i.e. this fill spent the budget.
bool done_filled_next(const book::Events& events, std::size_t from, core::OrderId taker) {
  for (std::size_t i = from + 1; i < events.size(); ++i) {
    if (const auto* trade = std::get_if<book::Trade>(&events[i])) {
      if (trade->taker == taker) return false;
    } else if (const auto* done = std::get_if<book::OrderDone>(&events[i])) {
      if (done->order == taker) return done->reason == book::DoneReason::filled;
    }
  }
  return false;
}

ExpiryReason expiry_of(book::DoneReason reason) {
  switch (reason) {
    case book::DoneReason::expired_ioc: return ExpiryReason::unfilled_ioc;
    case book::DoneReason::expired_fok: return ExpiryReason::unfilled_fok;
    case book::DoneReason::expired_no_liquidity: return ExpiryReason::insufficient_liquidity;
    default: return ExpiryReason::none;
  }
}

}  // namespace

core::Amount Venue::Impl::to_base_amount(const Market& m, core::Qty qty) const {
  auto units = core::rescale(qty.units(), m.spec.qty_scale, m.base_scale);
  assert(units && "an order's quantity was locked at the base scale, so it fits");
  return core::Amount{units.value_or(0)};
}

core::Amount Venue::Impl::fill_quote(const Market& m, core::Price price, core::Qty qty) const {
  auto quote = core::notional(price, m.spec.price_scale, qty, m.spec.qty_scale, m.quote_scale,
                              core::Rounding::down);
  assert(quote && "a fill's notional is within what was locked for it");
  return quote.value_or(core::Amount{});
}

void Venue::Impl::lock(AccountState& acc, OpenOrder& oo, core::Amount amount) {
  Balance& balance = acc.balances[oo.lock_asset.value];
  balance.free -= amount;
  balance.locked += amount;
  oo.locked += amount;
  mark_dirty(acc, oo.lock_asset);
}

void Venue::Impl::release(AccountState& acc, OpenOrder& oo, core::Amount amount) {
  Balance& balance = acc.balances[oo.lock_asset.value];
  balance.free += amount;
  balance.locked -= amount;
  oo.locked -= amount;
  mark_dirty(acc, oo.lock_asset);
}

void Venue::Impl::mark_dirty(AccountState& acc, AssetId asset) {
  for (const auto& [who, what] : dirty_) {
    if (who == &acc && what == asset) return;
  }
  dirty_.emplace_back(&acc, asset);
}

void Venue::Impl::flush_positions() {
  // One event per account, in the order accounts were first touched, assets in that order too.
  for (std::size_t i = 0; i < dirty_.size(); ++i) {
    AccountState* acc = dirty_[i].first;
    if (acc == nullptr) continue;
    AccountPosition position;
    position.account = acc->spec.id;
    position.time = now_;
    for (std::size_t j = i; j < dirty_.size(); ++j) {
      if (dirty_[j].first != acc) continue;
      if (position.count == position.assets.size()) {
        out_->push_back(position);
        position.count = 0;
      }
      const AssetId asset = dirty_[j].second;
      const Balance& balance = acc->balances[asset.value];
      position.assets[position.count++] = AssetPosition{asset, balance.free, balance.locked};
      dirty_[j].first = nullptr;
    }
    out_->push_back(position);
  }
  dirty_.clear();
}

void Venue::Impl::emit_update(ExecType exec, const OpenOrder& oo, const std::optional<Fill>& fill,
                              const ClientOrderId& cancel_id, core::OrderId counter) {
  OrderUpdate update;
  update.exec = exec;
  update.order = oo.order;
  if (cancel_id.empty()) {
    update.client_order_id = oo.order.client_order_id;
  } else {
    update.client_order_id = cancel_id;
    update.orig_client_order_id = oo.order.client_order_id;
  }
  update.last_fill = fill;
  update.counter_order = counter;
  update.time = now_;
  out_->push_back(std::move(update));
}

void Venue::Impl::emit_level(const Market& m, const book::LevelChanged& level) {
  out_->push_back(DepthUpdate{m.id, level.update_id, level.side, level.price, level.qty,
                              level.count, now_});
}

void Venue::Impl::settle_market_side(const Market& m, Side market_side, core::Qty qty,
                                     core::Amount quote) {
  const core::Amount base = to_base_amount(m, qty);
  if (market_side == Side::sell) {
    market_[m.base.value] -= base;
    market_[m.quote.value] += quote;
  } else {
    market_[m.base.value] += base;
    market_[m.quote.value] -= quote;
  }
}

void Venue::Impl::apply_fill(Market& m, OpenOrder& oo, core::Price price, core::Qty qty,
                             bool is_maker, core::TradeId trade_id, core::Amount quote,
                             bool completes) {
  AccountState& acc = *account(oo.order.account);
  Order& o = oo.order;
  const core::Amount base = to_base_amount(m, qty);
  Balance& base_balance = acc.balances[m.base.value];
  Balance& quote_balance = acc.balances[m.quote.value];
  const CommissionRate rate = is_maker ? acc.spec.maker : acc.spec.taker;

  Fill fill{m.id, trade_id, o.id, o.account, o.side, is_maker, price, qty, quote, {}, {}, now_};
  if (o.side == Side::buy) {
    assert(oo.locked >= quote && "a BUY's lock covers each fill");
    oo.locked -= quote;
    quote_balance.locked -= quote;
    fill.commission = commission_of(base, rate);
    fill.commission_asset = m.base;
    base_balance.free += base - fill.commission;
    fees_[m.base.value] += fill.commission;
  } else {
    assert(oo.locked >= base && "a SELL's lock covers each fill");
    oo.locked -= base;
    base_balance.locked -= base;
    fill.commission = commission_of(quote, rate);
    fill.commission_asset = m.quote;
    quote_balance.free += quote - fill.commission;
    fees_[m.quote.value] += fill.commission;
  }
  mark_dirty(acc, m.base);
  mark_dirty(acc, m.quote);

  o.executed_qty += qty;
  o.cumulative_quote_qty += quote;
  o.update_time = now_;
  if (completes && is_quote_market(o)) o.orig_qty = o.executed_qty;
  o.status = completes ? OrderStatus::filled : OrderStatus::partially_filled;

  // A BUY with a limit price that filled better than its limit keeps only what its open
  // quantity can still cost at that limit.
  if (o.side == Side::buy && book::has_limit_price(o.type) && !completes) {
    auto needed = core::notional(o.price, m.spec.price_scale, o.orig_qty - o.executed_qty,
                                 m.spec.qty_scale, m.quote_scale, core::Rounding::up);
    if (needed && oo.locked > *needed) release(acc, oo, oo.locked - *needed);
  }

  AccountSymbol& mine = acc.symbols[m.id.value];
  mine.trades.push_back(fill);
  while (mine.trades.size() > limits_.trade_history) mine.trades.pop_front();
  if (taker_fills_ != nullptr && !is_maker && o.id.value() == taker_id_) {
    taker_fills_->push_back(fill);
  }
  emit_update(ExecType::trade, oo, fill);
}

void Venue::Impl::process_book_events(Market& m) {
  // Handlers may close orders and so erase from m.open, but never touch book_events_.
  const book::Events& events = book_events_;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const book::Event& event = events[i];
    if (const auto* trade = std::get_if<book::Trade>(&event)) {
      const core::Amount quote = fill_quote(m, trade->price, trade->qty);
      const core::TradeId id{m.next_trade_id++};
      m.last_price = trade->price;
      if (trade->maker_owner.is_valid()) {
        OpenOrder& maker = m.open.at(trade->maker.value());
        apply_fill(m, maker, trade->price, trade->qty, true, id, quote,
                   trade->maker_open_qty.is_zero());
      } else {
        settle_market_side(m, trade->maker_side, trade->qty, quote);
      }
      if (trade->taker_owner.is_valid()) {
        OpenOrder& taker = m.open.at(trade->taker.value());
        const Order& o = taker.order;
        // A capped order had more to execute than the book was given: it never completes.
        const bool completes = !taker.capped && (is_quote_market(o)
                                                     ? done_filled_next(events, i, o.id)
                                                     : o.executed_qty + trade->qty == o.orig_qty);
        apply_fill(m, taker, trade->price, trade->qty, false, id, quote, completes);
      } else {
        settle_market_side(m, book::opposite(trade->maker_side), trade->qty, quote);
      }
      const bool buyer_is_maker = trade->maker_side == Side::buy;
      const auto order_of = [](core::OrderId order, core::AccountId owner) {
        return owner.is_valid() ? order : core::OrderId{};
      };
      const core::OrderId maker = order_of(trade->maker, trade->maker_owner);
      const core::OrderId taker = order_of(trade->taker, trade->taker_owner);
      out_->push_back(PublicTrade{m.id, id, trade->price, trade->qty, buyer_is_maker,
                                  buyer_is_maker ? maker : taker, buyer_is_maker ? taker : maker,
                                  now_});
    } else if (const auto* done = std::get_if<book::OrderDone>(&event)) {
      if (!done->owner.is_valid()) continue;  // background liquidity
      OpenOrder& oo = m.open.at(done->order.value());
      Order& o = oo.order;
      o.update_time = now_;
      book::DoneReason reason = done->reason;
      if (oo.capped && reason != book::DoneReason::expired_in_match) {
        // The book was given only the capped part: the rest of the order expires as if the book
        // had run out of liquidity.
        reason = book::DoneReason::expired_no_liquidity;
      }
      switch (reason) {
        case book::DoneReason::filled:
          // The last fill already reported FILLED.
          o.status = OrderStatus::filled;
          break;
        case book::DoneReason::canceled:
          o.status = OrderStatus::canceled;
          emit_update(ExecType::canceled, oo, {}, cancel_client_id_);
          break;
        case book::DoneReason::expired_ioc:
        case book::DoneReason::expired_fok:
        case book::DoneReason::expired_no_liquidity:
          o.status = OrderStatus::expired;
          o.expiry_reason = expiry_of(reason);
          if (is_quote_market(o)) o.orig_qty = o.executed_qty;
          emit_update(ExecType::expired, oo);
          break;
        case book::DoneReason::expired_in_match: {
          o.status = OrderStatus::expired_in_match;
          o.prevented_qty = done->open_qty;
          core::OrderId counter;
          if (last_prevented_) {
            counter = last_prevented_->taker == o.id ? last_prevented_->maker
                                                     : last_prevented_->taker;
          }
          if (is_quote_market(o)) o.orig_qty = o.executed_qty;
          emit_update(ExecType::trade_prevention, oo, {}, {}, counter);
          break;
        }
      }
      close_order(m, oo);
    } else if (const auto* level = std::get_if<book::LevelChanged>(&event)) {
      emit_level(m, *level);
    } else if (const auto* prevented = std::get_if<book::MatchPrevented>(&event)) {
      last_prevented_ = *prevented;
      for (const core::OrderId id : {prevented->taker, prevented->maker}) {
        const auto it = m.open.find(id.value());
        if (it != m.open.end()) it->second.order.prevented_match_id = prevented->prevented_match_id;
      }
    }
    // OrderAccepted, StopTriggered (the venue holds stops) and OrderAmended need nothing here.
  }
}

}  // namespace mockex::venue
