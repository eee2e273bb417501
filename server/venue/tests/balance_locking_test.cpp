// Balance locking on placement, release on cancel and expiry, and settlement, for each order
// type; commission charged on the received asset at the maker or taker rate.

#include <gtest/gtest.h>

#include "venue_test_support.hpp"

namespace mockex::venue {
namespace {

using test_support::Harness;
using test_support::order;

TEST(VenueBalances, buy_limit_locks_price_times_qty_of_quote_and_cancel_releases_it) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("2")));
  EXPECT_EQ(h.balance(1, "USDT"), "99800.00000000/200.00000000");
  EXPECT_EQ(h.balance(1, "BTC"), "10.00000000/0.00000000");
  ASSERT_TRUE(h.cancel(1, 1));
  EXPECT_EQ(h.balance(1, "USDT"), "100000.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueBalances, sell_limit_locks_the_base_quantity) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1.5")));
  EXPECT_EQ(h.balance(1, "BTC"), "8.50000000/1.50000000");
  EXPECT_EQ(h.balance(1, "USDT"), "100000.00000000/0.00000000");
}

TEST(VenueBalances, each_change_is_reported_once_per_command_with_final_values) {
  Harness h;
  h.events.clear();
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("2").client("a")));
  EXPECT_EQ(h.take_log(),
            "ORDER BTCUSDT #1 x=NEW X=NEW acct=1 c=a BUY LIMIT GTC p=100.00 q=2.00000 z=0.00000 "
            "Z=0.00000000 T=1700000000000\n"
            "DEPTH BTCUSDT u=1 BUY p=100.00 q=2.00000 n=1 T=1700000000000\n"
            "POSITION acct=1 USDT=99800.00000000/200.00000000 T=1700000000000\n");
}

TEST(VenueBalances, buy_limit_filled_better_than_its_limit_releases_the_difference_at_once) {
  Harness h;
  h.set_level(Side::sell, "99.00", "1");
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("2")));
  // Paid 99 for the first BTC; the second still rests at 100.
  EXPECT_EQ(h.balance(1, "USDT"), "99801.00000000/100.00000000");
  EXPECT_EQ(h.balance(1, "BTC"), "10.99800000/0.00000000");
}

TEST(VenueBalances, ioc_remainder_expires_and_releases_its_lock) {
  Harness h;
  h.set_level(Side::sell, "100.00", "0.5");
  const auto placed = h.place(order(1).buy().limit("101.00").qty("2").ioc());
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired);
  EXPECT_EQ(placed->order.expiry_reason, ExpiryReason::unfilled_ioc);
  EXPECT_EQ(h.balance(1, "USDT"), "99950.00000000/0.00000000");
}

TEST(VenueBalances, market_buy_by_quote_locks_the_amount_and_releases_what_is_unspent) {
  Harness h;
  h.set_level(Side::sell, "100.00", "1");
  const auto placed = h.place(order(1).buy().market().quote("150"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired);
  EXPECT_EQ(placed->order.expiry_reason, ExpiryReason::insufficient_liquidity);
  EXPECT_EQ(placed->order.orig_qty, test_support::qty("1"));
  EXPECT_EQ(h.balance(1, "USDT"), "99900.00000000/0.00000000");
  EXPECT_EQ(h.balance(1, "BTC"), "10.99800000/0.00000000");
}

TEST(VenueBalances, market_buy_by_quote_that_spends_its_budget_is_filled) {
  Harness h;
  h.set_level(Side::sell, "100.00", "5");
  const auto placed = h.place(order(1).buy().market().quote("150"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::filled);
  EXPECT_EQ(placed->order.orig_qty, test_support::qty("1.5"));
  ASSERT_EQ(placed->fills.size(), 1U);
  EXPECT_EQ(h.balance(1, "USDT"), "99850.00000000/0.00000000");
}

TEST(VenueBalances, market_buy_by_quantity_needs_the_walked_cost_of_the_asks) {
  Harness h;
  h.set_level(Side::sell, "100.00", "1");
  h.set_level(Side::sell, "101.00", "1");
  h.fund(2, "USDT", "150.49");
  EXPECT_EQ(h.place(order(2).buy().market().qty("1.5")).error(),
            core::ErrorCode::account_insufficient_balance);
  h.fund(2, "USDT", "150.5");
  const auto placed = h.place(order(2).buy().market().qty("1.5"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::filled);
  EXPECT_EQ(placed->fills.size(), 2U);
  EXPECT_EQ(h.balance(2, "USDT"), "0.00000000/0.00000000");
  EXPECT_EQ(h.balance(2, "BTC"), "11.49700000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueBalances, market_sell_by_quote_locks_a_bound_of_the_base_it_may_sell) {
  Harness h;
  h.set_level(Side::buy, "100.00", "1");
  h.set_level(Side::buy, "99.00", "1");
  h.fund(2, "BTC", "1.5");
  EXPECT_EQ(h.place(order(2).sell().market().quote("150")).error(),
            core::ErrorCode::account_insufficient_balance);
  h.fund(2, "BTC", "1.50505");
  const auto placed = h.place(order(2).sell().market().quote("150"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.executed_qty, test_support::qty("1.50505"));
  EXPECT_EQ(h.balance(2, "BTC"), "0.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueBalances, market_sell_by_quantity_locks_the_quantity) {
  Harness h;
  h.set_level(Side::buy, "100.00", "0.5");
  const auto placed = h.place(order(1).sell().market().qty("1"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired);
  EXPECT_EQ(placed->order.executed_qty, test_support::qty("0.5"));
  EXPECT_EQ(h.balance(1, "BTC"), "9.50000000/0.00000000");
  EXPECT_EQ(h.balance(1, "USDT"), "100049.90000000/0.00000000");
}

TEST(VenueBalances, stop_orders_lock_when_placed_and_release_on_cancel) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().stop_loss("110.00").qty("1")));
  EXPECT_EQ(h.balance(1, "USDT"), "99890.00000000/110.00000000");
  ASSERT_TRUE(h.place(order(1).buy().stop_loss_limit("110.00", "111.00").qty("1")));
  EXPECT_EQ(h.balance(1, "USDT"), "99779.00000000/221.00000000");
  ASSERT_TRUE(h.place(order(1).sell().take_profit("120.00").qty("2")));
  EXPECT_EQ(h.balance(1, "BTC"), "8.00000000/2.00000000");
  ASSERT_TRUE(h.cancel(1, 1));
  ASSERT_TRUE(h.cancel(1, 2));
  ASSERT_TRUE(h.cancel(1, 3));
  EXPECT_EQ(h.balance(1, "USDT"), "100000.00000000/0.00000000");
  EXPECT_EQ(h.balance(1, "BTC"), "10.00000000/0.00000000");
}

TEST(VenueBalances, limit_maker_locks_like_a_limit) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit_maker("120.00").qty("3")));
  EXPECT_EQ(h.balance(1, "BTC"), "7.00000000/3.00000000");
}

TEST(VenueCommission, maker_and_taker_pay_their_rates_in_the_asset_they_receive) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1")));
  const auto taken = h.place(order(2).buy().limit("100.00").qty("1"));
  ASSERT_TRUE(taken);
  ASSERT_EQ(taken->fills.size(), 1U);
  const Fill& fill = taken->fills[0];
  EXPECT_EQ(fill.trade_id, core::TradeId{1});
  EXPECT_FALSE(fill.is_maker);
  EXPECT_EQ(fill.commission, test_support::amount("0.002"));  // 0.2 % of 1 BTC
  EXPECT_EQ(h.venue.asset(fill.commission_asset).name, "BTC");
  EXPECT_EQ(fill.quote_qty, test_support::amount("100"));
  EXPECT_EQ(h.balance(1, "USDT"), "100099.90000000/0.00000000");  // 0.1 % of 100 USDT
  EXPECT_EQ(h.balance(1, "BTC"), "9.00000000/0.00000000");
  EXPECT_EQ(h.balance(2, "BTC"), "10.99800000/0.00000000");
  EXPECT_EQ(h.balance(2, "USDT"), "99900.00000000/0.00000000");
  const auto btc = *h.venue.find_asset("BTC");
  const auto usdt = *h.venue.find_asset("USDT");
  EXPECT_EQ(h.venue.fees_collected(btc), test_support::amount("0.002"));
  EXPECT_EQ(h.venue.fees_collected(usdt), test_support::amount("0.1"));
  const auto maker_trades = h.venue.my_trades(core::AccountId{1}, h.symbol());
  ASSERT_EQ(maker_trades.size(), 1U);
  EXPECT_TRUE(maker_trades[0].is_maker);
  EXPECT_EQ(maker_trades[0].side, Side::sell);
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCommission, commission_rounds_down_to_the_asset_precision) {
  Harness h;
  h.fund(1, "BTC", "1000");
  ASSERT_TRUE(h.place(order(1).sell().limit("0.03").qty("333.33333")));
  const auto taken = h.place(order(2).buy().limit("0.03").qty("333.33333"));
  ASSERT_TRUE(taken);
  // The seller receives 9.9999999 USDT; 0.1 % of it is 0.0099999999, charged as 0.00999999.
  EXPECT_EQ(h.balance(1, "USDT"), "100009.98999991/0.00000000");
  // The buyer receives 333.33333 BTC; 0.2 % is 0.666666666, charged as 0.66666666.
  EXPECT_EQ(h.balance(2, "BTC"), "342.66666334/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCommission, an_account_without_commission_pays_none) {
  Harness h;
  ASSERT_EQ(h.venue.add_account({core::AccountId{7}, "free", CommissionRate{0}, CommissionRate{0}}),
            std::nullopt);
  h.fund(7, "USDT", "1000");
  h.set_level(Side::sell, "100.00", "1");
  ASSERT_TRUE(h.place(order(7).buy().limit("100.00").qty("1")));
  EXPECT_EQ(h.balance(7, "BTC"), "1.00000000/0.00000000");
  EXPECT_EQ(h.balance(7, "USDT"), "900.00000000/0.00000000");
}

}  // namespace
}  // namespace mockex::venue
