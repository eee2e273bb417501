#include "venue_test_support.hpp"

#include <gtest/gtest.h>

#include "mockex/core/decimal.hpp"

namespace mockex::venue::test_support {

core::Price px(std::string_view text) { return core::parse_price(text, core::Scale{2}).value(); }
core::Qty qty(std::string_view text) { return core::parse_qty(text, core::Scale{5}).value(); }
core::Amount amount(std::string_view text) {
  return core::parse_amount(text, core::Scale{8}).value();
}

InstrumentSpec btcusdt() {
  InstrumentSpec spec;
  spec.symbol = "BTCUSDT";
  spec.base_asset = "BTC";
  spec.quote_asset = "USDT";
  spec.price_scale = core::Scale{2};
  spec.qty_scale = core::Scale{5};
  spec.filters = {
      PriceFilter{px("0.01"), px("1000000.00"), px("0.01")},
      LotSizeFilter{qty("0.00001"), qty("9000"), qty("0.00001")},
      MarketLotSizeFilter{qty("0"), qty("100"), qty("0")},
      NotionalFilter{amount("5"), true, amount("9000000"), false},
      MaxNumOrdersFilter{200},
      MaxNumAlgoOrdersFilter{5},
  };
  return spec;
}

Harness::Harness(InstrumentSpec spec, std::uint64_t seed) : venue(core::Rng{seed}) {
  EXPECT_EQ(venue.add_asset({"BTC", core::Scale{8}}), std::nullopt);
  EXPECT_EQ(venue.add_asset({"USDT", core::Scale{8}}), std::nullopt);
  EXPECT_EQ(venue.add_instrument(std::move(spec)), std::nullopt);
  for (std::uint64_t id = 1; id <= 3; ++id) {
    std::string key = "key-";
    key += std::to_string(id);
    EXPECT_EQ(venue.add_account({core::AccountId{id}, key,
                                 CommissionRate{100'000}, CommissionRate{200'000}}),
              std::nullopt);
    fund(id, "BTC", "10");
    fund(id, "USDT", "100000");
  }
  events.clear();
}

core::Result<Placed> Harness::place(const PlaceOrder& command) {
  return venue.place_order(command, now, events);
}

core::Result<Canceled> Harness::cancel(std::uint64_t account, std::uint64_t order_id) {
  CancelOrder command;
  command.account = core::AccountId{account};
  command.symbol = "BTCUSDT";
  command.order_id = core::OrderId{order_id};
  return venue.cancel_order(command, now, events);
}

void Harness::fund(std::uint64_t account, std::string_view asset, std::string_view free) {
  EXPECT_TRUE(venue.set_balance(core::AccountId{account}, asset, amount(free), now, events));
}

void Harness::set_level(Side side, std::string_view price, std::string_view quantity) {
  EXPECT_TRUE(venue.set_level("BTCUSDT", side, px(price), qty(quantity), now, events));
}

void Harness::market_trade(std::string_view price, std::string_view quantity, Side aggressor) {
  EXPECT_TRUE(venue.market_trade("BTCUSDT", px(price), qty(quantity), aggressor, now, events));
}

std::string Harness::balance(std::uint64_t account, std::string_view asset) const {
  const Balance b = venue.balance(core::AccountId{account}, *venue.find_asset(asset)).value();
  return core::format_decimal(b.free.units(), core::Scale{8}) + "/" +
         core::format_decimal(b.locked.units(), core::Scale{8});
}

std::string Harness::take_log() {
  std::string log;
  for (const Event& event : events) {
    append_event(log, event, venue);
    log += '\n';
  }
  events.clear();
  return log;
}

std::string Harness::depth() const {
  const book::DepthSnapshot snapshot = venue.book(symbol()).depth(1000);
  std::string text = "bid";
  for (const auto& level : snapshot.bids) {
    text += ' ' + core::format_decimal(level.qty.units(), core::Scale{5}) + '@' +
            core::format_decimal(level.price.units(), core::Scale{2});
  }
  text += " | ask";
  for (const auto& level : snapshot.asks) {
    text += ' ' + core::format_decimal(level.qty.units(), core::Scale{5}) + '@' +
            core::format_decimal(level.price.units(), core::Scale{2});
  }
  return text;
}

}  // namespace mockex::venue::test_support
