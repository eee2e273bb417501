#include <gtest/gtest.h>

#include "book_test_support.hpp"

namespace mockex::book {
namespace {

using test_support::BookTest;
using test_support::order;

class OrderBookTimeInForce : public BookTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(submit(order(1).sell().limit("100.00").qty("1.000")));
    ASSERT_TRUE(submit(order(2).sell().limit("101.00").qty("1.000")));
    ASSERT_TRUE(submit(order(3).sell().limit("102.00").qty("1.000")));
  }
};

TEST_F(OrderBookTimeInForce, gtc_rests_what_it_cannot_fill) {
  ASSERT_TRUE(submit(order(10).buy().limit("100.00").qty("1.500")));
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "  1    0.500   100.00 | 101.00     1.000  1\n"
            "                      | 102.00     1.000  1\n");
}

TEST_F(OrderBookTimeInForce, ioc_fills_what_it_can_and_expires_the_rest) {
  ASSERT_TRUE(submit(order(10).buy().limit("101.00").qty("3.000").ioc()));
  EXPECT_EQ(std::get<OrderDone>(events_.back()),
            (OrderDone{core::OrderId{10}, core::AccountId{}, DoneReason::expired_ioc,
                       test_support::qty("2.000"), test_support::qty("1.000")}));
  EXPECT_FALSE(book_.best_bid());
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "                      | 102.00     1.000  1\n");
}

TEST_F(OrderBookTimeInForce, ioc_without_a_cross_expires_unfilled) {
  ASSERT_TRUE(submit(order(10).buy().limit("99.00").qty("1.000").ioc()));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=0 side=BUY type=LIMIT state=RESTING\n"
            "DONE order=10 owner=0 reason=EXPIRED_IOC filled=0.000 open=1.000\n");
}

TEST_F(OrderBookTimeInForce, fok_fills_completely_across_levels) {
  ASSERT_TRUE(submit(order(10).buy().limit("102.00").qty("2.500").fok()));
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::filled);
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "                      | 102.00     0.500  1\n");
}

TEST_F(OrderBookTimeInForce, fok_that_cannot_fill_completely_expires_without_any_trade) {
  const auto hash = book_.state_hash();
  ASSERT_TRUE(submit(order(10).buy().limit("102.00").qty("3.001").fok()));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=0 side=BUY type=LIMIT state=RESTING\n"
            "DONE order=10 owner=0 reason=EXPIRED_FOK filled=0.000 open=3.001\n");
  EXPECT_EQ(book_.depth(10).asks.size(), 3U);
  EXPECT_NE(book_.state_hash(), hash);  // only the priority counter moved
}

TEST_F(OrderBookTimeInForce, fok_counts_only_liquidity_within_its_limit) {
  ASSERT_TRUE(submit(order(10).buy().limit("101.00").qty("2.500").fok()));
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::expired_fok);
  ASSERT_TRUE(submit(order(11).buy().limit("101.00").qty("2.000").fok()));
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::filled);
}

TEST_F(OrderBookTimeInForce, limit_maker_ignores_time_in_force_and_rests) {
  NewOrder post_only = order(10).buy().limit_maker("99.00").qty("1.000").ioc();
  ASSERT_TRUE(submit(post_only));
  const auto info = book_.find(core::OrderId{10});
  ASSERT_TRUE(info);
  EXPECT_EQ(info->tif, TimeInForce::gtc);
  EXPECT_EQ(info->state, OrderState::resting);
}

}  // namespace
}  // namespace mockex::book
