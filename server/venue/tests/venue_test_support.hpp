#pragma once
// A venue with one BTCUSDT-like instrument (price scale 2, quantity scale 5, BTC and USDT at 8
// decimals), funded accounts, order builders and an event log, for the venue's tests.

#include <string>
#include <string_view>

#include "mockex/venue/event_format.hpp"
#include "mockex/venue/venue.hpp"

namespace mockex::venue::test_support {

core::Price px(std::string_view text);       // at the instrument's price scale (2)
core::Qty qty(std::string_view text);        // at the instrument's quantity scale (5)
core::Amount amount(std::string_view text);  // at the assets' scale (8)

// PRICE_FILTER 0.01..1000000 tick 0.01, LOT_SIZE 0.00001..9000 step 0.00001, MARKET_LOT_SIZE
// 0..100, NOTIONAL min 5 (applied to MARKET) max 9000000 (not), MAX_NUM_ORDERS 200,
// MAX_NUM_ALGO_ORDERS 5. Fill model optimistic, default STP none.
InstrumentSpec btcusdt();

class OrderBuilder {
 public:
  explicit OrderBuilder(std::uint64_t account) { order_.account = core::AccountId{account}; order_.symbol = "BTCUSDT"; }
  OrderBuilder& buy() { order_.side = Side::buy; return *this; }
  OrderBuilder& sell() { order_.side = Side::sell; return *this; }
  OrderBuilder& limit(std::string_view price) { return typed(OrderType::limit, price); }
  OrderBuilder& limit_maker(std::string_view price) { return typed(OrderType::limit_maker, price); }
  OrderBuilder& market() { order_.type = OrderType::market; return *this; }
  OrderBuilder& stop_loss(std::string_view stop) { order_.type = OrderType::stop_loss; order_.stop_price = px(stop); return *this; }
  OrderBuilder& take_profit(std::string_view stop) { order_.type = OrderType::take_profit; order_.stop_price = px(stop); return *this; }
  OrderBuilder& stop_loss_limit(std::string_view stop, std::string_view price) {
    typed(OrderType::stop_loss_limit, price);
    order_.stop_price = px(stop);
    return *this;
  }
  OrderBuilder& take_profit_limit(std::string_view stop, std::string_view price) {
    typed(OrderType::take_profit_limit, price);
    order_.stop_price = px(stop);
    return *this;
  }
  OrderBuilder& qty(std::string_view text) { order_.qty = test_support::qty(text); return *this; }
  OrderBuilder& quote(std::string_view text) { order_.quote_qty = amount(text); return *this; }
  OrderBuilder& ioc() { order_.tif = TimeInForce::ioc; return *this; }
  OrderBuilder& fok() { order_.tif = TimeInForce::fok; return *this; }
  OrderBuilder& stp(StpMode mode) { order_.stp = mode; return *this; }
  OrderBuilder& client(std::string_view id) { order_.client_order_id = ClientOrderId{id}; return *this; }
  OrderBuilder& deferred() { order_.defer_matching = true; return *this; }
  OrderBuilder& max_fill(std::string_view text) { order_.max_fill_qty = test_support::qty(text); return *this; }
  OrderBuilder& symbol(std::string_view name) { order_.symbol = std::string{name}; return *this; }
  operator const PlaceOrder&() const { return order_; }  // NOLINT(google-explicit-constructor)
  const PlaceOrder& get() const { return order_; }

 private:
  OrderBuilder& typed(OrderType type, std::string_view price) {
    order_.type = type;
    order_.price = px(price);
    return *this;
  }
  PlaceOrder order_;
};

inline OrderBuilder order(std::uint64_t account) { return OrderBuilder{account}; }

// A venue with BTC, USDT, the given instrument and accounts 1..3 (API keys key-1..key-3,
// maker 0.1 %, taker 0.2 %), each funded with 10 BTC and 100000 USDT.
class Harness {
 public:
  explicit Harness(InstrumentSpec spec = btcusdt(), std::uint64_t seed = 7);

  Venue venue;
  Events events;
  core::Timestamp now = core::Timestamp::from_millis(1'700'000'000'000);

  core::Result<Placed> place(const PlaceOrder& command);
  core::Result<Canceled> cancel(std::uint64_t account, std::uint64_t order_id);
  void fund(std::uint64_t account, std::string_view asset, std::string_view free);
  void set_level(Side side, std::string_view price, std::string_view qty);
  void market_trade(std::string_view price, std::string_view qty, Side aggressor);
  // Balance as "free/locked" with 8 decimals.
  std::string balance(std::uint64_t account, std::string_view asset) const;
  // The events since the last call, one line each; clears them.
  std::string take_log();
  // "bid qty@price ... | ask qty@price ..." of the whole book.
  std::string depth() const;
  SymbolId symbol() const { return *venue.find_symbol("BTCUSDT"); }
};

}  // namespace mockex::venue::test_support
