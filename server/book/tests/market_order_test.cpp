#include <gtest/gtest.h>

#include "book_test_support.hpp"

namespace mockex::book {
namespace {

using test_support::BookTest;
using test_support::order;
using test_support::qty;

class OrderBookMarket : public BookTest {
 protected:
  void SetUp() override {
    ASSERT_TRUE(submit(order(1).sell().limit("100.00").qty("1.000")));
    ASSERT_TRUE(submit(order(2).sell().limit("101.00").qty("1.000")));
    ASSERT_TRUE(submit(order(3).buy().limit("99.00").qty("2.000")));
  }
};

TEST_F(OrderBookMarket, market_buy_by_quantity_sweeps_levels_and_fills) {
  ASSERT_TRUE(submit(order(10).buy().market().qty("1.500")));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=0 side=BUY type=MARKET state=RESTING\n"
            "TRADE id=1 maker=1 taker=10 maker_owner=0 taker_owner=0 maker_side=SELL price=100.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=4 side=SELL price=100.00 qty=0.000 count=0\n"
            "TRADE id=2 maker=2 taker=10 maker_owner=0 taker_owner=0 maker_side=SELL price=101.00 "
            "qty=0.500 maker_open=0.500\n"
            "LEVEL u=5 side=SELL price=101.00 qty=0.500 count=1\n"
            "DONE order=10 owner=0 reason=FILLED filled=1.500 open=0.000\n");
}

TEST_F(OrderBookMarket, market_larger_than_the_book_expires_for_lack_of_liquidity) {
  ASSERT_TRUE(submit(order(10).sell().market().qty("5.000")));
  ASSERT_FALSE(events_.empty());
  EXPECT_EQ(std::get<OrderDone>(events_.back()),
            (OrderDone{core::OrderId{10}, core::AccountId{}, DoneReason::expired_no_liquidity,
                       qty("2.000"), qty("3.000")}));
  EXPECT_FALSE(book_.best_bid());
  EXPECT_TRUE(book_.best_ask());
}

TEST_F(OrderBookMarket, market_on_an_empty_side_expires_unfilled) {
  ASSERT_TRUE(submit(order(10).sell().market().qty("2.000")));
  ASSERT_TRUE(submit(order(11).sell().market().qty("1.000")));
  EXPECT_EQ(log(),
            "ACCEPTED order=11 owner=0 side=SELL type=MARKET state=RESTING\n"
            "DONE order=11 owner=0 reason=EXPIRED_NO_LIQUIDITY filled=0.000 open=1.000\n");
}

TEST_F(OrderBookMarket, market_buy_by_quote_spends_up_to_the_amount_on_the_step_grid) {
  // 100.00 buys 1.000 at 100.00; the other 50.00 buys floor(50 / 101, 0.001) = 0.495 at 101.00.
  ASSERT_TRUE(submit(order(10).buy().market().quote("150.00")));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=0 side=BUY type=MARKET state=RESTING\n"
            "TRADE id=1 maker=1 taker=10 maker_owner=0 taker_owner=0 maker_side=SELL price=100.00 "
            "qty=1.000 maker_open=0.000\n"
            "DONE order=1 owner=0 reason=FILLED filled=1.000 open=0.000\n"
            "LEVEL u=4 side=SELL price=100.00 qty=0.000 count=0\n"
            "TRADE id=2 maker=2 taker=10 maker_owner=0 taker_owner=0 maker_side=SELL price=101.00 "
            "qty=0.495 maker_open=0.505\n"
            "LEVEL u=5 side=SELL price=101.00 qty=0.505 count=1\n"
            "DONE order=10 owner=0 reason=FILLED filled=1.495 open=0.000\n");
}

TEST_F(OrderBookMarket, market_sell_by_quote_sells_enough_to_receive_the_amount) {
  ASSERT_TRUE(submit(order(10).sell().market().quote("49.50")));
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=0 side=SELL type=MARKET state=RESTING\n"
            "TRADE id=1 maker=3 taker=10 maker_owner=0 taker_owner=0 maker_side=BUY price=99.00 "
            "qty=0.500 maker_open=1.500\n"
            "LEVEL u=4 side=BUY price=99.00 qty=1.500 count=1\n"
            "DONE order=10 owner=0 reason=FILLED filled=0.500 open=0.000\n");
}

TEST_F(OrderBookMarket, market_by_quote_beyond_the_book_expires) {
  ASSERT_TRUE(submit(order(10).buy().market().quote("1000.00")));
  EXPECT_EQ(std::get<OrderDone>(events_.back()).reason, DoneReason::expired_no_liquidity);
  EXPECT_EQ(std::get<OrderDone>(events_.back()).filled_qty, qty("2.000"));
  EXPECT_FALSE(book_.best_ask());
}

TEST_F(OrderBookMarket, market_by_quote_too_small_for_one_step_expires_unfilled) {
  ASSERT_TRUE(submit(order(10).buy().market().quote("0.05")));  // 0.001 costs 0.10
  EXPECT_EQ(log(),
            "ACCEPTED order=10 owner=0 side=BUY type=MARKET state=RESTING\n"
            "DONE order=10 owner=0 reason=EXPIRED_NO_LIQUIDITY filled=0.000 open=0.000\n");
}

TEST(OrderBookMarketStep, quote_amount_fills_whole_lot_steps_only) {
  BookConfig config = test_support::test_config();
  config.qty_step = qty("0.010");
  OrderBook book{config};
  Events events;
  ASSERT_TRUE(book.submit(order(1).sell().limit("101.00").qty("1.000"), events));
  events.clear();
  // 50.00 / 101.00 = 0.495..., on a 0.010 grid: 0.490.
  ASSERT_TRUE(book.submit(order(2).buy().market().quote("50.00"), events));
  ASSERT_EQ(events.size(), 4U);
  EXPECT_EQ(std::get<Trade>(events[1]).qty, qty("0.490"));
  EXPECT_EQ(std::get<OrderDone>(events[3]).reason, DoneReason::filled);
}

TEST(OrderBookMarketStep, quote_scale_finer_than_price_times_qty_rounds_the_budget_down) {
  BookConfig config = test_support::test_config();
  config.price_scale = core::Scale{1};
  config.qty_scale = core::Scale{1};
  config.quote_scale = core::Scale{4};  // budget 0.0999 -> 0.09 at scale 2
  OrderBook book{config};
  Events events;
  NewOrder sell = order(1).sell().limit("1.00").qty("1.000");
  sell.price = core::Price{1};  // 0.1
  sell.qty = core::Qty{50};     // 5.0
  ASSERT_TRUE(book.submit(sell, events));
  events.clear();
  NewOrder buy = order(2).buy().market().quote("0.01");
  buy.quote_qty = core::Amount{999};      // 0.0999
  ASSERT_TRUE(book.submit(buy, events));  // 0.09 buys 0.9 at 0.1
  ASSERT_EQ(events.size(), 4U);
  EXPECT_EQ(std::get<Trade>(events[1]).qty, core::Qty{9});
}

}  // namespace
}  // namespace mockex::book
