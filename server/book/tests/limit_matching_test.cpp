#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "book_test_support.hpp"

namespace mockex::book {
namespace {

using test_support::BookTest;
using test_support::order;
using test_support::px;
using test_support::qty;
using OrderBookLimit = BookTest;

TEST_F(OrderBookLimit, resting_orders_build_depth_best_price_first) {
  ASSERT_TRUE(submit(order(1).buy().limit("99.50").qty("1.000")));
  ASSERT_TRUE(submit(order(2).buy().limit("100.00").qty("2.000")));
  ASSERT_TRUE(submit(order(3).buy().limit("100.00").qty("0.500")));
  ASSERT_TRUE(submit(order(4).sell().limit("101.00").qty("1.500")));
  ASSERT_TRUE(submit(order(5).sell().limit("100.50").qty("0.250")));
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "  2    2.500   100.00 | 100.50     0.250  1\n"
            "  1    1.000    99.50 | 101.00     1.500  1\n");
  EXPECT_EQ(book_.order_count(), 5U);
}

TEST_F(OrderBookLimit, crossing_limit_fills_at_maker_price) {
  ASSERT_TRUE(submit(order(1).sell().limit("101.00").qty("1.000").owner(7)));
  ASSERT_TRUE(submit(order(2).buy().limit("102.00").qty("1.000").owner(8)));
  EXPECT_EQ(log(),
            "ACCEPTED order=2 owner=8 side=BUY type=LIMIT state=RESTING\n"
            "TRADE id=1 maker=1 taker=2 maker_owner=7 taker_owner=8 maker_side=SELL price=101.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=7 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=2 side=SELL price=101.00 qty=0.000 count=0\n"
            "DONE order=2 owner=8 reason=FILLED filled=1.000 open=0.000\n");
  EXPECT_EQ(book_.last_price(), px("101.00"));
  EXPECT_EQ(book_.order_count(), 0U);
}

TEST_F(OrderBookLimit, equal_price_crosses) {
  ASSERT_TRUE(submit(order(1).buy().limit("100.00").qty("1.000")));
  ASSERT_TRUE(submit(order(2).sell().limit("100.00").qty("1.000")));
  EXPECT_EQ(book_.order_count(), 0U);
  EXPECT_EQ(book_.last_price(), px("100.00"));
}

TEST_F(OrderBookLimit, fills_in_time_priority_within_a_level) {
  ASSERT_TRUE(submit(order(1).sell().limit("101.00").qty("1.000")));
  ASSERT_TRUE(submit(order(2).sell().limit("101.00").qty("1.000")));
  ASSERT_TRUE(submit(order(3).buy().limit("101.00").qty("1.500")));
  EXPECT_EQ(log(),
            "ACCEPTED order=3 owner=0 side=BUY type=LIMIT state=RESTING\n"
            "TRADE id=1 maker=1 taker=3 maker_owner=0 taker_owner=0 maker_side=SELL price=101.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "TRADE id=2 maker=2 taker=3 maker_owner=0 taker_owner=0 maker_side=SELL price=101.00 "
            "qty=0.500 maker_open=0.500\n"
            "LEVEL u=3 side=SELL price=101.00 qty=0.500 count=1\n"
            "DONE order=3 owner=0 reason=FILLED filled=1.500 open=0.000\n");
}

TEST_F(OrderBookLimit, sweeps_levels_in_price_priority_and_rests_the_remainder) {
  ASSERT_TRUE(submit(order(1).sell().limit("102.00").qty("1.000")));
  ASSERT_TRUE(submit(order(2).sell().limit("101.00").qty("1.000")));
  ASSERT_TRUE(submit(order(3).sell().limit("103.00").qty("1.000")));
  ASSERT_TRUE(submit(order(4).buy().limit("102.00").qty("3.000")));
  EXPECT_EQ(log(),
            "ACCEPTED order=4 owner=0 side=BUY type=LIMIT state=RESTING\n"
            "TRADE id=1 maker=2 taker=4 maker_owner=0 taker_owner=0 maker_side=SELL price=101.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=2 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=4 side=SELL price=101.00 qty=0.000 count=0\n"
            "TRADE id=2 maker=1 taker=4 maker_owner=0 taker_owner=0 maker_side=SELL price=102.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=5 side=SELL price=102.00 qty=0.000 count=0\n"
            "LEVEL u=6 side=BUY price=102.00 qty=1.000 count=1\n");
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "  1    1.000   102.00 | 103.00     1.000  1\n");
  const auto rested = book_.find(core::OrderId{4});
  ASSERT_TRUE(rested);
  EXPECT_EQ(rested->filled_qty, qty("2.000"));
  EXPECT_EQ(rested->open_qty, qty("1.000"));
  EXPECT_EQ(rested->qty, qty("3.000"));
}

TEST_F(OrderBookLimit, partially_filled_maker_keeps_its_place_at_the_front) {
  ASSERT_TRUE(submit(order(1).sell().limit("101.00").qty("2.000")));
  ASSERT_TRUE(submit(order(2).sell().limit("101.00").qty("1.000")));
  ASSERT_TRUE(submit(order(3).buy().limit("101.00").qty("1.000")));
  ASSERT_TRUE(submit(order(4).buy().limit("101.00").qty("1.500")));
  EXPECT_EQ(log(),
            "ACCEPTED order=4 owner=0 side=BUY type=LIMIT state=RESTING\n"
            "TRADE id=2 maker=1 taker=4 maker_owner=0 taker_owner=0 maker_side=SELL price=101.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=0 reason=FILLED filled=2.000 open=0.000\n"
            "TRADE id=3 maker=2 taker=4 maker_owner=0 taker_owner=0 maker_side=SELL price=101.00 "
            "qty=0.500 maker_open=0.500\n"
            "LEVEL u=4 side=SELL price=101.00 qty=0.500 count=1\n"
            "DONE order=4 owner=0 reason=FILLED filled=1.500 open=0.000\n");
}

TEST_F(OrderBookLimit, sell_taker_matches_highest_bid_first) {
  ASSERT_TRUE(submit(order(1).buy().limit("99.00").qty("1.000")));
  ASSERT_TRUE(submit(order(2).buy().limit("100.00").qty("1.000")));
  ASSERT_TRUE(submit(order(3).sell().limit("99.00").qty("2.000")));
  EXPECT_EQ(log(),
            "ACCEPTED order=3 owner=0 side=SELL type=LIMIT state=RESTING\n"
            "TRADE id=1 maker=2 taker=3 maker_owner=0 taker_owner=0 maker_side=BUY price=100.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=2 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=3 side=BUY price=100.00 qty=0.000 count=0\n"
            "TRADE id=2 maker=1 taker=3 maker_owner=0 taker_owner=0 maker_side=BUY price=99.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=4 side=BUY price=99.00 qty=0.000 count=0\n"
            "DONE order=3 owner=0 reason=FILLED filled=2.000 open=0.000\n");
  EXPECT_EQ(book_.last_price(), px("99.00"));
}

TEST_F(OrderBookLimit, non_crossing_limit_rests_without_trades) {
  ASSERT_TRUE(submit(order(1).sell().limit("101.00").qty("1.000")));
  ASSERT_TRUE(submit(order(2).buy().limit("100.99").qty("1.000")));
  EXPECT_EQ(log(),
            "ACCEPTED order=2 owner=0 side=BUY type=LIMIT state=RESTING\n"
            "LEVEL u=2 side=BUY price=100.99 qty=1.000 count=1\n");
  EXPECT_EQ(book_.last_price(), std::nullopt);
}

TEST_F(OrderBookLimit, update_ids_count_up_by_one_per_level_change) {
  ASSERT_TRUE(submit(order(1).sell().limit("101.00").qty("1.000")));
  ASSERT_TRUE(submit(order(2).sell().limit("102.00").qty("1.000")));
  ASSERT_TRUE(submit(order(3).buy().limit("99.00").qty("1.000")));
  EXPECT_EQ(book_.update_id(), 3U);
  ASSERT_TRUE(submit(order(4).buy().limit("102.00").qty("2.500")));  // two asks gone, bid rests
  EXPECT_EQ(book_.update_id(), 6U);
  ASSERT_TRUE(cancel(3));
  EXPECT_EQ(book_.update_id(), 7U);
  EXPECT_EQ(book_.depth(5).update_id, 7U);
}

TEST_F(OrderBookLimit, limit_maker_rests_when_it_does_not_cross) {
  ASSERT_TRUE(submit(order(1).sell().limit("101.00").qty("1.000")));
  ASSERT_TRUE(submit(order(2).buy().limit_maker("100.00").qty("1.000")));
  EXPECT_EQ(log(),
            "ACCEPTED order=2 owner=0 side=BUY type=LIMIT_MAKER state=RESTING\n"
            "LEVEL u=2 side=BUY price=100.00 qty=1.000 count=1\n");
}

TEST_F(OrderBookLimit, limit_maker_that_would_take_is_rejected_and_changes_nothing) {
  ASSERT_TRUE(submit(order(1).sell().limit("101.00").qty("1.000")));
  const auto hash = book_.state_hash();
  EXPECT_EQ(submit(order(2).buy().limit_maker("101.00").qty("1.000")).error(),
            core::ErrorCode::book_would_take);
  EXPECT_TRUE(events_.empty());
  EXPECT_EQ(book_.state_hash(), hash);
  EXPECT_EQ(submit(order(3).buy().limit_maker("105.00").qty("1.000")).error(),
            core::ErrorCode::book_would_take);
}

TEST_F(OrderBookLimit, maker_side_fills_leave_the_book_uncrossed) {
  ASSERT_TRUE(submit(order(1).buy().limit("100.00").qty("5.000")));
  ASSERT_TRUE(submit(order(2).sell().limit("99.00").qty("2.000")));
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "  1    3.000   100.00 |\n");
}

TEST_F(OrderBookLimit, trade_ids_start_at_the_configured_first_id) {
  BookConfig config = test_support::test_config();
  config.first_trade_id = 1000;
  OrderBook book{config};
  Events events;
  ASSERT_TRUE(book.submit(order(1).sell().limit("100.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(2).buy().limit("100.00").qty("0.500"), events));
  ASSERT_TRUE(book.submit(order(3).buy().limit("100.00").qty("0.500"), events));
  std::vector<std::uint64_t> ids;
  for (const Event& event : events) {
    if (const auto* trade = std::get_if<Trade>(&event)) ids.push_back(trade->id.value());
  }
  EXPECT_EQ(ids, (std::vector<std::uint64_t>{1000, 1001}));
}

TEST_F(OrderBookLimit, invalid_orders_are_rejected_with_ranged_codes_and_no_events) {
  using core::ErrorCode;
  ASSERT_TRUE(submit(order(1).buy().limit("100.00").qty("1.000")));
  const auto hash = book_.state_hash();
  struct Case {
    NewOrder order;
    ErrorCode expected;
  };
  NewOrder bad_enum = order(9).buy().limit("100.00").qty("1.000");
  bad_enum.type = static_cast<OrderType>(42);
  NewOrder negative_price = order(9).buy().limit("100.00").qty("1.000");
  negative_price.price = core::Price{-1};
  const Case cases[] = {
      {order(0).buy().limit("100.00").qty("1.000"), ErrorCode::book_invalid_order_id},
      {order(1).sell().limit("100.00").qty("1.000"), ErrorCode::book_duplicate_order_id},
      {order(9).buy().limit("100.00").qty("0"), ErrorCode::book_invalid_quantity},
      {order(9).buy().limit("0").qty("1.000"), ErrorCode::book_invalid_price},
      {negative_price, ErrorCode::book_invalid_price},
      {order(9).buy().market().qty("1.000").limit("100.00").market(),
       ErrorCode::book_invalid_price},
      {order(9).buy().market(), ErrorCode::book_invalid_quantity},
      {order(9).buy().market().qty("1.000").quote("10.00"), ErrorCode::book_invalid_quantity},
      {order(9).buy().limit("100.00").qty("1.000").quote("10.00"),
       ErrorCode::book_invalid_parameters},
      {order(9).buy().stop_loss("0").qty("1.000"), ErrorCode::book_invalid_stop_price},
      {order(9).buy().stop_loss_limit("101.00", "0").qty("1.000"), ErrorCode::book_invalid_price},
      {bad_enum, ErrorCode::book_invalid_parameters},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(submit(c.order).error(), c.expected) << core::name(c.expected);
    EXPECT_TRUE(events_.empty());
  }
  NewOrder stop_on_limit = order(9).buy().limit("100.00").qty("1.000");
  stop_on_limit.stop_price = px("99.00");
  EXPECT_EQ(submit(stop_on_limit).error(), ErrorCode::book_invalid_stop_price);
  EXPECT_EQ(book_.state_hash(), hash);
}

TEST_F(OrderBookLimit, level_total_overflow_is_rejected) {
  NewOrder huge = order(1).buy().limit("100.00").qty("1.000");
  huge.qty = core::Qty{std::numeric_limits<std::int64_t>::max() - 10};
  ASSERT_TRUE(submit(huge));
  EXPECT_EQ(submit(order(2).buy().limit("100.00").qty("1.000")).error(),
            core::ErrorCode::book_quantity_overflow);
}

}  // namespace
}  // namespace mockex::book
