// Order validation in Binance's order (spec §8.3): parameters, symbol status and permissions,
// symbol filters in the order of the filters array, account-state filters, duplicate client
// order id, balance, and finally what only the book can tell (post-only crossing, stop already
// due). Also the lock an order needs, and the walked bounds for orders without a price.

#include <algorithm>
#include <limits>
#include <type_traits>
#include <variant>

#include "mockex/core/arithmetic.hpp"
#include "level_walk.hpp"
#include "venue_impl.hpp"

namespace mockex::venue {

namespace {

using core::ErrorCode;

bool is_market_like(OrderType type) {
  return type == OrderType::market || type == OrderType::stop_loss ||
         type == OrderType::take_profit;
}

bool on_grid(std::int64_t value, std::int64_t min, std::int64_t step) {
  return step <= 0 || (value - min) % step == 0;
}

bool price_passes(const PriceFilter& f, core::Price price) {
  const auto p = price.units();
  if (f.min_price.units() > 0 && p < f.min_price.units()) return false;
  if (f.max_price.units() > 0 && p > f.max_price.units()) return false;
  return on_grid(p, f.min_price.units(), f.tick_size.units());
}

template <class LotFilter>
bool lot_passes(const LotFilter& f, core::Qty qty) {
  const auto q = qty.units();
  if (f.min_qty.units() > 0 && q < f.min_qty.units()) return false;
  if (f.max_qty.units() > 0 && q > f.max_qty.units()) return false;
  return on_grid(q, f.min_qty.units(), f.step_size.units());
}

// The notional an order is checked at, rounded as asked; none when there is nothing to check
// against (a MARKET by quantity before any trade).
struct NotionalRef {
  bool market_like = false;
  bool known = false;
  core::Int128 exact = 0;  // price * qty at price_scale + qty_scale, or quote rescaled there
};

NotionalRef reference_notional(const Market& m, const PlaceOrder& c) {
  NotionalRef ref;
  ref.market_like = is_market_like(c.type);
  core::Price price;
  if (book::has_limit_price(c.type)) {
    price = c.price;
  } else if (book::is_stop(c.type)) {
    price = c.stop_price;
  } else if (c.qty.is_zero()) {
    // By quote amount: the amount is the notional.
    const unsigned shift = m.spec.price_scale.decimals + m.spec.qty_scale.decimals;
    const int diff = static_cast<int>(shift) - static_cast<int>(m.quote_scale.decimals);
    ref.known = true;
    ref.exact = diff >= 0 ? static_cast<core::Int128>(c.quote_qty.units()) *
                                core::pow10_128(static_cast<unsigned>(diff))
                          : static_cast<core::Int128>(c.quote_qty.units()) /
                                core::pow10_128(static_cast<unsigned>(-diff));
    return ref;
  } else if (m.last_price) {
    price = *m.last_price;
  } else {
    return ref;
  }
  ref.known = true;
  ref.exact = static_cast<core::Int128>(price.units()) * c.qty.units();
  return ref;
}

// min <= notional: compares at the exact scale, so no rounding can let an order slip through.
bool at_least(const Market& m, const NotionalRef& ref, core::Amount min) {
  if (min.units() <= 0) return true;
  const unsigned shift = m.spec.price_scale.decimals + m.spec.qty_scale.decimals;
  const int diff = static_cast<int>(shift) - static_cast<int>(m.quote_scale.decimals);
  if (diff >= 0) {
    return ref.exact >= static_cast<core::Int128>(min.units()) * core::pow10_128(static_cast<unsigned>(diff));
  }
  // The notional has fewer decimals than the quote asset: compare at the quote scale.
  return ref.exact * core::pow10_128(static_cast<unsigned>(-diff)) >= min.units();
}

bool at_most(const Market& m, const NotionalRef& ref, core::Amount max) {
  if (max.units() <= 0) return true;
  const unsigned shift = m.spec.price_scale.decimals + m.spec.qty_scale.decimals;
  const int diff = static_cast<int>(shift) - static_cast<int>(m.quote_scale.decimals);
  if (diff >= 0) {
    return ref.exact <= static_cast<core::Int128>(max.units()) * core::pow10_128(static_cast<unsigned>(diff));
  }
  return ref.exact * core::pow10_128(static_cast<unsigned>(-diff)) <= max.units();
}

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

core::Status Venue::Impl::check_symbol_filters(const Market& m, const PlaceOrder& c) const {
  const bool by_quote = c.type == OrderType::market && c.qty.is_zero();
  for (const SymbolFilter& filter : m.spec.filters) {
    const ErrorCode failed = std::visit(
        Overloaded{
            [&](const PriceFilter& f) {
              if (book::has_limit_price(c.type) && !price_passes(f, c.price)) {
                return ErrorCode::filter_price;
              }
              if (book::is_stop(c.type) && !price_passes(f, c.stop_price)) {
                return ErrorCode::filter_price;
              }
              return ErrorCode::ok;
            },
            [&](const LotSizeFilter& f) {
              return !by_quote && !lot_passes(f, c.qty) ? ErrorCode::filter_lot_size
                                                        : ErrorCode::ok;
            },
            [&](const MarketLotSizeFilter& f) {
              return is_market_like(c.type) && !by_quote && !lot_passes(f, c.qty)
                         ? ErrorCode::filter_market_lot_size
                         : ErrorCode::ok;
            },
            [&](const NotionalFilter& f) {
              const NotionalRef ref = reference_notional(m, c);
              if (!ref.known) return ErrorCode::ok;
              const bool check_min = !ref.market_like || f.apply_min_to_market;
              const bool check_max = !ref.market_like || f.apply_max_to_market;
              if (check_min && !at_least(m, ref, f.min_notional)) return ErrorCode::filter_notional;
              if (check_max && !at_most(m, ref, f.max_notional)) return ErrorCode::filter_notional;
              return ErrorCode::ok;
            },
            [&](const MinNotionalFilter& f) {
              const NotionalRef ref = reference_notional(m, c);
              if (!ref.known || (ref.market_like && !f.apply_to_market)) return ErrorCode::ok;
              return at_least(m, ref, f.min_notional) ? ErrorCode::ok
                                                      : ErrorCode::filter_min_notional;
            },
            [](const MaxNumOrdersFilter&) { return ErrorCode::ok; },
            [](const MaxNumAlgoOrdersFilter&) { return ErrorCode::ok; },
        },
        filter);
    if (failed != ErrorCode::ok) return failed;
  }
  return {};
}

core::Status Venue::Impl::check_account_filters(const Market& m, const AccountState& acc,
                                                OrderType type) const {
  const AccountSymbol& mine = acc.symbols[m.id.value];
  for (const SymbolFilter& filter : m.spec.filters) {
    if (const auto* f = std::get_if<MaxNumOrdersFilter>(&filter)) {
      if (f->max_num_orders > 0 && mine.open_orders >= f->max_num_orders) {
        return ErrorCode::account_max_num_orders;
      }
    } else if (const auto* a = std::get_if<MaxNumAlgoOrdersFilter>(&filter)) {
      if (book::is_stop(type) && a->max_num_algo_orders > 0 &&
          mine.open_algo >= a->max_num_algo_orders) {
        return ErrorCode::account_max_num_algo_orders;
      }
    }
  }
  return {};
}

core::Result<Prepared> Venue::Impl::validate(const Market& m, const AccountState& acc,
                                             const PlaceOrder& c) const {
  // 2. Parameters the type needs, and none it does not (the dialect has told the client which;
  //    this keeps the book's preconditions whoever calls).
  const bool limit_priced = book::has_limit_price(c.type);
  if (limit_priced != c.price.is_positive() || c.price.units() < 0) {
    return ErrorCode::book_invalid_price;
  }
  if (book::is_stop(c.type) != c.stop_price.is_positive() || c.stop_price.units() < 0) {
    return ErrorCode::book_invalid_stop_price;
  }
  if (c.qty.units() < 0 || c.quote_qty.units() < 0) return ErrorCode::book_invalid_quantity;
  if (c.max_fill_qty && c.max_fill_qty->units() < 0) return ErrorCode::book_invalid_quantity;
  if (c.type == OrderType::market) {
    if (c.qty.is_zero() == c.quote_qty.is_zero()) return ErrorCode::book_invalid_quantity;
  } else {
    if (!c.quote_qty.is_zero()) return ErrorCode::book_invalid_parameters;
    if (c.qty.is_zero()) return ErrorCode::book_invalid_quantity;
  }
  if (static_cast<unsigned>(c.side) > 1 || static_cast<unsigned>(c.type) > 6 ||
      static_cast<unsigned>(c.tif) > 2) {
    return ErrorCode::book_invalid_parameters;
  }

  // 3. Symbol status and what the symbol allows.
  if (m.spec.status != TradingStatus::trading) return ErrorCode::venue_market_closed;
  if (!m.spec.order_types.contains(c.type)) return ErrorCode::venue_order_type_not_supported;
  if (c.type == OrderType::market && c.qty.is_zero() && !m.spec.quote_order_qty_market_allowed) {
    return ErrorCode::venue_quote_qty_not_allowed;
  }
  const StpMode stp = c.stp.value_or(m.spec.default_stp);
  if (stp != StpMode::none &&
      std::find(m.spec.allowed_stp.begin(), m.spec.allowed_stp.end(), stp) ==
          m.spec.allowed_stp.end()) {
    return ErrorCode::venue_stp_mode_not_allowed;
  }

  // 4. Symbol filters, 5. account-state filters.
  if (auto status = check_symbol_filters(m, c); !status) return status.error();
  if (auto status = check_account_filters(m, acc, c.type); !status) return status.error();
  if (m.book.order_count() >= limits_.max_book_orders) return ErrorCode::book_full;

  // 6. Client order id unique among the account's open orders.
  if (!c.client_order_id.empty() && acc.open_by_client_id.contains(c.client_order_id)) {
    return ErrorCode::account_duplicate_client_order_id;
  }

  // 7. Balance.
  Prepared prepared;
  prepared.stp = stp;
  prepared.lock_asset = c.side == Side::buy ? m.quote : m.base;
  auto lock = lock_for(m, acc, c, stp);
  if (!lock) return ErrorCode::account_insufficient_balance;
  prepared.lock = *lock;
  if (acc.balances[prepared.lock_asset.value].free < prepared.lock) {
    return ErrorCode::account_insufficient_balance;
  }

  // 8. What the book decides.
  if (c.type == OrderType::limit_maker) {
    const auto best = c.side == Side::buy ? m.book.best_ask() : m.book.best_bid();
    if (best && (c.side == Side::buy ? best->price <= c.price : best->price >= c.price)) {
      return ErrorCode::book_would_take;
    }
  }
  if (book::is_stop(c.type) && m.last_price && stop_due(c.side, c.type, c.stop_price, *m.last_price)) {
    return ErrorCode::book_stop_would_trigger;
  }
  return prepared;
}

core::Result<core::Amount> Venue::Impl::lock_for(const Market& m, const AccountState& acc,
                                                 const PlaceOrder& c, StpMode stp) const {
  if (c.side == Side::sell) {
    if (c.type == OrderType::market && c.qty.is_zero()) {
      return sell_base_bound(m, acc.spec.id, c.quote_qty, stp);
    }
    auto units = core::rescale(c.qty.units(), m.spec.qty_scale, m.base_scale);
    if (!units) return units.error();
    return core::Amount{*units};
  }
  if (book::has_limit_price(c.type)) {
    return core::notional(c.price, m.spec.price_scale, c.qty, m.spec.qty_scale, m.quote_scale,
                          core::Rounding::up);
  }
  if (book::is_stop(c.type)) {
    return core::notional(c.stop_price, m.spec.price_scale, c.qty, m.spec.qty_scale,
                          m.quote_scale, core::Rounding::up);
  }
  if (c.qty.is_zero()) return c.quote_qty;
  return buy_cost_bound(m, acc.spec.id, c.qty, stp);
}

namespace {

// Calls visit(price, available qty) for each level of `side`, best first, until it returns
// false. With EXPIRE_MAKER the taker skips its own orders, so they are not available to it.
template <class Visit>
void walk_levels(const Market& m, const AccountState* owner, Side side, StpMode stp, Visit visit) {
  const bool skip_own = stp == StpMode::expire_maker && owner != nullptr &&
                        owner->symbols[m.id.value].open_orders > 0;
  detail::for_each_level(m.book, side, 32, [&](const book::LevelInfo& level) {
    std::int64_t available = level.qty.units();
    if (skip_own) {
      for (const book::OrderInfo& info : m.book.orders_at(side, level.price)) {
        if (info.owner == owner->spec.id) available -= info.open_qty.units();
      }
    }
    return visit(level.price, available);
  });
}

}  // namespace

core::Result<core::Amount> Venue::Impl::buy_cost_bound(const Market& m, core::AccountId owner,
                                                       core::Qty qty, StpMode stp) const {
  std::int64_t left = qty.units();
  core::Int128 total = 0;
  bool overflow = false;
  walk_levels(m, account(owner), Side::sell, stp, [&](core::Price price, std::int64_t available) {
    const std::int64_t take = std::min(left, available);
    if (take > 0) {
      auto cost = core::notional(price, m.spec.price_scale, core::Qty{take}, m.spec.qty_scale,
                                 m.quote_scale, core::Rounding::up);
      if (!cost) {
        overflow = true;
        return false;
      }
      total += cost->units();
      left -= take;
    }
    return left > 0;
  });
  if (overflow || total > std::numeric_limits<std::int64_t>::max()) {
    return ErrorCode::arithmetic_overflow;
  }
  return core::Amount{static_cast<std::int64_t>(total)};
}

core::Result<core::Amount> Venue::Impl::sell_base_bound(const Market& m, core::AccountId owner,
                                                        core::Amount quote, StpMode stp) const {
  // The book takes whole resting orders while the budget lasts and stops at the first it can
  // only take part of; so it reaches a level only if every better level cost less than the
  // budget, and at the level where it stops it gets at most budget / price.
  const unsigned shift = m.spec.price_scale.decimals + m.spec.qty_scale.decimals;
  auto budget = core::rescale(quote.units(), m.quote_scale,
                              core::Scale{static_cast<std::uint8_t>(shift)}, core::Rounding::up);
  if (!budget) return budget.error();
  core::Int128 left = *budget;
  core::Int128 base = 0;
  walk_levels(m, account(owner), Side::buy, stp, [&](core::Price price, std::int64_t available) {
    if (available <= 0) return true;
    const core::Int128 full = static_cast<core::Int128>(price.units()) * available;
    if (full <= left) {
      base += available;
      left -= full;
      return left > 0;
    }
    base += left / price.units();
    return false;
  });
  if (base > std::numeric_limits<std::int64_t>::max()) return ErrorCode::arithmetic_overflow;
  auto units = core::rescale(static_cast<std::int64_t>(base), m.spec.qty_scale, m.base_scale);
  if (!units) return units.error();
  return core::Amount{*units};
}

}  // namespace mockex::venue
