#include <gtest/gtest.h>

#include "book_test_support.hpp"

namespace mockex::book {
namespace {

using test_support::BookTest;
using test_support::order;

// Account 7 rests an ask at 100.00 behind account 8's, and another at 101.00.
class OrderBookStp : public BookTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(submit(order(1).sell().limit("100.00").qty("1.000").owner(8)));
    ASSERT_TRUE(submit(order(2).sell().limit("100.00").qty("1.000").owner(7)));
    ASSERT_TRUE(submit(order(3).sell().limit("101.00").qty("1.000").owner(9)));
  }
};

TEST_F(OrderBookStp, none_lets_an_account_trade_with_itself) {
  ASSERT_TRUE(submit(order(10).buy().limit("100.00").qty("2.000").owner(7)));
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::filled);
  const auto& self_trade = std::get<Trade>(events_[3]);
  EXPECT_EQ(self_trade.maker_owner, self_trade.taker_owner);
}

TEST_F(OrderBookStp, expire_taker_keeps_earlier_fills_and_the_resting_order) {
  ASSERT_TRUE(
      submit(order(10).buy().limit("101.00").qty("3.000").owner(7).stp(StpMode::expire_taker)));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=7 side=BUY type=LIMIT state=RESTING\n"
            "TRADE id=1 maker=1 taker=10 maker_owner=8 taker_owner=7 maker_side=SELL price=100.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=8 reason=FILLED filled=1.000 open=0.000\n"
            "PREVENTED id=1 taker=10 maker=2 owner=7 mode=EXPIRE_TAKER price=100.00 "
            "taker_qty=2.000 maker_qty=1.000\n"
            "LEVEL u=4 side=SELL price=100.00 qty=1.000 count=1\n"
            "DONE order=10 owner=7 reason=EXPIRED_IN_MATCH filled=1.000 open=2.000\n");
  EXPECT_TRUE(book_.find(core::OrderId{2}));
}

TEST_F(OrderBookStp, expire_maker_removes_own_resting_order_and_keeps_matching) {
  ASSERT_TRUE(
      submit(order(10).buy().limit("101.00").qty("2.000").owner(7).stp(StpMode::expire_maker)));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=7 side=BUY type=LIMIT state=RESTING\n"
            "TRADE id=1 maker=1 taker=10 maker_owner=8 taker_owner=7 maker_side=SELL price=100.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=8 reason=FILLED filled=1.000 open=0.000\n"
            "PREVENTED id=1 taker=10 maker=2 owner=7 mode=EXPIRE_MAKER price=100.00 "
            "taker_qty=1.000 maker_qty=1.000\n"
            "DONE order=2 owner=7 reason=EXPIRED_IN_MATCH filled=0.000 open=1.000\n"
            "LEVEL u=4 side=SELL price=100.00 qty=0.000 count=0\n"
            "TRADE id=2 maker=3 taker=10 maker_owner=9 taker_owner=7 maker_side=SELL price=101.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=3 owner=9 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=5 side=SELL price=101.00 qty=0.000 count=0\n"
            "DONE order=10 owner=7 reason=FILLED filled=2.000 open=0.000\n");
}

TEST_F(OrderBookStp, expire_both_removes_both_orders) {
  ASSERT_TRUE(
      submit(order(10).buy().limit("101.00").qty("2.000").owner(7).stp(StpMode::expire_both)));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=7 side=BUY type=LIMIT state=RESTING\n"
            "TRADE id=1 maker=1 taker=10 maker_owner=8 taker_owner=7 maker_side=SELL price=100.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=8 reason=FILLED filled=1.000 open=0.000\n"
            "PREVENTED id=1 taker=10 maker=2 owner=7 mode=EXPIRE_BOTH price=100.00 "
            "taker_qty=1.000 maker_qty=1.000\n"
            "DONE order=2 owner=7 reason=EXPIRED_IN_MATCH filled=0.000 open=1.000\n"
            "LEVEL u=4 side=SELL price=100.00 qty=0.000 count=0\n"
            "DONE order=10 owner=7 reason=EXPIRED_IN_MATCH filled=1.000 open=1.000\n");
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "                      | 101.00     1.000  1\n");
}

TEST_F(OrderBookStp, orders_without_an_account_never_self_trade_prevent) {
  ASSERT_TRUE(submit(order(20).sell().limit("99.00").qty("1.000")));
  ASSERT_TRUE(submit(order(21).buy().limit("99.00").qty("1.000").stp(StpMode::expire_both)));
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::filled);
}

TEST_F(OrderBookStp, fok_with_expire_maker_counts_liquidity_beyond_own_orders) {
  ASSERT_TRUE(submit(
      order(10).buy().limit("101.00").qty("2.000").owner(7).fok().stp(StpMode::expire_maker)));
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::filled);
  EXPECT_FALSE(book_.find(core::OrderId{2}));
}

TEST_F(OrderBookStp, fok_with_expire_taker_cannot_reach_past_own_order) {
  const auto before = book_.depth(10);
  ASSERT_TRUE(submit(
      order(10).buy().limit("101.00").qty("2.000").owner(7).fok().stp(StpMode::expire_taker)));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=7 side=BUY type=LIMIT state=RESTING\n"
            "DONE order=10 owner=7 reason=EXPIRED_FOK filled=0.000 open=2.000\n");
  EXPECT_EQ(book_.depth(10), before);
}

TEST_F(OrderBookStp, market_by_quote_reports_zero_taker_qty_when_prevented) {
  ASSERT_TRUE(submit(order(10).buy().market().quote("500.00").owner(7).stp(StpMode::expire_taker)));
  const auto& prevented = std::get<MatchPrevented>(events_[3]);
  EXPECT_EQ(prevented.taker_qty, core::Qty{0});
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::expired_in_match);
}

}  // namespace
}  // namespace mockex::book
