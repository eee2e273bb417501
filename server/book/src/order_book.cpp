// OrderBook's commands: validation, placement, cancel, replace, amend; and the public forwarding.

#include "mockex/book/order_book.hpp"

#include <algorithm>
#include <cassert>
#include <vector>

#include "order_book_impl.hpp"

namespace mockex::book {

using core::ErrorCode;

namespace {

bool valid_enums(const NewOrder& order) {
  return order.side <= Side::sell && order.type <= OrderType::take_profit_limit &&
         order.tif <= TimeInForce::fok && order.stp <= StpMode::expire_both;
}

}  // namespace

OrderBook::Impl::Impl(BookConfig config) : config_(config), next_trade_id_(config.first_trade_id) {
  assert(config_.qty_step.units() > 0);
  assert(config_.price_scale.decimals <= core::kMaxScale);
  assert(config_.qty_scale.decimals <= core::kMaxScale);
  assert(config_.quote_scale.decimals <= core::kMaxScale);
}

ErrorCode OrderBook::Impl::validate(const NewOrder& order, std::uint64_t replacing) const {
  if (!order.id.is_valid()) return ErrorCode::book_invalid_order_id;
  if (!valid_enums(order)) return ErrorCode::book_invalid_parameters;
  if (order.id.value() != replacing && index_.find(order.id.value()) != nullptr) {
    return ErrorCode::book_duplicate_order_id;
  }
  if (order.type == OrderType::market) {
    if (!order.price.is_zero()) return ErrorCode::book_invalid_price;
    if (!order.stop_price.is_zero()) return ErrorCode::book_invalid_stop_price;
    const bool by_qty = order.qty.is_positive();
    const bool by_quote = order.quote_qty.is_positive();
    if (by_qty == by_quote || order.qty.units() < 0 || order.quote_qty.units() < 0) {
      return ErrorCode::book_invalid_quantity;
    }
    return ErrorCode::ok;
  }
  if (!order.quote_qty.is_zero()) return ErrorCode::book_invalid_parameters;
  if (!order.qty.is_positive()) return ErrorCode::book_invalid_quantity;
  if (has_limit_price(order.type) != order.price.is_positive() || order.price.units() < 0) {
    return ErrorCode::book_invalid_price;
  }
  if (is_stop(order.type) != order.stop_price.is_positive() || order.stop_price.units() < 0) {
    return ErrorCode::book_invalid_stop_price;
  }
  if (has_limit_price(order.type)) {
    // Resting must not overflow the level total (checked against the level as it is now).
    if (const detail::Level* level = side(order.side).find(order.price.units())) {
      std::int64_t sum = 0;
      if (__builtin_add_overflow(level->total, order.qty.units(), &sum)) {
        return ErrorCode::book_quantity_overflow;
      }
    }
  }
  return ErrorCode::ok;
}

core::Status OrderBook::Impl::place(const NewOrder& order, Events& out) {
  if (index_.size() >= config_.max_orders) return ErrorCode::book_full;
  if (order.type == OrderType::limit_maker) {
    const Level* best = side(opposite(order.side)).best();
    if (best != nullptr && crosses(order.side, order.price.units(), best->price)) {
      return ErrorCode::book_would_take;
    }
  }

  if (is_stop(order.type) && has_last_price_ &&
      stop_condition_met(order.side, order.type, order.stop_price.units(), last_price_)) {
    return ErrorCode::book_stop_would_trigger;
  }

  Order& o = *orders_.acquire();
  o.id = order.id.value();
  o.owner = order.owner.value();
  o.seq = next_seq_++;
  o.price = order.price.units();
  o.stop_price = order.stop_price.units();
  o.qty = order.qty.units();
  o.open = order.qty.units();
  o.side = order.side;
  o.type = order.type;
  o.tif = order.type == OrderType::limit_maker ? TimeInForce::gtc : order.tif;
  o.stp = order.stp;

  if (is_stop(order.type)) {
    o.state = OrderState::pending_trigger;
    index_.insert(o.id, &o);
    add_stop(o);
    out.push_back(
        OrderAccepted{order.id, order.owner, order.side, order.type, OrderState::pending_trigger});
    return {};
  }

  index_.insert(o.id, &o);
  out.push_back(OrderAccepted{order.id, order.owner, order.side, order.type, OrderState::resting});
  if (order.type == OrderType::market && order.quote_qty.is_positive()) {
    // Express the quote amount at scale price + qty decimals; a finer quote scale rounds down,
    // so the order never spends more than it was given.
    const int shift = int{config_.price_scale.decimals} + config_.qty_scale.decimals -
                      config_.quote_scale.decimals;
    QuoteBudget budget;
    budget.left = shift >= 0
                      ? static_cast<core::Int128>(order.quote_qty.units()) *
                            core::pow10_128(static_cast<unsigned>(shift))
                      : order.quote_qty.units() / core::pow10_128(static_cast<unsigned>(-shift));
    execute(o, &budget, out);
  } else {
    execute(o, nullptr, out);
  }
  run_triggers(out);
  return {};
}

core::Status OrderBook::Impl::submit(const NewOrder& order, Events& out) {
  if (const ErrorCode error = validate(order, 0); error != ErrorCode::ok) return error;
  return place(order, out);
}

void OrderBook::Impl::remove_open(Order& order, DoneReason reason, Events& out) {
  if (order.state == OrderState::pending_trigger) {
    erase_stop(order);
  } else {
    Level& level = *order.level;
    detail::BookSide& book_side = side_mut(order.side);
    detail::unlink(level, order);
    emit_level(level, order.side, out);
    if (level.count == 0) book_side.erase(&level, levels_);
  }
  finish(order, reason, out);
}

core::Status OrderBook::Impl::cancel(core::OrderId id, Events& out) {
  Order* order = index_.find(id.value());
  if (order == nullptr) return ErrorCode::book_unknown_order;
  remove_open(*order, DoneReason::canceled, out);
  return {};
}

std::size_t OrderBook::Impl::cancel_all(core::AccountId owner, Events& out) {
  std::vector<Order*> victims;
  index_.for_each([&](std::uint64_t, Order* order) {
    if (order->owner == owner.value()) victims.push_back(order);
  });
  std::sort(victims.begin(), victims.end(),
            [](const Order* a, const Order* b) { return a->seq < b->seq; });
  for (Order* order : victims) remove_open(*order, DoneReason::canceled, out);
  return victims.size();
}

core::Status OrderBook::Impl::replace(core::OrderId old_id, const NewOrder& replacement,
                                      Events& out) {
  Order* old = index_.find(old_id.value());
  if (old == nullptr) return ErrorCode::book_unknown_order;
  if (const ErrorCode error = validate(replacement, old_id.value()); error != ErrorCode::ok) {
    return error;
  }
  remove_open(*old, DoneReason::canceled, out);
  return place(replacement, out);
}

core::Status OrderBook::Impl::amend_qty(core::OrderId id, core::Qty open_qty, Events& out) {
  Order* found = index_.find(id.value());
  if (found == nullptr) return ErrorCode::book_unknown_order;
  if (!open_qty.is_positive()) return ErrorCode::book_invalid_quantity;
  Order& order = *found;
  const std::int64_t delta = open_qty.units() - order.open;
  if (delta == 0) return {};
  const bool kept_priority = delta < 0;
  if (order.state == OrderState::pending_trigger) {
    order.open += delta;
    order.qty += delta;
    out.push_back(OrderAmended{id, core::AccountId{order.owner}, open_qty, true});
    return {};
  }
  Level& level = *order.level;
  std::int64_t new_total = 0;
  if (__builtin_add_overflow(level.total, delta, &new_total)) {
    return ErrorCode::book_quantity_overflow;
  }
  if (kept_priority) {
    order.open += delta;
    order.qty += delta;
    level.total = new_total;
  } else {
    // A larger order goes to the back of the queue with new time priority.
    detail::unlink(level, order);
    order.open += delta;
    order.qty += delta;
    order.seq = next_seq_++;
    detail::append(level, order);
  }
  out.push_back(OrderAmended{id, core::AccountId{order.owner}, open_qty, kept_priority});
  emit_level(level, order.side, out);
  return {};
}

core::Status OrderBook::Impl::set_last_price(core::Price price, Events& out) {
  if (!price.is_positive()) return ErrorCode::book_invalid_price;
  last_price_ = price.units();
  has_last_price_ = true;
  run_triggers(out);
  return {};
}

// --- public forwarding ---

OrderBook::OrderBook(BookConfig config) : impl_(std::make_unique<Impl>(config)) {}
OrderBook::~OrderBook() = default;
OrderBook::OrderBook(OrderBook&&) noexcept = default;
OrderBook& OrderBook::operator=(OrderBook&&) noexcept = default;

core::Status OrderBook::submit(const NewOrder& order, Events& out) {
  return impl_->submit(order, out);
}
core::Status OrderBook::cancel(core::OrderId id, Events& out) { return impl_->cancel(id, out); }
std::size_t OrderBook::cancel_all(core::AccountId owner, Events& out) {
  return impl_->cancel_all(owner, out);
}
core::Status OrderBook::replace(core::OrderId old_id, const NewOrder& replacement, Events& out) {
  return impl_->replace(old_id, replacement, out);
}
core::Status OrderBook::amend_qty(core::OrderId id, core::Qty open_qty, Events& out) {
  return impl_->amend_qty(id, open_qty, out);
}
core::Status OrderBook::set_last_price(core::Price price, Events& out) {
  return impl_->set_last_price(price, out);
}

const BookConfig& OrderBook::config() const { return impl_->config(); }
std::optional<LevelInfo> OrderBook::best_bid() const { return impl_->best(Side::buy); }
std::optional<LevelInfo> OrderBook::best_ask() const { return impl_->best(Side::sell); }
TopOfBook OrderBook::top() const {
  return TopOfBook{impl_->best(Side::buy).value_or(LevelInfo{}),
                   impl_->best(Side::sell).value_or(LevelInfo{}), impl_->update_id()};
}
DepthSnapshot OrderBook::depth(std::size_t max_levels) const {
  DepthSnapshot snapshot;
  snapshot.update_id = impl_->update_id();
  impl_->depth(Side::buy, max_levels, snapshot.bids);
  impl_->depth(Side::sell, max_levels, snapshot.asks);
  return snapshot;
}
void OrderBook::depth(Side side, std::size_t max_levels, std::vector<LevelInfo>& out) const {
  impl_->depth(side, max_levels, out);
}
std::optional<OrderInfo> OrderBook::find(core::OrderId id) const { return impl_->find(id); }
core::Result<core::Qty> OrderBook::queue_ahead(core::OrderId id) const {
  return impl_->queue_ahead(id);
}
std::vector<OrderInfo> OrderBook::orders_at(Side side, core::Price price) const {
  return impl_->orders_at(side, price);
}
std::vector<OrderInfo> OrderBook::open_orders(core::AccountId owner) const {
  return impl_->open_orders(owner);
}
std::optional<core::Price> OrderBook::last_price() const { return impl_->last_price(); }
std::uint64_t OrderBook::update_id() const { return impl_->update_id(); }
std::size_t OrderBook::order_count() const { return impl_->order_count(); }
std::size_t OrderBook::level_count(Side side) const { return impl_->side(side).size(); }
std::optional<std::string> OrderBook::check_invariants() const { return impl_->check_invariants(); }
std::uint64_t OrderBook::state_hash() const { return impl_->state_hash(); }

}  // namespace mockex::book
