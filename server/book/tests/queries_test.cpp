#include <gtest/gtest.h>

#include "book_test_support.hpp"

namespace mockex::book {
namespace {

using core::OrderId;
using test_support::BookTest;
using test_support::order;
using test_support::px;
using test_support::qty;

class OrderBookQueries : public BookTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(submit(order(1).buy().limit("100.00").qty("1.000").owner(7)));
    ASSERT_TRUE(submit(order(2).buy().limit("100.00").qty("2.000")));
    ASSERT_TRUE(submit(order(3).buy().limit("100.00").qty("0.500").owner(7)));
    ASSERT_TRUE(submit(order(4).buy().limit("99.00").qty("1.000")));
    ASSERT_TRUE(submit(order(5).buy().limit("98.00").qty("1.000")));
    ASSERT_TRUE(submit(order(6).sell().limit("101.00").qty("3.000")));
  }
};

TEST_F(OrderBookQueries, best_bid_and_ask_aggregate_the_top_levels) {
  EXPECT_EQ(book_.best_bid(), (LevelInfo{px("100.00"), qty("3.500"), 3}));
  EXPECT_EQ(book_.best_ask(), (LevelInfo{px("101.00"), qty("3.000"), 1}));
  const TopOfBook top = book_.top();
  EXPECT_EQ(top.bid.price, px("100.00"));
  EXPECT_EQ(top.ask.qty, qty("3.000"));
  EXPECT_EQ(top.update_id, book_.update_id());
}

TEST_F(OrderBookQueries, depth_is_limited_to_the_top_n_levels) {
  const DepthSnapshot two = book_.depth(2);
  ASSERT_EQ(two.bids.size(), 2U);
  EXPECT_EQ(two.bids[1].price, px("99.00"));
  EXPECT_EQ(two.asks.size(), 1U);
  EXPECT_EQ(book_.level_count(Side::buy), 3U);
  std::vector<LevelInfo> asks;
  book_.depth(Side::sell, 0, asks);
  EXPECT_TRUE(asks.empty());
}

TEST_F(OrderBookQueries, find_reports_an_open_orders_state) {
  const auto info = book_.find(OrderId{2});
  ASSERT_TRUE(info);
  EXPECT_EQ(info->owner, core::kNoAccount);
  EXPECT_EQ(info->side, Side::buy);
  EXPECT_EQ(info->type, OrderType::limit);
  EXPECT_EQ(info->state, OrderState::resting);
  EXPECT_EQ(info->price, px("100.00"));
  EXPECT_EQ(info->open_qty, qty("2.000"));
  EXPECT_EQ(info->filled_qty, qty("0"));
  EXPECT_FALSE(book_.find(OrderId{99}));
}

TEST_F(OrderBookQueries, queue_ahead_is_the_open_volume_in_front_of_the_order) {
  EXPECT_EQ(book_.queue_ahead(OrderId{1}).value(), qty("0"));
  EXPECT_EQ(book_.queue_ahead(OrderId{2}).value(), qty("1.000"));
  EXPECT_EQ(book_.queue_ahead(OrderId{3}).value(), qty("3.000"));
  ASSERT_TRUE(submit(order(10).sell().limit("100.00").qty("1.250")));
  EXPECT_EQ(book_.queue_ahead(OrderId{3}).value(), qty("1.750"));
  EXPECT_EQ(book_.queue_ahead(OrderId{99}).error(), core::ErrorCode::book_unknown_order);
}

TEST_F(OrderBookQueries, orders_at_and_open_orders_list_in_priority_order) {
  std::vector<std::uint64_t> at_level;
  for (const auto& info : book_.orders_at(Side::buy, px("100.00")))
    at_level.push_back(info.id.value());
  EXPECT_EQ(at_level, (std::vector<std::uint64_t>{1, 2, 3}));
  EXPECT_TRUE(book_.orders_at(Side::sell, px("100.00")).empty());
  std::vector<std::uint64_t> mine;
  for (const auto& info : book_.open_orders(core::AccountId{7})) mine.push_back(info.id.value());
  EXPECT_EQ(mine, (std::vector<std::uint64_t>{1, 3}));
}

TEST_F(OrderBookQueries, background_liquidity_level_can_be_resized_by_amend) {
  // The venue keeps one no-account order per background level and resizes it to a target.
  ASSERT_TRUE(amend(4, "5.000"));
  EXPECT_EQ(book_.depth(3).bids[1], (LevelInfo{px("99.00"), qty("5.000"), 1}));
  ASSERT_TRUE(amend(4, "0.100"));
  EXPECT_EQ(book_.depth(3).bids[1], (LevelInfo{px("99.00"), qty("0.100"), 1}));
}

TEST_F(OrderBookQueries, state_hash_is_equal_for_equal_histories_and_differs_otherwise) {
  OrderBook a{test_support::test_config()};
  OrderBook b{test_support::test_config()};
  Events events;
  for (OrderBook* book : {&a, &b}) {
    ASSERT_TRUE(book->submit(order(1).buy().limit("100.00").qty("1.000"), events));
    ASSERT_TRUE(book->submit(order(2).sell().limit("100.00").qty("0.400"), events));
  }
  EXPECT_EQ(a.state_hash(), b.state_hash());
  ASSERT_TRUE(b.amend_qty(OrderId{1}, qty("0.500"), events));
  EXPECT_NE(a.state_hash(), b.state_hash());
}

TEST(OrderBookCapacity, full_book_rejects_new_orders_until_one_leaves) {
  BookConfig config = test_support::test_config();
  config.max_orders = 2;
  OrderBook book{config};
  Events events;
  ASSERT_TRUE(book.submit(order(1).buy().limit("100.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(2).buy().limit("99.00").qty("1.000"), events));
  EXPECT_EQ(book.submit(order(3).sell().limit("100.00").qty("1.000"), events).error(),
            core::ErrorCode::book_full);
  ASSERT_TRUE(book.cancel(OrderId{2}, events));
  ASSERT_TRUE(book.submit(order(3).sell().limit("100.00").qty("1.000"), events));
  EXPECT_EQ(book.check_invariants(), std::nullopt);
}

TEST(OrderBookMove, moved_book_keeps_its_state) {
  OrderBook book{test_support::test_config()};
  Events events;
  ASSERT_TRUE(book.submit(order(1).buy().limit("100.00").qty("1.000"), events));
  const auto hash = book.state_hash();
  OrderBook moved = std::move(book);
  EXPECT_EQ(moved.state_hash(), hash);
  EXPECT_TRUE(moved.find(OrderId{1}));
}

TEST(OrderBookIndex, many_orders_survive_index_growth_and_random_removal) {
  OrderBook book{test_support::test_config()};
  Events events;
  constexpr std::uint64_t n = 5000;
  for (std::uint64_t id = 1; id <= n; ++id) {
    NewOrder o = order(id).buy().limit("1.00").qty("1.000");
    o.price = core::Price{static_cast<std::int64_t>(100 + id % 50)};
    ASSERT_TRUE(book.submit(o, events));
  }
  for (std::uint64_t id = 3; id <= n; id += 3) ASSERT_TRUE(book.cancel(OrderId{id}, events));
  EXPECT_EQ(book.order_count(), n - n / 3);
  for (std::uint64_t id = 1; id <= n; ++id)
    EXPECT_EQ(book.find(OrderId{id}).has_value(), id % 3 != 0);
  EXPECT_EQ(book.check_invariants(), std::nullopt);
}

}  // namespace
}  // namespace mockex::book
