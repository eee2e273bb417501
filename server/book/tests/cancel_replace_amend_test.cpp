#include <gtest/gtest.h>

#include "book_test_support.hpp"

namespace mockex::book {
namespace {

using core::ErrorCode;
using core::OrderId;
using test_support::BookTest;
using test_support::order;
using test_support::qty;

// Two bids at 100.00 (ids 1, 2) and one at 99.00 (id 3), accounts 7, 8, 7.
class OrderBookCancel : public BookTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(submit(order(1).buy().limit("100.00").qty("1.000").owner(7)));
    ASSERT_TRUE(submit(order(2).buy().limit("100.00").qty("2.000").owner(8)));
    ASSERT_TRUE(submit(order(3).buy().limit("99.00").qty("1.000").owner(7)));
  }

  std::vector<std::uint64_t> queue_at(const char* price) const {
    std::vector<std::uint64_t> ids;
    for (const OrderInfo& info : book_.orders_at(Side::buy, test_support::px(price))) {
      ids.push_back(info.id.value());
    }
    return ids;
  }
};

TEST_F(OrderBookCancel, cancel_removes_the_order_and_reports_the_level) {
  ASSERT_TRUE(cancel(1));
  EXPECT_EQ(log(),
            "LEVEL u=4 side=BUY price=100.00 qty=2.000 count=1\n"
            "DONE order=1 owner=7 reason=CANCELED filled=0.000 open=1.000\n");
  ASSERT_TRUE(cancel(3));
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "  1    2.000   100.00 |\n");
}

TEST_F(OrderBookCancel, cancel_of_unknown_or_finished_order_is_rejected) {
  EXPECT_EQ(cancel(42).error(), ErrorCode::book_unknown_order);
  ASSERT_TRUE(cancel(1));
  EXPECT_EQ(cancel(1).error(), ErrorCode::book_unknown_order);
  EXPECT_TRUE(events_.empty());
}

TEST_F(OrderBookCancel, cancel_of_partially_filled_order_reports_its_fill) {
  ASSERT_TRUE(submit(order(10).sell().limit("100.00").qty("0.250")));
  ASSERT_TRUE(cancel(1));
  EXPECT_EQ(std::get<OrderDone>(events_.back()),
            (OrderDone{OrderId{1}, core::AccountId{7}, DoneReason::canceled, qty("0.250"),
                       qty("0.750")}));
}

TEST_F(OrderBookCancel, cancel_all_cancels_one_accounts_orders_oldest_first) {
  ASSERT_TRUE(submit(order(4).sell().stop_loss("90.00").qty("1.000").owner(7)));
  EXPECT_EQ(cancel_all(7), 3U);
  EXPECT_EQ(log(),
            "LEVEL u=4 side=BUY price=100.00 qty=2.000 count=1\n"
            "DONE order=1 owner=7 reason=CANCELED filled=0.000 open=1.000\n"
            "LEVEL u=5 side=BUY price=99.00 qty=0.000 count=0\n"
            "DONE order=3 owner=7 reason=CANCELED filled=0.000 open=1.000\n"
            "DONE order=4 owner=7 reason=CANCELED filled=0.000 open=1.000\n");
  EXPECT_EQ(cancel_all(7), 0U);
  EXPECT_EQ(book_.order_count(), 1U);
}

TEST_F(OrderBookCancel, replace_gives_the_new_order_new_time_priority) {
  EXPECT_EQ(queue_at("100.00"), (std::vector<std::uint64_t>{1, 2}));
  ASSERT_TRUE(replace(1, order(11).buy().limit("100.00").qty("1.000").owner(7)));
  EXPECT_EQ(log(),
            "LEVEL u=4 side=BUY price=100.00 qty=2.000 count=1\n"
            "DONE order=1 owner=7 reason=CANCELED filled=0.000 open=1.000\n"
            "ACCEPTED order=11 owner=7 side=BUY type=LIMIT state=RESTING\n"
            "LEVEL u=5 side=BUY price=100.00 qty=3.000 count=2\n");
  EXPECT_EQ(queue_at("100.00"), (std::vector<std::uint64_t>{2, 11}));
}

TEST_F(OrderBookCancel, replace_may_reuse_the_old_id_and_move_price) {
  ASSERT_TRUE(replace(3, order(3).buy().limit("98.00").qty("4.000").owner(7)));
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "  2    3.000   100.00 |\n"
            "  1    4.000    98.00 |\n");
}

TEST_F(OrderBookCancel, replace_with_unknown_or_invalid_input_changes_nothing) {
  const auto hash = book_.state_hash();
  EXPECT_EQ(replace(42, order(11).buy().limit("100.00").qty("1.000")).error(),
            ErrorCode::book_unknown_order);
  EXPECT_EQ(replace(1, order(11).buy().limit("100.00").qty("0")).error(),
            ErrorCode::book_invalid_quantity);
  EXPECT_EQ(replace(1, order(2).buy().limit("100.00").qty("1.000")).error(),
            ErrorCode::book_duplicate_order_id);
  EXPECT_TRUE(events_.empty());
  EXPECT_EQ(book_.state_hash(), hash);
}

TEST_F(OrderBookCancel, replace_whose_new_order_is_rejected_once_placed_still_cancels_the_old) {
  ASSERT_TRUE(submit(order(20).sell().limit("101.00").qty("1.000")));
  EXPECT_EQ(replace(1, order(11).buy().limit_maker("101.00").qty("1.000")).error(),
            ErrorCode::book_would_take);
  EXPECT_EQ(log(),
            "LEVEL u=5 side=BUY price=100.00 qty=2.000 count=1\n"
            "DONE order=1 owner=7 reason=CANCELED filled=0.000 open=1.000\n");
  EXPECT_FALSE(book_.find(OrderId{1}));
  EXPECT_FALSE(book_.find(OrderId{11}));
}

TEST_F(OrderBookCancel, replace_that_crosses_trades_immediately) {
  ASSERT_TRUE(submit(order(20).sell().limit("101.00").qty("1.000").owner(9)));
  ASSERT_TRUE(replace(3, order(12).buy().limit("101.00").qty("0.500").owner(7)));
  EXPECT_EQ(std::get<Trade>(events_[3]).qty, qty("0.500"));
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::filled);
}

TEST_F(OrderBookCancel, amend_down_keeps_priority) {
  ASSERT_TRUE(amend(1, "0.400"));
  EXPECT_EQ(log(),
            "AMENDED order=1 owner=7 open=0.400 kept_priority=true\n"
            "LEVEL u=4 side=BUY price=100.00 qty=2.400 count=2\n");
  EXPECT_EQ(queue_at("100.00"), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(book_.find(OrderId{1})->qty, qty("0.400"));
}

TEST_F(OrderBookCancel, amend_up_moves_the_order_to_the_back) {
  ASSERT_TRUE(amend(1, "1.500"));
  EXPECT_EQ(log(),
            "AMENDED order=1 owner=7 open=1.500 kept_priority=false\n"
            "LEVEL u=4 side=BUY price=100.00 qty=3.500 count=2\n");
  EXPECT_EQ(queue_at("100.00"), (std::vector<std::uint64_t>{2, 1}));
}

TEST_F(OrderBookCancel, amend_after_partial_fill_sets_open_and_keeps_filled) {
  ASSERT_TRUE(submit(order(10).sell().limit("100.00").qty("0.250")));
  ASSERT_TRUE(amend(1, "0.500"));
  const auto info = book_.find(OrderId{1});
  ASSERT_TRUE(info);
  EXPECT_EQ(info->open_qty, qty("0.500"));
  EXPECT_EQ(info->filled_qty, qty("0.250"));
  EXPECT_EQ(info->qty, qty("0.750"));
}

TEST_F(OrderBookCancel, amend_rejects_zero_unknown_and_same_size_is_a_no_op) {
  EXPECT_EQ(amend(1, "0").error(), ErrorCode::book_invalid_quantity);
  EXPECT_EQ(amend(42, "1.000").error(), ErrorCode::book_unknown_order);
  ASSERT_TRUE(amend(1, "1.000"));
  EXPECT_TRUE(events_.empty());
}

TEST_F(OrderBookCancel, amend_of_pending_stop_changes_its_size_only) {
  ASSERT_TRUE(submit(order(4).sell().stop_loss("90.00").qty("1.000")));
  ASSERT_TRUE(amend(4, "3.000"));
  EXPECT_EQ(log(), "AMENDED order=4 owner=0 open=3.000 kept_priority=true\n");
  EXPECT_EQ(book_.find(OrderId{4})->qty, qty("3.000"));
}

}  // namespace
}  // namespace mockex::book
