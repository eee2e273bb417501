// Background liquidity: client takers consume the market's levels; resting client orders fill
// against the market's trades under the optimistic and the queue fill models, and when the
// market's book moves through them.

#include <gtest/gtest.h>

#include "venue_test_support.hpp"

namespace mockex::venue {
namespace {

using test_support::Harness;
using test_support::order;
using test_support::qty;

InstrumentSpec with_model(FillModel model) {
  InstrumentSpec spec = test_support::btcusdt();
  spec.fill_model = model;
  return spec;
}

OrderStatus status_of(const Harness& h, std::uint64_t account, std::uint64_t id) {
  return h.venue.query_order(core::AccountId{account}, h.symbol(), core::OrderId{id}, {})->status;
}

TEST(VenueBackground, client_taker_consumes_market_levels_at_their_prices) {
  Harness h;
  h.set_level(Side::sell, "100.00", "1");
  h.set_level(Side::sell, "101.00", "2");
  const auto placed = h.place(order(1).buy().limit("101.00").qty("2"));
  ASSERT_TRUE(placed);
  ASSERT_EQ(placed->fills.size(), 2U);
  EXPECT_EQ(placed->fills[0].price, test_support::px("100.00"));
  EXPECT_EQ(placed->fills[1].price, test_support::px("101.00"));
  EXPECT_EQ(h.depth(), "bid | ask 1.00000@101.00");
  const auto btc = *h.venue.find_asset("BTC");
  const auto usdt = *h.venue.find_asset("USDT");
  EXPECT_EQ(h.venue.market_ledger(btc), test_support::amount("-2"));
  EXPECT_EQ(h.venue.market_ledger(usdt), test_support::amount("201"));
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueBackground, set_level_grows_at_the_back_and_shrinks_from_the_newest) {
  Harness h{with_model(FillModel::queue)};
  h.set_level(Side::buy, "100.00", "5");
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  h.set_level(Side::buy, "100.00", "7");  // 2 more join behind the client
  EXPECT_EQ(h.venue.book(h.symbol()).queue_ahead(core::OrderId{1}).value(), qty("5"));
  h.set_level(Side::buy, "100.00", "4");  // the newest 2 go, then 1 of the first 5
  EXPECT_EQ(h.venue.book(h.symbol()).queue_ahead(core::OrderId{1}).value(), qty("4"));
  EXPECT_EQ(h.depth(), "bid 5.00000@100.00 | ask");
  h.set_level(Side::buy, "100.00", "0");
  EXPECT_EQ(h.depth(), "bid 1.00000@100.00 | ask") << "the client's order stays";
}

TEST(VenueFillModel, queue_order_behind_5_btc_fills_only_after_5_btc_traded_there) {
  Harness h{with_model(FillModel::queue)};
  h.set_level(Side::buy, "100.00", "5");
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  h.market_trade("100.00", "3", Side::sell);
  EXPECT_EQ(status_of(h, 1, 1), OrderStatus::new_order);
  EXPECT_EQ(h.depth(), "bid 3.00000@100.00 | ask");
  h.market_trade("100.00", "2.5", Side::sell);  // 2 ahead, then 0.5 for the client
  EXPECT_EQ(status_of(h, 1, 1), OrderStatus::partially_filled);
  EXPECT_EQ(h.depth(), "bid 0.50000@100.00 | ask");
  h.market_trade("100.00", "1", Side::sell);
  EXPECT_EQ(status_of(h, 1, 1), OrderStatus::filled);
  EXPECT_EQ(h.depth(), "bid | ask");
  EXPECT_EQ(h.balance(1, "BTC"), "10.99900000/0.00000000");  // maker 0.1 %
  EXPECT_EQ(h.balance(1, "USDT"), "99900.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueFillModel, queue_model_fills_orders_the_trade_went_through_completely) {
  Harness h{with_model(FillModel::queue)};
  h.set_level(Side::sell, "102.00", "5");
  ASSERT_TRUE(h.place(order(1).sell().limit("101.00").qty("2")));
  h.market_trade("101.50", "0.1", Side::buy);
  EXPECT_EQ(status_of(h, 1, 1), OrderStatus::filled);
  const auto trades = h.venue.my_trades(core::AccountId{1}, h.symbol());
  ASSERT_EQ(trades.size(), 1U);
  EXPECT_EQ(trades[0].price, test_support::px("101.00")) << "at the order's own price";
  EXPECT_TRUE(trades[0].is_maker);
}

TEST(VenueFillModel, optimistic_fills_a_touched_order_completely_at_once) {
  Harness h{with_model(FillModel::optimistic)};
  h.set_level(Side::buy, "100.00", "5");
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  h.market_trade("100.00", "0.1", Side::sell);
  EXPECT_EQ(status_of(h, 1, 1), OrderStatus::filled);
  EXPECT_EQ(h.depth(), "bid 4.90000@100.00 | ask") << "the trade still took market volume";
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueFillModel, a_trade_that_does_not_reach_the_price_fills_nothing) {
  Harness h{with_model(FillModel::optimistic)};
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  h.market_trade("100.01", "10", Side::sell);
  EXPECT_EQ(status_of(h, 1, 1), OrderStatus::new_order);
}

TEST(VenueFillModel, a_market_level_that_crosses_a_resting_order_trades_with_it_at_its_price) {
  Harness h{with_model(FillModel::queue)};
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  h.events.clear();
  h.set_level(Side::sell, "99.50", "3");
  EXPECT_EQ(status_of(h, 1, 1), OrderStatus::filled);
  EXPECT_EQ(h.depth(), "bid | ask 2.00000@99.50");
  EXPECT_EQ(h.balance(1, "USDT"), "99900.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueBackground, a_market_level_removes_the_markets_own_levels_it_reaches) {
  Harness h;
  h.set_level(Side::buy, "100.00", "1");
  h.set_level(Side::buy, "99.00", "1");
  h.set_level(Side::sell, "100.00", "2");
  EXPECT_EQ(h.depth(), "bid 1.00000@99.00 | ask 2.00000@100.00");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueBackground, replace_side_sets_the_whole_side) {
  Harness h;
  h.set_level(Side::sell, "101.00", "1");
  h.set_level(Side::sell, "102.00", "1");
  ASSERT_TRUE(h.place(order(1).sell().limit("102.00").qty("1")));
  ASSERT_TRUE(h.venue.replace_side("BTCUSDT", Side::sell,
                                   {{test_support::px("103.00"), qty("4")},
                                    {test_support::px("102.00"), qty("2")}},
                                   h.now, h.events));
  EXPECT_EQ(h.depth(), "bid | ask 3.00000@102.00 4.00000@103.00");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueBackground, depth_updates_carry_the_books_consecutive_update_ids) {
  Harness h;
  h.events.clear();
  h.set_level(Side::buy, "100.00", "1");
  h.set_level(Side::buy, "99.00", "1");
  ASSERT_TRUE(h.place(order(1).sell().limit("98.00").qty("1.5")));
  std::uint64_t expected = 1;
  for (const Event& event : h.events) {
    if (const auto* depth = std::get_if<DepthUpdate>(&event)) {
      EXPECT_EQ(depth->update_id, expected++);
    }
  }
  EXPECT_EQ(expected - 1, h.venue.book(h.symbol()).update_id());
}

}  // namespace
}  // namespace mockex::venue
