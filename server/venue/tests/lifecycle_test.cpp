// The order lifecycle as a client sees it: ids, client order ids, event sequences, cancels,
// cancel-all, cancel-replace, queries and bounded histories.

#include <gtest/gtest.h>

#include <algorithm>

#include "venue_test_support.hpp"

namespace mockex::venue {
namespace {

using core::ErrorCode;
using test_support::Harness;
using test_support::order;
using test_support::qty;

TEST(VenueLifecycle, order_and_trade_ids_count_up_per_symbol) {
  Harness h;
  EXPECT_EQ(h.place(order(1).sell().limit("100.00").qty("1"))->order.id, core::OrderId{1});
  EXPECT_EQ(h.place(order(2).sell().limit("101.00").qty("1"))->order.id, core::OrderId{2});
  const auto taker = h.place(order(3).buy().limit("101.00").qty("2"));
  ASSERT_TRUE(taker);
  EXPECT_EQ(taker->order.id, core::OrderId{3});
  ASSERT_EQ(taker->fills.size(), 2U);
  EXPECT_EQ(taker->fills[0].trade_id, core::TradeId{1});
  EXPECT_EQ(taker->fills[1].trade_id, core::TradeId{2});
  EXPECT_EQ(taker->order.status, OrderStatus::filled);
  EXPECT_EQ(taker->order.cumulative_quote_qty, test_support::amount("201"));
}

TEST(VenueLifecycle, missing_client_order_ids_are_made_up_from_the_seed) {
  Harness a{test_support::btcusdt(), 42};
  Harness b{test_support::btcusdt(), 42};
  const auto first = a.place(order(1).buy().limit("100.00").qty("1"));
  const auto same = b.place(order(1).buy().limit("100.00").qty("1"));
  ASSERT_TRUE(first && same);
  EXPECT_EQ(first->order.client_order_id.view().size(), 22U);
  EXPECT_EQ(first->order.client_order_id, same->order.client_order_id);
  const auto second = a.place(order(1).buy().limit("100.00").qty("1"));
  EXPECT_NE(second->order.client_order_id, first->order.client_order_id);
}

TEST(VenueLifecycle, a_marketable_order_reports_new_then_trades_then_expiry) {
  Harness h;
  ASSERT_TRUE(h.place(order(2).sell().limit("100.00").qty("0.4").client("m")));
  h.events.clear();
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1").ioc().client("t")));
  EXPECT_EQ(h.take_log(),
            "ORDER BTCUSDT #2 x=NEW X=NEW acct=1 c=t BUY LIMIT IOC p=100.00 q=1.00000 z=0.00000 "
            "Z=0.00000000 T=1700000000000\n"
            "ORDER BTCUSDT #1 x=TRADE X=FILLED acct=2 c=m SELL LIMIT GTC p=100.00 q=0.40000 "
            "z=0.40000 Z=40.00000000 fill=1:100.00x0.40000 fee=0.04000000USDT maker T=1700000000000\n"
            "ORDER BTCUSDT #2 x=TRADE X=PARTIALLY_FILLED acct=1 c=t BUY LIMIT IOC p=100.00 "
            "q=1.00000 z=0.40000 Z=40.00000000 fill=1:100.00x0.40000 fee=0.00080000BTC taker "
            "T=1700000000000\n"
            "TRADE BTCUSDT #1 p=100.00 q=0.40000 buyer=2 seller=1 seller-maker T=1700000000000\n"
            "DEPTH BTCUSDT u=2 SELL p=100.00 q=0.00000 n=0 T=1700000000000\n"
            "ORDER BTCUSDT #2 x=EXPIRED X=EXPIRED acct=1 c=t BUY LIMIT IOC p=100.00 q=1.00000 "
            "z=0.40000 Z=40.00000000 eR=UNFILLED_IOC_QUANTITY_EXPIRED T=1700000000000\n"
            "POSITION acct=1 USDT=99960.00000000/0.00000000 BTC=10.39920000/0.00000000 "
            "T=1700000000000\n"
            "POSITION acct=2 BTC=9.60000000/0.00000000 USDT=100039.96000000/0.00000000 "
            "T=1700000000000\n");
}

TEST(VenueLifecycle, cancel_reports_the_cancels_own_id_and_the_original_one) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1").client("orig")));
  h.events.clear();
  CancelOrder cancel;
  cancel.account = core::AccountId{1};
  cancel.symbol = "BTCUSDT";
  cancel.orig_client_order_id = ClientOrderId{"orig"};
  cancel.new_client_order_id = ClientOrderId{"cxl"};
  const auto canceled = h.venue.cancel_order(cancel, h.now, h.events);
  ASSERT_TRUE(canceled);
  EXPECT_EQ(canceled->order.status, OrderStatus::canceled);
  EXPECT_EQ(canceled->order.client_order_id.view(), "orig");
  EXPECT_EQ(canceled->client_order_id.view(), "cxl");
  const auto found = std::find_if(h.events.begin(), h.events.end(), [](const Event& event) {
    return std::holds_alternative<OrderUpdate>(event);
  });
  ASSERT_NE(found, h.events.end());
  const auto& update = std::get<OrderUpdate>(*found);
  EXPECT_EQ(update.exec, ExecType::canceled);
  EXPECT_EQ(update.client_order_id.view(), "cxl");
  EXPECT_EQ(update.orig_client_order_id.view(), "orig");
}

TEST(VenueLifecycle, cancel_of_unknown_closed_or_foreign_orders_is_unknown_order) {
  Harness h;
  EXPECT_EQ(h.cancel(1, 1).error(), ErrorCode::book_unknown_order);
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1").client("x")));
  EXPECT_EQ(h.cancel(2, 1).error(), ErrorCode::book_unknown_order) << "another account's";
  CancelOrder mismatched;
  mismatched.account = core::AccountId{1};
  mismatched.symbol = "BTCUSDT";
  mismatched.order_id = core::OrderId{1};
  mismatched.orig_client_order_id = ClientOrderId{"y"};
  EXPECT_EQ(h.venue.cancel_order(mismatched, h.now, h.events).error(), ErrorCode::book_unknown_order);
  ASSERT_TRUE(h.cancel(1, 1));
  EXPECT_EQ(h.cancel(1, 1).error(), ErrorCode::book_unknown_order) << "already closed";
}

TEST(VenueLifecycle, cancel_all_cancels_the_symbols_open_orders_oldest_first) {
  Harness h;
  EXPECT_EQ(h.venue.cancel_all(core::AccountId{1}, "BTCUSDT", h.now, h.events).error(),
            ErrorCode::book_unknown_order);
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  ASSERT_TRUE(h.place(order(2).buy().limit("100.00").qty("1")));
  ASSERT_TRUE(h.place(order(1).sell().stop_loss("90.00").qty("1")));
  ASSERT_TRUE(h.place(order(1).sell().limit("110.00").qty("1")));
  const auto canceled = h.venue.cancel_all(core::AccountId{1}, "BTCUSDT", h.now, h.events);
  ASSERT_TRUE(canceled);
  ASSERT_EQ(canceled->size(), 3U);
  EXPECT_EQ((*canceled)[0].order.id, core::OrderId{1});
  EXPECT_EQ((*canceled)[1].order.id, core::OrderId{3});
  EXPECT_EQ((*canceled)[2].order.id, core::OrderId{4});
  EXPECT_TRUE(h.venue.open_orders(core::AccountId{1}, std::nullopt).empty());
  EXPECT_EQ(h.venue.open_orders(core::AccountId{2}, h.symbol()).size(), 1U);
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueLifecycle, queries_find_open_and_closed_orders_and_all_orders_lists_them_by_id) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1").client("a")));
  ASSERT_TRUE(h.place(order(1).buy().limit("99.00").qty("1").client("b")));
  ASSERT_TRUE(h.cancel(1, 1));
  const auto by_client = h.venue.query_order(core::AccountId{1}, h.symbol(), {}, ClientOrderId{"b"});
  ASSERT_TRUE(by_client);
  EXPECT_EQ(by_client->id, core::OrderId{2});
  EXPECT_EQ(h.venue.query_order(core::AccountId{1}, h.symbol(), {}, ClientOrderId{"a"})->status,
            OrderStatus::canceled);
  EXPECT_EQ(h.venue.query_order(core::AccountId{2}, h.symbol(), core::OrderId{1}, {}).error(),
            ErrorCode::book_unknown_order);
  const auto all = h.venue.all_orders(core::AccountId{1}, h.symbol());
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].id, core::OrderId{1});
  EXPECT_EQ(all[1].id, core::OrderId{2});
}

TEST(VenueLifecycle, histories_are_bounded_oldest_first) {
  Harness h;
  Venue venue{core::Rng{1}, VenueLimits{2, 3, 1000}};
  ASSERT_EQ(venue.add_asset({"BTC", core::Scale{8}}), std::nullopt);
  ASSERT_EQ(venue.add_asset({"USDT", core::Scale{8}}), std::nullopt);
  ASSERT_EQ(venue.add_instrument(test_support::btcusdt()), std::nullopt);
  ASSERT_EQ(venue.add_account({core::AccountId{1}, "k", {}, {}}), std::nullopt);
  Events events;
  ASSERT_TRUE(venue.set_balance(core::AccountId{1}, "USDT", test_support::amount("1000"), h.now, events));
  ASSERT_TRUE(venue.set_level("BTCUSDT", Side::sell, test_support::px("10.00"), qty("100"), h.now, events));
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(venue.place_order(order(1).buy().limit("10.00").qty("1"), h.now, events));
  }
  const SymbolId symbol = *venue.find_symbol("BTCUSDT");
  const auto all = venue.all_orders(core::AccountId{1}, symbol);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].id, core::OrderId{4});
  EXPECT_EQ(venue.my_trades(core::AccountId{1}, symbol).size(), 3U);
}

TEST(VenueCancelReplace, cancels_then_places_with_the_released_funds) {
  Harness h;
  h.fund(1, "USDT", "100");
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  CancelReplace command;
  command.cancel.account = core::AccountId{1};
  command.cancel.symbol = "BTCUSDT";
  command.cancel.order_id = core::OrderId{1};
  command.place = order(1).buy().limit("50.00").qty("2");
  const CancelReplaced result = h.venue.cancel_replace(command, h.now, h.events);
  EXPECT_TRUE(result.cancel_status);
  ASSERT_TRUE(result.canceled);
  EXPECT_EQ(result.canceled->order.status, OrderStatus::canceled);
  ASSERT_TRUE(result.placed);
  EXPECT_EQ(result.placed->order.id, core::OrderId{2});
  EXPECT_EQ(h.balance(1, "USDT"), "0.00000000/100.00000000");
}

TEST(VenueCancelReplace, stop_on_failure_places_nothing_when_the_cancel_fails) {
  Harness h;
  CancelReplace command;
  command.cancel.account = core::AccountId{1};
  command.cancel.symbol = "BTCUSDT";
  command.cancel.order_id = core::OrderId{9};
  command.place = order(1).buy().limit("50.00").qty("2");
  const CancelReplaced result = h.venue.cancel_replace(command, h.now, h.events);
  EXPECT_EQ(result.cancel_status.error(), ErrorCode::book_unknown_order);
  EXPECT_FALSE(result.place_attempted);
  EXPECT_TRUE(h.venue.open_orders(core::AccountId{1}, std::nullopt).empty());

  command.mode = CancelReplaceMode::allow_failure;
  const CancelReplaced allowed = h.venue.cancel_replace(command, h.now, h.events);
  EXPECT_EQ(allowed.cancel_status.error(), ErrorCode::book_unknown_order);
  EXPECT_TRUE(allowed.place_attempted);
  EXPECT_TRUE(allowed.placed);
}

TEST(VenueCancelReplace, a_rejected_new_order_leaves_the_old_one_cancelled) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  CancelReplace command;
  command.cancel.account = core::AccountId{1};
  command.cancel.symbol = "BTCUSDT";
  command.cancel.order_id = core::OrderId{1};
  command.place = order(1).buy().limit("100.00").qty("0.001");
  const CancelReplaced result = h.venue.cancel_replace(command, h.now, h.events);
  EXPECT_TRUE(result.canceled);
  EXPECT_EQ(result.place_status.error(), ErrorCode::filter_notional);
  EXPECT_FALSE(result.placed);
  EXPECT_EQ(h.balance(1, "USDT"), "100000.00000000/0.00000000");
}

TEST(VenueLifecycle, two_accounts_trade_with_each_other_and_see_their_own_trades) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).sell().limit("100.00").qty("1")));
  ASSERT_TRUE(h.place(order(2).buy().limit("100.00").qty("1")));
  const auto buyer = h.venue.my_trades(core::AccountId{2}, h.symbol());
  const auto seller = h.venue.my_trades(core::AccountId{1}, h.symbol());
  ASSERT_EQ(buyer.size(), 1U);
  ASSERT_EQ(seller.size(), 1U);
  EXPECT_EQ(buyer[0].trade_id, seller[0].trade_id);
  EXPECT_EQ(buyer[0].side, Side::buy);
  EXPECT_FALSE(buyer[0].is_maker);
  EXPECT_TRUE(seller[0].is_maker);
  const auto btc = *h.venue.find_asset("BTC");
  EXPECT_EQ(h.venue.market_ledger(btc), core::Amount{}) << "the market took no part";
}

}  // namespace
}  // namespace mockex::venue
