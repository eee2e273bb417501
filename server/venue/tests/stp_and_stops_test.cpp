// Self-trade prevention through the venue (events, statuses, released locks) and stop orders
// triggered by the market's trades and by client trades.

#include <gtest/gtest.h>

#include "venue_test_support.hpp"

namespace mockex::venue {
namespace {

using test_support::Harness;
using test_support::order;
using test_support::qty;

TEST(VenueStp, expire_taker_expires_the_incoming_order_in_match) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1").client("maker")));
  h.events.clear();
  const auto placed = h.place(order(1).buy().limit("100.00").qty("1").client("taker").stp(StpMode::expire_taker));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired_in_match);
  EXPECT_EQ(placed->order.prevented_match_id, 1U);
  EXPECT_EQ(placed->order.prevented_qty, qty("1"));
  EXPECT_TRUE(placed->fills.empty());
  EXPECT_EQ(h.take_log(),
            "ORDER BTCUSDT #2 x=NEW X=NEW acct=1 c=taker BUY LIMIT GTC p=100.00 q=1.00000 z=0.00000 "
            "Z=0.00000000 V=EXPIRE_TAKER T=1700000000000\n"
            "ORDER BTCUSDT #2 x=TRADE_PREVENTION X=EXPIRED_IN_MATCH acct=1 c=taker BUY LIMIT GTC "
            "p=100.00 q=1.00000 z=0.00000 Z=0.00000000 V=EXPIRE_TAKER v=1 U=1 T=1700000000000\n"
            "POSITION acct=1 USDT=100000.00000000/0.00000000 T=1700000000000\n");
  EXPECT_EQ(h.balance(1, "BTC"), "9.00000000/1.00000000") << "the maker still rests";
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueStp, expire_maker_expires_the_resting_order_and_lets_the_taker_rest) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1")));
  const auto placed = h.place(order(1).buy().limit("100.00").qty("1").stp(StpMode::expire_maker));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::new_order);
  const auto maker = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  ASSERT_TRUE(maker);
  EXPECT_EQ(maker->status, OrderStatus::expired_in_match);
  EXPECT_EQ(h.balance(1, "BTC"), "10.00000000/0.00000000");
  EXPECT_EQ(h.balance(1, "USDT"), "99900.00000000/100.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueStp, expire_both_expires_both_orders) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1")));
  const auto placed = h.place(order(1).buy().limit("100.00").qty("2").stp(StpMode::expire_both));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired_in_match);
  EXPECT_EQ(h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {})->status,
            OrderStatus::expired_in_match);
  EXPECT_EQ(h.balance(1, "BTC"), "10.00000000/0.00000000");
  EXPECT_EQ(h.balance(1, "USDT"), "100000.00000000/0.00000000");
}

TEST(VenueStp, other_accounts_orders_are_matched_past_the_own_ones_with_expire_maker) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1")));
  ASSERT_TRUE(h.place(order(2).sell().limit("100.00").qty("1")));
  const auto placed = h.place(order(1).buy().market().qty("1").stp(StpMode::expire_maker));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::filled);
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueStp, mode_none_lets_an_account_trade_with_itself_paying_both_commissions) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1")));
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  EXPECT_EQ(h.balance(1, "BTC"), "9.99800000/0.00000000");
  EXPECT_EQ(h.balance(1, "USDT"), "99999.90000000/0.00000000");
}

TEST(VenueStp, the_instruments_default_mode_applies_when_the_order_names_none) {
  InstrumentSpec spec = test_support::btcusdt();
  spec.default_stp = StpMode::expire_maker;
  Harness h{spec};
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1")));
  const auto placed = h.place(order(1).buy().limit("100.00").qty("1"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.stp, StpMode::expire_maker);
  EXPECT_EQ(h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {})->status,
            OrderStatus::expired_in_match);
}

TEST(VenueStops, stop_loss_sell_waits_unseen_then_a_market_trade_triggers_it) {
  Harness h;
  h.set_level(Side::buy, "95.00", "5");
  const auto placed = h.place(order(1).sell().stop_loss("98.00").qty("1"));
  ASSERT_TRUE(placed);
  EXPECT_FALSE(placed->order.is_working());
  EXPECT_EQ(h.venue.book(h.symbol()).order_count(), 1U) << "only the market's level";
  h.market_trade("99.00", "1", Side::sell);
  EXPECT_EQ(h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {})->status,
            OrderStatus::new_order);
  h.now += std::chrono::seconds{1};
  h.events.clear();
  h.market_trade("97.50", "1", Side::sell);
  const auto order = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  ASSERT_TRUE(order);
  EXPECT_EQ(order->status, OrderStatus::filled);
  EXPECT_EQ(order->working_time, h.now);
  EXPECT_EQ(order->cumulative_quote_qty, test_support::amount("95"));
  EXPECT_EQ(h.depth(), "bid 4.00000@95.00 | ask");
  EXPECT_EQ(h.balance(1, "BTC"), "9.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueStops, take_profit_limit_buy_triggers_when_the_price_falls_and_rests_as_a_limit) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().take_profit_limit("95.00", "94.00").qty("1")));
  h.market_trade("95.00", "1", Side::sell);
  const auto order = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  ASSERT_TRUE(order);
  EXPECT_TRUE(order->is_working());
  EXPECT_EQ(order->status, OrderStatus::new_order);
  EXPECT_EQ(h.depth(), "bid 1.00000@94.00 | ask");
  EXPECT_EQ(h.balance(1, "USDT"), "99906.00000000/94.00000000");
}

TEST(VenueStops, a_client_trade_moves_the_last_price_and_triggers_stops) {
  Harness h;
  h.set_level(Side::sell, "105.00", "10");
  ASSERT_TRUE(h.place(order(1).buy().stop_loss("104.00").qty("1")));
  ASSERT_TRUE(h.place(order(2).sell().limit("104.00").qty("0.5")));
  ASSERT_TRUE(h.place(order(3).buy().limit("104.00").qty("0.5")));  // trades at 104
  const auto stop = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  EXPECT_EQ(stop->status, OrderStatus::filled);
  EXPECT_EQ(stop->cumulative_quote_qty, test_support::amount("105"));
  // Locked 104 at placement, topped up to 105 when it triggered.
  EXPECT_EQ(h.balance(1, "USDT"), "99895.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueStops, a_triggered_stop_market_buy_the_account_cannot_afford_expires) {
  Harness h;
  h.set_level(Side::sell, "150.00", "10");
  h.fund(1, "USDT", "110");
  ASSERT_TRUE(h.place(order(1).buy().stop_loss("110.00").qty("1")));
  h.market_trade("110.00", "1", Side::buy);
  const auto stop = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  EXPECT_EQ(stop->status, OrderStatus::expired);
  EXPECT_EQ(stop->expiry_reason, ExpiryReason::insufficient_balance);
  EXPECT_EQ(h.balance(1, "USDT"), "110.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueStops, stops_trigger_oldest_first_each_seeing_the_price_the_previous_left) {
  Harness h;
  h.set_level(Side::buy, "99.00", "1");
  h.set_level(Side::buy, "90.00", "1");
  ASSERT_TRUE(h.place(order(1).sell().stop_loss("100.00").qty("1")));
  ASSERT_TRUE(h.place(order(2).sell().stop_loss("95.00").qty("1")));
  h.market_trade("100.00", "0.1", Side::sell);
  // The first sells at 99, which does not reach 95; nothing more.
  EXPECT_EQ(h.venue.query_order(core::AccountId{2}, h.symbol(), core::OrderId{2}, {})->status,
            OrderStatus::new_order);
  h.market_trade("95.00", "0.1", Side::sell);
  EXPECT_EQ(h.venue.query_order(core::AccountId{2}, h.symbol(), core::OrderId{2}, {})->status,
            OrderStatus::filled);
  EXPECT_EQ(h.depth(), "bid | ask");
}

}  // namespace
}  // namespace mockex::venue
