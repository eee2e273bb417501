#include <gtest/gtest.h>

#include "book_test_support.hpp"

namespace mockex::book {
namespace {

using test_support::BookTest;
using test_support::order;
using test_support::px;

// Bids 99.00 and 98.00, an ask at 101.00, last price 100.00.
class OrderBookStops : public BookTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(submit(order(1).buy().limit("99.00").qty("1.000")));
    ASSERT_TRUE(submit(order(2).buy().limit("98.00").qty("1.000")));
    ASSERT_TRUE(submit(order(3).sell().limit("101.00").qty("1.000")));
    ASSERT_TRUE(last_price("100.00"));
  }
};

TEST_F(OrderBookStops, stop_loss_sell_triggers_when_last_falls_to_stop_and_sells_at_market) {
  ASSERT_TRUE(submit(order(10).sell().stop_loss("99.00").qty("1.500").owner(5)));
  EXPECT_EQ(log(), "ACCEPTED order=10 owner=5 side=SELL type=STOP_LOSS state=PENDING_TRIGGER\n");
  ASSERT_TRUE(submit(order(11).sell().limit("99.00").qty("0.500")));
  EXPECT_EQ(log(),
            "ACCEPTED order=11 owner=0 side=SELL type=LIMIT state=RESTING\n"
            "TRADE id=1 maker=1 taker=11 maker_owner=0 taker_owner=0 maker_side=BUY price=99.00 "
            "qty=0.500 maker_open=0.500\n"
            "LEVEL u=4 side=BUY price=99.00 qty=0.500 count=1\n"
            "DONE order=11 owner=0 reason=FILLED filled=0.500 open=0.000\n"
            "STOP_TRIGGERED order=10 owner=5 stop=99.00 last=99.00\n"
            "TRADE id=2 maker=1 taker=10 maker_owner=0 taker_owner=5 maker_side=BUY price=99.00 "
            "qty=0.500 maker_open=0.000\n"
            "DONE order=1 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=5 side=BUY price=99.00 qty=0.000 count=0\n"
            "TRADE id=3 maker=2 taker=10 maker_owner=0 taker_owner=5 maker_side=BUY price=98.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=2 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=6 side=BUY price=98.00 qty=0.000 count=0\n"
            "DONE order=10 owner=5 reason=FILLED filled=1.500 open=0.000\n");
}

TEST_F(OrderBookStops, stop_loss_buy_triggers_when_last_rises_to_stop) {
  ASSERT_TRUE(submit(order(10).buy().stop_loss("101.00").qty("1.000")));
  ASSERT_TRUE(last_price("100.99"));
  EXPECT_TRUE(events_.empty());
  ASSERT_TRUE(last_price("101.00"));
  EXPECT_EQ(log(),
            "STOP_TRIGGERED order=10 owner=0 stop=101.00 last=101.00\n"
            "TRADE id=1 maker=3 taker=10 maker_owner=0 taker_owner=0 maker_side=SELL price=101.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=3 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=4 side=SELL price=101.00 qty=0.000 count=0\n"
            "DONE order=10 owner=0 reason=FILLED filled=1.000 open=0.000\n");
}

TEST(OrderBookStopDirections, stop_loss_and_take_profit_trigger_as_on_binance) {
  OrderBook book{test_support::test_config()};
  Events events;
  ASSERT_TRUE(book.set_last_price(px("100.00"), events));
  ASSERT_TRUE(book.submit(order(20).sell().take_profit("101.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(21).buy().take_profit("99.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(22).sell().stop_loss("99.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(23).buy().stop_loss("101.00").qty("1.000"), events));
  events.clear();
  ASSERT_TRUE(book.set_last_price(px("100.50"), events));
  EXPECT_TRUE(events.empty());

  ASSERT_TRUE(
      book.set_last_price(px("101.00"), events));  // rising: TAKE_PROFIT SELL, STOP_LOSS BUY
  EXPECT_EQ(test_support::event_log(events, book.config()),
            "STOP_TRIGGERED order=20 owner=0 stop=101.00 last=101.00\n"
            "DONE order=20 owner=0 reason=EXPIRED_NO_LIQUIDITY filled=0.000 open=1.000\n"
            "STOP_TRIGGERED order=23 owner=0 stop=101.00 last=101.00\n"
            "DONE order=23 owner=0 reason=EXPIRED_NO_LIQUIDITY filled=0.000 open=1.000\n");
  events.clear();
  ASSERT_TRUE(
      book.set_last_price(px("99.00"), events));  // falling: TAKE_PROFIT BUY, STOP_LOSS SELL
  EXPECT_EQ(test_support::event_log(events, book.config()),
            "STOP_TRIGGERED order=21 owner=0 stop=99.00 last=99.00\n"
            "DONE order=21 owner=0 reason=EXPIRED_NO_LIQUIDITY filled=0.000 open=1.000\n"
            "STOP_TRIGGERED order=22 owner=0 stop=99.00 last=99.00\n"
            "DONE order=22 owner=0 reason=EXPIRED_NO_LIQUIDITY filled=0.000 open=1.000\n");
  EXPECT_EQ(book.check_invariants(), std::nullopt);
}

TEST_F(OrderBookStops, stop_loss_limit_becomes_a_resting_limit_with_new_priority) {
  ASSERT_TRUE(submit(order(10).sell().stop_loss_limit("99.50", "99.50").qty("1.000")));
  const auto before = book_.find(core::OrderId{10});
  ASSERT_TRUE(before);
  EXPECT_EQ(before->state, OrderState::pending_trigger);
  ASSERT_TRUE(submit(order(11).sell().limit("99.50").qty("0.500")));  // rests, no trade
  ASSERT_TRUE(last_price("99.50"));
  EXPECT_EQ(log(),
            "STOP_TRIGGERED order=10 owner=0 stop=99.50 last=99.50\n"
            "LEVEL u=5 side=SELL price=99.50 qty=1.500 count=2\n");
  const auto after = book_.find(core::OrderId{10});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->state, OrderState::resting);
  EXPECT_GT(after->priority, book_.find(core::OrderId{11})->priority);
  EXPECT_EQ(depth(),
            "  n      qty      bid | ask          qty  n\n"
            "  1    1.000    99.00 | 99.50      1.500  2\n"
            "  1    1.000    98.00 | 101.00     1.000  1\n");
}

TEST_F(OrderBookStops, take_profit_limit_triggers_and_matches_as_limit) {
  ASSERT_TRUE(submit(order(10).sell().take_profit_limit("100.50", "98.50").qty("1.500")));
  ASSERT_TRUE(last_price("100.50"));
  EXPECT_EQ(log(),
            "STOP_TRIGGERED order=10 owner=0 stop=100.50 last=100.50\n"
            "TRADE id=1 maker=1 taker=10 maker_owner=0 taker_owner=0 maker_side=BUY price=99.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=4 side=BUY price=99.00 qty=0.000 count=0\n"
            "LEVEL u=5 side=SELL price=98.50 qty=0.500 count=1\n");
}

TEST_F(OrderBookStops, stop_whose_condition_already_holds_is_rejected) {
  using core::ErrorCode;
  EXPECT_EQ(submit(order(10).sell().stop_loss("100.00").qty("1.000")).error(),
            ErrorCode::book_stop_would_trigger);
  EXPECT_EQ(submit(order(10).sell().stop_loss("101.00").qty("1.000")).error(),
            ErrorCode::book_stop_would_trigger);
  EXPECT_EQ(submit(order(10).buy().stop_loss_limit("100.00", "100.00").qty("1.000")).error(),
            ErrorCode::book_stop_would_trigger);
  EXPECT_EQ(submit(order(10).sell().take_profit("99.00").qty("1.000")).error(),
            ErrorCode::book_stop_would_trigger);
  EXPECT_EQ(submit(order(10).buy().take_profit_limit("100.00", "100.00").qty("1.000")).error(),
            ErrorCode::book_stop_would_trigger);
  EXPECT_TRUE(events_.empty());
  EXPECT_EQ(book_.order_count(), 3U);
}

TEST(OrderBookStopsNoLastPrice, stops_are_accepted_before_the_first_trade) {
  OrderBook book{test_support::test_config()};
  Events events;
  ASSERT_TRUE(book.submit(order(1).buy().stop_loss("101.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(2).sell().limit("101.00").qty("2.000"), events));
  events.clear();
  ASSERT_TRUE(book.submit(order(3).buy().limit("101.00").qty("0.500"), events));
  ASSERT_EQ(events.size(), 8U);
  EXPECT_EQ(std::get<StopTriggered>(events[4]).order, core::OrderId{1});
  EXPECT_EQ(std::get<OrderDone>(events[7]).reason, DoneReason::filled);
}

TEST_F(OrderBookStops, pending_stops_are_not_in_depth_and_can_be_cancelled) {
  const auto before = book_.depth(10);
  ASSERT_TRUE(submit(order(10).sell().stop_loss_limit("99.00", "98.00").qty("1.000").owner(4)));
  EXPECT_EQ(book_.depth(10), before);
  EXPECT_EQ(book_.queue_ahead(core::OrderId{10}).error(), core::ErrorCode::book_order_not_resting);
  ASSERT_TRUE(cancel(10));
  EXPECT_EQ(log(), "DONE order=10 owner=4 reason=CANCELED filled=0.000 open=1.000\n");
  ASSERT_TRUE(last_price("90.00"));
  EXPECT_TRUE(events_.empty());
}

TEST_F(OrderBookStops, a_triggered_stop_can_trigger_the_next) {
  ASSERT_TRUE(submit(order(4).buy().limit("97.00").qty("1.000")));
  ASSERT_TRUE(submit(order(10).sell().stop_loss("99.00").qty("1.500")));
  ASSERT_TRUE(submit(order(11).sell().stop_loss("98.00").qty("1.500")));
  ASSERT_TRUE(last_price("99.00"));  // 10 sells at 99 and 98, so 11 triggers and sells at 98, 97
  std::vector<std::uint64_t> triggered;
  for (const Event& event : events_) {
    if (const auto* stop = std::get_if<StopTriggered>(&event))
      triggered.push_back(stop->order.value());
  }
  EXPECT_EQ(triggered, (std::vector<std::uint64_t>{10, 11}));
  EXPECT_EQ(book_.last_price(), px("97.00"));
  EXPECT_FALSE(book_.best_bid());
}

TEST(OrderBookStopOrdering, nearest_stop_triggers_first_then_oldest) {
  OrderBook book{test_support::test_config()};
  Events events;
  ASSERT_TRUE(book.set_last_price(px("100.00"), events));
  ASSERT_TRUE(book.submit(order(10).sell().stop_loss("99.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(11).sell().stop_loss("99.50").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(12).sell().stop_loss("99.50").qty("1.000"), events));
  events.clear();
  ASSERT_TRUE(book.set_last_price(px("98.00"), events));
  std::vector<std::uint64_t> triggered;
  for (const Event& event : events) {
    if (const auto* stop = std::get_if<StopTriggered>(&event))
      triggered.push_back(stop->order.value());
  }
  EXPECT_EQ(triggered, (std::vector<std::uint64_t>{11, 12, 10}));
}

TEST(OrderBookStopOrdering, stops_of_both_directions_due_at_once_trigger_oldest_first) {
  // Only possible for stops placed before the first trade: a BUY STOP_LOSS at 99 (rises to it)
  // and a SELL STOP_LOSS at 101 (falls to it) are both due when the first trade prints 100.
  OrderBook book{test_support::test_config()};
  Events events;
  ASSERT_TRUE(book.submit(order(10).sell().stop_loss("101.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(11).buy().stop_loss("99.00").qty("1.000"), events));
  ASSERT_TRUE(book.submit(order(12).sell().stop_loss("100.50").qty("1.000"), events));
  events.clear();
  ASSERT_TRUE(book.set_last_price(px("100.00"), events));
  std::vector<std::uint64_t> triggered;
  for (const Event& event : events) {
    if (const auto* stop = std::get_if<StopTriggered>(&event))
      triggered.push_back(stop->order.value());
  }
  EXPECT_EQ(triggered, (std::vector<std::uint64_t>{10, 11, 12}));
}

TEST(OrderBookStopOrdering, set_last_price_rejects_non_positive_prices) {
  OrderBook book{test_support::test_config()};
  Events events;
  EXPECT_EQ(book.set_last_price(core::Price{0}, events).error(),
            core::ErrorCode::book_invalid_price);
  EXPECT_EQ(book.last_price(), std::nullopt);
}

}  // namespace
}  // namespace mockex::book
