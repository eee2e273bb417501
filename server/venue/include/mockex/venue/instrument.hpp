#pragma once
// What a venue trades: assets with their precision, and instruments with Binance's exchange
// filters and trading status. Prices and quantities are mantissas at the instrument's scales,
// notionals at the quote asset's scale. A zero value disables the rule it sets (Binance §8.2).

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "mockex/core/fixed_point.hpp"
#include "mockex/venue/types.hpp"

namespace mockex::venue {

struct AssetSpec {
  std::string name;   // "BTC"
  core::Scale scale;  // balance precision (Binance baseAssetPrecision / quoteAssetPrecision)
};

// PRICE_FILTER: applies to price and stopPrice.
struct PriceFilter {
  core::Price min_price;
  core::Price max_price;
  core::Price tick_size;  // (price - min_price) % tick_size == 0
};

// LOT_SIZE: applies to every order's base quantity (MARKET included, quote-amount MARKET not).
struct LotSizeFilter {
  core::Qty min_qty;
  core::Qty max_qty;
  core::Qty step_size;
};

// MARKET_LOT_SIZE: LOT_SIZE's rule again, for MARKET orders by base quantity only.
struct MarketLotSizeFilter {
  core::Qty min_qty;
  core::Qty max_qty;
  core::Qty step_size;
};

// NOTIONAL: min_notional <= price * qty <= max_notional, at the quote asset's scale. MARKET orders
// (and untriggered STOP_LOSS / TAKE_PROFIT) are checked only where apply_*_to_market says so,
// against their reference price (see Venue) or their quote amount.
struct NotionalFilter {
  core::Amount min_notional;
  bool apply_min_to_market = true;
  core::Amount max_notional;
  bool apply_max_to_market = false;
};

// MIN_NOTIONAL (legacy): price * qty >= min_notional; MARKET orders only if apply_to_market.
struct MinNotionalFilter {
  core::Amount min_notional;
  bool apply_to_market = true;
};

// MAX_NUM_ORDERS: open orders (stops included) an account may have on the symbol.
struct MaxNumOrdersFilter {
  std::uint32_t max_num_orders = 200;
};

// MAX_NUM_ALGO_ORDERS: open stop orders (STOP_LOSS*, TAKE_PROFIT*) an account may have.
struct MaxNumAlgoOrdersFilter {
  std::uint32_t max_num_algo_orders = 5;
};

using SymbolFilter = std::variant<PriceFilter, LotSizeFilter, MarketLotSizeFilter, NotionalFilter,
                                  MinNotionalFilter, MaxNumOrdersFilter, MaxNumAlgoOrdersFilter>;

// The order types an instrument accepts, as a bit set over OrderType.
class OrderTypeSet {
 public:
  static OrderTypeSet all() { return OrderTypeSet{0x7f}; }
  constexpr OrderTypeSet() = default;
  constexpr bool contains(OrderType type) const { return (bits_ >> static_cast<unsigned>(type)) & 1U; }
  constexpr OrderTypeSet& add(OrderType type) {
    bits_ |= static_cast<std::uint8_t>(1U << static_cast<unsigned>(type));
    return *this;
  }
  constexpr OrderTypeSet& remove(OrderType type) {
    bits_ &= static_cast<std::uint8_t>(~(1U << static_cast<unsigned>(type)));
    return *this;
  }

 private:
  constexpr explicit OrderTypeSet(std::uint8_t bits) : bits_(bits) {}
  std::uint8_t bits_ = 0;
};

struct InstrumentSpec {
  std::string symbol;       // "BTCUSDT"
  std::string base_asset;   // must be a known asset; qty_scale <= its scale
  std::string quote_asset;  // must be a known asset; notionals are at its scale
  core::Scale price_scale{8};
  core::Scale qty_scale{8};
  TradingStatus status = TradingStatus::trading;
  // Checked in this order (Binance checks the symbol's filters array in order); the account-state
  // ones (MAX_NUM_*) are checked after every symbol filter, as Binance does.
  std::vector<SymbolFilter> filters;
  OrderTypeSet order_types = OrderTypeSet::all();
  bool quote_order_qty_market_allowed = true;
  // Self-trade prevention: the mode of an order that names none, and the modes an order may name
  // (NONE is always allowed).
  StpMode default_stp = StpMode::none;
  std::vector<StpMode> allowed_stp{StpMode::expire_taker, StpMode::expire_maker,
                                   StpMode::expire_both};
  FillModel fill_model = FillModel::optimistic;
};

// Bounds on what the venue remembers per account and symbol; the oldest entries go first.
struct VenueLimits {
  std::size_t order_history = 10'000;  // closed orders kept for allOrders / order queries
  std::size_t trade_history = 10'000;  // fills kept for myTrades
  std::size_t max_book_orders = 10'000'000;  // open orders per book (BookConfig::max_orders)
};

}  // namespace mockex::venue
