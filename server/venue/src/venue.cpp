// Venue: configuration, the command entry points (each runs between begin() and end(), which
// reports balance changes), and queries.

#include "mockex/venue/venue.hpp"

#include <algorithm>
#include <cassert>

#include "venue_impl.hpp"

namespace mockex::venue {

Venue::Impl::Impl(core::Rng rng, VenueLimits limits) : rng_(rng), limits_(limits) {
  limits_.order_history = std::max<std::size_t>(limits_.order_history, 1);
}

Market* Venue::Impl::market(std::string_view symbol) {
  const auto it = symbol_by_name_.find(std::string{symbol});
  return it == symbol_by_name_.end() ? nullptr : markets_[it->second.value].get();
}

const Market* Venue::Impl::market(std::string_view symbol) const {
  const auto it = symbol_by_name_.find(std::string{symbol});
  return it == symbol_by_name_.end() ? nullptr : markets_[it->second.value].get();
}

AccountState* Venue::Impl::account(core::AccountId id) {
  const auto it = account_index_.find(id.value());
  return it == account_index_.end() ? nullptr : accounts_[it->second].get();
}

const AccountState* Venue::Impl::account(core::AccountId id) const {
  const auto it = account_index_.find(id.value());
  return it == account_index_.end() ? nullptr : accounts_[it->second].get();
}

void Venue::Impl::begin(core::Timestamp now, Events& out) {
  now_ = now;
  out_ = &out;
  dirty_.clear();
  last_prevented_.reset();
}

void Venue::Impl::end() {
  flush_positions();
  out_ = nullptr;
}

Venue::Venue(core::Rng rng, VenueLimits limits)
    : impl_(std::make_unique<Impl>(rng, limits)) {}
Venue::~Venue() = default;
Venue::Venue(Venue&&) noexcept = default;
Venue& Venue::operator=(Venue&&) noexcept = default;

// --- configuration ---

std::optional<std::string> Venue::add_asset(AssetSpec spec) {
  Impl& v = *impl_;
  if (spec.name.empty()) return "an asset needs a name";
  if (spec.scale.decimals > core::kMaxScale) return "asset " + spec.name + ": scale above 18";
  if (v.asset_by_name_.contains(spec.name)) return "asset " + spec.name + " is defined twice";
  const AssetId id{static_cast<std::uint32_t>(v.assets_.size())};
  v.asset_by_name_.emplace(spec.name, id);
  v.assets_.push_back(std::move(spec));
  v.fees_.emplace_back();
  v.market_.emplace_back();
  v.deposits_.emplace_back();
  for (auto& acc : v.accounts_) acc->balances.resize(v.assets_.size());
  return std::nullopt;
}

namespace {

std::optional<std::string> check_filters(const InstrumentSpec& spec) {
  for (const SymbolFilter& filter : spec.filters) {
    bool negative = false;
    if (const auto* p = std::get_if<PriceFilter>(&filter)) {
      negative = p->min_price.units() < 0 || p->max_price.units() < 0 || p->tick_size.units() < 0;
    } else if (const auto* l = std::get_if<LotSizeFilter>(&filter)) {
      negative = l->min_qty.units() < 0 || l->max_qty.units() < 0 || l->step_size.units() < 0;
    } else if (const auto* k = std::get_if<MarketLotSizeFilter>(&filter)) {
      negative = k->min_qty.units() < 0 || k->max_qty.units() < 0 || k->step_size.units() < 0;
    } else if (const auto* n = std::get_if<NotionalFilter>(&filter)) {
      negative = n->min_notional.units() < 0 || n->max_notional.units() < 0;
    } else if (const auto* mn = std::get_if<MinNotionalFilter>(&filter)) {
      negative = mn->min_notional.units() < 0;
    }
    if (negative) return "instrument " + spec.symbol + ": a filter value is negative";
  }
  return std::nullopt;
}

core::Qty lot_step(const InstrumentSpec& spec) {
  for (const SymbolFilter& filter : spec.filters) {
    if (const auto* lot = std::get_if<LotSizeFilter>(&filter)) {
      if (lot->step_size.is_positive()) return lot->step_size;
    }
  }
  return core::Qty{1};
}

}  // namespace

std::optional<std::string> Venue::add_instrument(InstrumentSpec spec) {
  Impl& v = *impl_;
  if (spec.symbol.empty()) return "an instrument needs a symbol";
  if (v.symbol_by_name_.contains(spec.symbol)) return "instrument " + spec.symbol + " is defined twice";
  const auto base = v.asset_by_name_.find(spec.base_asset);
  const auto quote = v.asset_by_name_.find(spec.quote_asset);
  if (base == v.asset_by_name_.end()) return "instrument " + spec.symbol + ": unknown base asset " + spec.base_asset;
  if (quote == v.asset_by_name_.end()) return "instrument " + spec.symbol + ": unknown quote asset " + spec.quote_asset;
  if (base->second == quote->second) return "instrument " + spec.symbol + ": base and quote are the same asset";
  const core::Scale base_scale = v.assets_[base->second.value].scale;
  const core::Scale quote_scale = v.assets_[quote->second.value].scale;
  if (spec.qty_scale.decimals > base_scale.decimals) {
    return "instrument " + spec.symbol + ": quantity scale above the base asset's precision";
  }
  if (spec.price_scale.decimals > core::kMaxScale || spec.qty_scale.decimals > core::kMaxScale ||
      spec.price_scale.decimals + spec.qty_scale.decimals > core::kMaxScale) {
    return "instrument " + spec.symbol + ": price scale + quantity scale must be at most 18";
  }
  if (auto error = check_filters(spec)) return error;

  book::BookConfig config;
  config.price_scale = spec.price_scale;
  config.qty_scale = spec.qty_scale;
  config.quote_scale = quote_scale;
  config.qty_step = lot_step(spec);
  config.max_orders = v.limits_.max_book_orders;
  const SymbolId id{static_cast<std::uint32_t>(v.markets_.size())};
  auto market = std::make_unique<Market>(std::move(spec), id, base->second, quote->second,
                                         base_scale, quote_scale, config);
  v.symbol_by_name_.emplace(market->spec.symbol, id);
  v.markets_.push_back(std::move(market));
  for (auto& acc : v.accounts_) acc->symbols.resize(v.markets_.size());
  return std::nullopt;
}

std::optional<std::string> Venue::add_account(AccountSpec spec) {
  Impl& v = *impl_;
  if (!spec.id.is_valid()) return "account id 0 is reserved for the market's own liquidity";
  if (v.account_index_.contains(spec.id.value())) {
    return "account " + std::to_string(spec.id.value()) + " is defined twice";
  }
  if (!spec.api_key.empty() && v.account_by_key_.contains(spec.api_key)) {
    return "API key " + spec.api_key + " belongs to two accounts";
  }
  const auto rate_ok = [](CommissionRate rate) {
    return rate.units >= 0 && rate.units <= CommissionRate::kOne;
  };
  if (!rate_ok(spec.maker) || !rate_ok(spec.taker)) {
    return "account " + std::to_string(spec.id.value()) + ": commission rates must be in 0..1";
  }
  auto acc = std::make_unique<AccountState>();
  acc->balances.resize(v.assets_.size());
  acc->symbols.resize(v.markets_.size());
  if (!spec.api_key.empty()) v.account_by_key_.emplace(spec.api_key, spec.id);
  v.account_index_.emplace(spec.id.value(), v.accounts_.size());
  acc->spec = std::move(spec);
  v.accounts_.push_back(std::move(acc));
  return std::nullopt;
}

// --- client commands ---

core::Result<Placed> Venue::place_order(const PlaceOrder& command, core::Timestamp now,
                                        Events& out) {
  Impl& v = *impl_;
  Market* m = v.market(command.symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  AccountState* acc = v.account(command.account);
  if (acc == nullptr) return core::ErrorCode::account_unknown;
  v.begin(now, out);
  auto placed = v.place(*m, *acc, command);
  v.end();
  return placed;
}

core::Status Venue::test_order(const PlaceOrder& command) const {
  const Impl& v = *impl_;
  const Market* m = v.market(command.symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  const AccountState* acc = v.account(command.account);
  if (acc == nullptr) return core::ErrorCode::account_unknown;
  auto prepared = v.validate(*m, *acc, command);
  if (!prepared) return prepared.error();
  return {};
}

core::Result<Canceled> Venue::cancel_order(const CancelOrder& command, core::Timestamp now,
                                           Events& out) {
  Impl& v = *impl_;
  Market* m = v.market(command.symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  AccountState* acc = v.account(command.account);
  if (acc == nullptr) return core::ErrorCode::account_unknown;
  v.begin(now, out);
  auto canceled = v.cancel(*m, *acc, command);
  v.end();
  return canceled;
}

core::Result<std::vector<Canceled>> Venue::cancel_all(core::AccountId account,
                                                      std::string_view symbol,
                                                      core::Timestamp now, Events& out) {
  Impl& v = *impl_;
  Market* m = v.market(symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  AccountState* acc = v.account(account);
  if (acc == nullptr) return core::ErrorCode::account_unknown;
  std::vector<core::OrderId> ids;
  for (const auto& [client_id, where] : acc->open_by_client_id) {
    if (where.first == m->id) ids.push_back(where.second);
  }
  if (ids.empty()) return core::ErrorCode::book_unknown_order;
  std::sort(ids.begin(), ids.end());
  std::vector<Canceled> canceled;
  canceled.reserve(ids.size());
  v.begin(now, out);
  for (const core::OrderId id : ids) {
    CancelOrder one;
    one.account = account;
    one.order_id = id;
    // A cancel may trigger nothing, but stay safe if an earlier one closed this order.
    if (auto result = v.cancel(*m, *acc, one)) canceled.push_back(std::move(*result));
  }
  v.end();
  return canceled;
}

CancelReplaced Venue::cancel_replace(const CancelReplace& command, core::Timestamp now,
                                     Events& out) {
  Impl& v = *impl_;
  CancelReplaced result;
  Market* m = v.market(command.cancel.symbol);
  AccountState* acc = v.account(command.cancel.account);
  if (m == nullptr || acc == nullptr) {
    result.cancel_status = m == nullptr ? core::ErrorCode::venue_unknown_symbol
                                        : core::ErrorCode::account_unknown;
    return result;
  }
  v.begin(now, out);
  auto canceled = v.cancel(*m, *acc, command.cancel);
  if (canceled) {
    result.canceled = std::move(*canceled);
  } else {
    result.cancel_status = canceled.error();
  }
  if (canceled || command.mode == CancelReplaceMode::allow_failure) {
    result.place_attempted = true;
    PlaceOrder place = command.place;
    place.account = command.cancel.account;
    place.symbol = command.cancel.symbol;
    auto placed = v.place(*m, *acc, place);
    if (placed) {
      result.placed = std::move(*placed);
    } else {
      result.place_status = placed.error();
    }
  }
  v.end();
  return result;
}

// --- fault hooks ---

core::Result<Placed> Venue::release_deferred(std::string_view symbol, core::OrderId id,
                                             core::Timestamp now, Events& out) {
  Impl& v = *impl_;
  Market* m = v.market(symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  v.begin(now, out);
  auto released = v.release_deferred_impl(*m, id);
  v.end();
  return released;
}

// --- admin ---

core::Status Venue::set_balance(core::AccountId account, std::string_view asset, core::Amount free,
                                core::Timestamp now, Events& out) {
  Impl& v = *impl_;
  AccountState* acc = v.account(account);
  if (acc == nullptr) return core::ErrorCode::account_unknown;
  const auto id = find_asset(asset);
  if (!id) return core::ErrorCode::venue_unknown_symbol;
  if (free.units() < 0) return core::ErrorCode::decimal_negative;
  v.begin(now, out);
  Balance& balance = acc->balances[id->value];
  const core::Amount delta = free - balance.free;
  balance.free = free;
  v.deposits_[id->value] += delta;
  out.push_back(BalanceDelta{account, *id, delta, now});
  v.mark_dirty(*acc, *id);
  v.end();
  return {};
}

core::Status Venue::set_trading_status(std::string_view symbol, TradingStatus status) {
  Market* m = impl_->market(symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  m->spec.status = status;
  return {};
}

// --- the market's own liquidity ---

core::Status Venue::set_level(std::string_view symbol, Side side, core::Price price, core::Qty qty,
                              core::Timestamp now, Events& out) {
  Impl& v = *impl_;
  Market* m = v.market(symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  v.begin(now, out);
  auto status = v.set_level_impl(*m, side, price, qty);
  if (status) v.run_stops(*m);
  v.end();
  return status;
}

core::Status Venue::replace_side(std::string_view symbol, Side side,
                                 const std::vector<Level>& levels, core::Timestamp now,
                                 Events& out) {
  Impl& v = *impl_;
  Market* m = v.market(symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  for (const Level& level : levels) {
    if (!level.price.is_positive()) return core::ErrorCode::book_invalid_price;
    if (level.qty.units() < 0) return core::ErrorCode::book_invalid_quantity;
  }
  std::vector<Level> wanted;
  for (const Level& level : levels) {
    if (level.qty.is_positive()) wanted.push_back(level);
  }
  // Best first, so the levels nearest the other side settle any crossing first.
  std::sort(wanted.begin(), wanted.end(), [side](const Level& a, const Level& b) {
    return side == Side::buy ? a.price > b.price : a.price < b.price;
  });
  v.begin(now, out);
  std::vector<book::LevelInfo> current;
  m->book.depth(side, static_cast<std::size_t>(-1), current);
  for (const book::LevelInfo& level : current) {
    const bool kept = std::any_of(wanted.begin(), wanted.end(),
                                  [&](const Level& w) { return w.price == level.price; });
    if (!kept) v.remove_background(*m, side, level.price);
  }
  core::Status status;
  for (const Level& level : wanted) {
    status = v.set_level_impl(*m, side, level.price, level.qty);
    if (!status) break;
  }
  v.run_stops(*m);
  v.end();
  return status;
}

core::Status Venue::market_trade(std::string_view symbol, core::Price price, core::Qty qty,
                                 Side aggressor, core::Timestamp now, Events& out) {
  Impl& v = *impl_;
  Market* m = v.market(symbol);
  if (m == nullptr) return core::ErrorCode::venue_unknown_symbol;
  if (!price.is_positive()) return core::ErrorCode::book_invalid_price;
  if (!qty.is_positive()) return core::ErrorCode::book_invalid_quantity;
  v.begin(now, out);
  v.market_trade_impl(*m, price, qty, aggressor);
  v.end();
  return {};
}

// --- queries ---

std::optional<SymbolId> Venue::find_symbol(std::string_view symbol) const {
  const auto it = impl_->symbol_by_name_.find(std::string{symbol});
  if (it == impl_->symbol_by_name_.end()) return std::nullopt;
  return it->second;
}

std::optional<AssetId> Venue::find_asset(std::string_view asset) const {
  const auto it = impl_->asset_by_name_.find(std::string{asset});
  if (it == impl_->asset_by_name_.end()) return std::nullopt;
  return it->second;
}

std::size_t Venue::symbol_count() const { return impl_->markets_.size(); }
std::size_t Venue::asset_count() const { return impl_->assets_.size(); }
const InstrumentSpec& Venue::instrument(SymbolId symbol) const {
  return impl_->markets_.at(symbol.value)->spec;
}
const AssetSpec& Venue::asset(AssetId asset) const { return impl_->assets_.at(asset.value); }
AssetId Venue::base_asset(SymbolId symbol) const { return impl_->markets_.at(symbol.value)->base; }
AssetId Venue::quote_asset(SymbolId symbol) const {
  return impl_->markets_.at(symbol.value)->quote;
}
const book::OrderBook& Venue::book(SymbolId symbol) const {
  return impl_->markets_.at(symbol.value)->book;
}
std::optional<core::Price> Venue::last_price(SymbolId symbol) const {
  return impl_->markets_.at(symbol.value)->last_price;
}

std::optional<core::AccountId> Venue::find_account(std::string_view api_key) const {
  const auto it = impl_->account_by_key_.find(std::string{api_key});
  if (it == impl_->account_by_key_.end()) return std::nullopt;
  return it->second;
}

const AccountSpec* Venue::account(core::AccountId account) const {
  const AccountState* acc = impl_->account(account);
  return acc == nullptr ? nullptr : &acc->spec;
}

std::vector<core::AccountId> Venue::accounts() const {
  std::vector<core::AccountId> ids;
  for (const auto& acc : impl_->accounts_) ids.push_back(acc->spec.id);
  return ids;
}

core::Result<Balance> Venue::balance(core::AccountId account, AssetId asset) const {
  const AccountState* acc = impl_->account(account);
  if (acc == nullptr) return core::ErrorCode::account_unknown;
  if (asset.value >= acc->balances.size()) return Balance{};
  return acc->balances[asset.value];
}

core::Result<Order> Venue::query_order(core::AccountId account, SymbolId symbol, core::OrderId id,
                                       const ClientOrderId& client_order_id) const {
  const Impl& v = *impl_;
  const AccountState* acc = v.account(account);
  if (acc == nullptr) return core::ErrorCode::account_unknown;
  if (symbol.value >= v.markets_.size()) return core::ErrorCode::venue_unknown_symbol;
  const Market& m = *v.markets_[symbol.value];
  const auto matches = [&](const Order& order) {
    if (order.account != account) return false;
    if (id.is_valid() && order.id != id) return false;
    if (!client_order_id.empty() && order.client_order_id != client_order_id) return false;
    return id.is_valid() || !client_order_id.empty();
  };
  if (id.is_valid()) {
    const auto it = m.open.find(id.value());
    if (it != m.open.end() && matches(it->second.order)) return it->second.order;
  } else if (!client_order_id.empty()) {
    const auto it = acc->open_by_client_id.find(client_order_id);
    if (it != acc->open_by_client_id.end() && it->second.first == symbol) {
      return m.open.at(it->second.second.value()).order;
    }
  }
  const auto& history = acc->symbols[symbol.value].history;
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (matches(*it)) return *it;
  }
  return core::ErrorCode::book_unknown_order;
}

std::vector<Order> Venue::open_orders(core::AccountId account,
                                      std::optional<SymbolId> symbol) const {
  const Impl& v = *impl_;
  std::vector<Order> orders;
  const AccountState* acc = v.account(account);
  if (acc == nullptr) return orders;
  for (const auto& [client_id, where] : acc->open_by_client_id) {
    if (symbol && where.first != *symbol) continue;
    orders.push_back(v.markets_[where.first.value]->open.at(where.second.value()).order);
  }
  std::sort(orders.begin(), orders.end(), [](const Order& a, const Order& b) {
    return a.symbol != b.symbol ? a.symbol < b.symbol : a.id < b.id;
  });
  return orders;
}

std::vector<Order> Venue::all_orders(core::AccountId account, SymbolId symbol) const {
  std::vector<Order> orders = open_orders(account, symbol);
  const AccountState* acc = impl_->account(account);
  if (acc == nullptr || symbol.value >= acc->symbols.size()) return orders;
  const auto& history = acc->symbols[symbol.value].history;
  orders.insert(orders.end(), history.begin(), history.end());
  std::sort(orders.begin(), orders.end(), [](const Order& a, const Order& b) { return a.id < b.id; });
  return orders;
}

std::vector<Fill> Venue::my_trades(core::AccountId account, SymbolId symbol) const {
  const AccountState* acc = impl_->account(account);
  if (acc == nullptr || symbol.value >= acc->symbols.size()) return {};
  const auto& trades = acc->symbols[symbol.value].trades;
  return {trades.begin(), trades.end()};
}

core::Amount Venue::fees_collected(AssetId asset) const { return impl_->fees_.at(asset.value); }
core::Amount Venue::market_ledger(AssetId asset) const { return impl_->market_.at(asset.value); }
core::Amount Venue::net_deposits(AssetId asset) const { return impl_->deposits_.at(asset.value); }

}  // namespace mockex::venue
