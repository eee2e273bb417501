// Every rejection with its exact reason code, in Binance's validation order (spec §8.3):
// parameters, symbol status and permissions, symbol filters in array order, account-state
// filters, duplicate client order id, balance, then what the book decides.

#include <gtest/gtest.h>

#include "venue_test_support.hpp"

namespace mockex::venue {
namespace {

using core::ErrorCode;
using test_support::amount;
using test_support::Harness;
using test_support::order;
using test_support::px;
using test_support::qty;

InstrumentSpec coarse() {
  InstrumentSpec spec = test_support::btcusdt();
  spec.filters[0] = PriceFilter{px("1.00"), px("1000.00"), px("0.05")};
  spec.filters[1] = LotSizeFilter{qty("0.01"), qty("50"), qty("0.005")};
  return spec;
}

ErrorCode rejection(Harness& h, const PlaceOrder& command) {
  h.events.clear();
  const auto result = h.place(command);
  EXPECT_TRUE(h.events.empty()) << "a rejected order reports nothing";
  return result.error();
}

TEST(VenueValidation, unknown_symbol_and_account_are_rejected) {
  Harness h;
  EXPECT_EQ(rejection(h, order(1).symbol("ETHUSDT").buy().limit("100.00").qty("1")),
            ErrorCode::venue_unknown_symbol);
  EXPECT_EQ(rejection(h, order(9).buy().limit("100.00").qty("1")), ErrorCode::account_unknown);
}

TEST(VenueValidation, missing_or_stray_parameters_are_rejected_before_anything_else) {
  Harness h;
  EXPECT_EQ(rejection(h, order(1).buy().market().qty("1").quote("100")),
            ErrorCode::book_invalid_quantity);
  EXPECT_EQ(rejection(h, order(1).buy().market()), ErrorCode::book_invalid_quantity);
  EXPECT_EQ(rejection(h, order(1).buy().limit("0").qty("1")), ErrorCode::book_invalid_price);
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("0")), ErrorCode::book_invalid_quantity);
  auto stray_stop = order(1).buy().limit("100.00").qty("1");
  PlaceOrder command = stray_stop;
  command.stop_price = px("90.00");
  EXPECT_EQ(rejection(h, command), ErrorCode::book_invalid_stop_price);
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("1").quote("5")),
            ErrorCode::book_invalid_parameters);
}

TEST(VenueValidation, price_filter_rejects_below_min_above_max_and_off_tick) {
  Harness h{coarse()};
  EXPECT_EQ(rejection(h, order(1).buy().limit("0.95").qty("10")), ErrorCode::filter_price);
  EXPECT_EQ(rejection(h, order(1).buy().limit("1000.05").qty("1")), ErrorCode::filter_price);
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.03").qty("1")), ErrorCode::filter_price);
  EXPECT_TRUE(h.place(order(1).buy().limit("100.05").qty("1")));
}

TEST(VenueValidation, price_filter_applies_to_the_stop_price) {
  Harness h{coarse()};
  EXPECT_EQ(rejection(h, order(1).sell().stop_loss("90.02").qty("1")), ErrorCode::filter_price);
  EXPECT_EQ(rejection(h, order(1).sell().stop_loss_limit("90.02", "90.00").qty("1")),
            ErrorCode::filter_price);
}

TEST(VenueValidation, lot_size_rejects_below_min_above_max_and_off_step) {
  Harness h{coarse()};
  EXPECT_EQ(rejection(h, order(1).sell().limit("100.00").qty("0.005")), ErrorCode::filter_lot_size);
  EXPECT_EQ(rejection(h, order(1).sell().limit("100.00").qty("50.005")), ErrorCode::filter_lot_size);
  EXPECT_EQ(rejection(h, order(1).sell().limit("100.00").qty("1.001")), ErrorCode::filter_lot_size);
  EXPECT_TRUE(h.place(order(1).sell().limit("100.00").qty("1.005")));
}

TEST(VenueValidation, market_lot_size_applies_to_market_quantities_only) {
  Harness h;
  h.fund(1, "BTC", "1000");
  EXPECT_EQ(rejection(h, order(1).sell().market().qty("100.00001")),
            ErrorCode::filter_market_lot_size);
  EXPECT_EQ(rejection(h, order(1).sell().stop_loss("50.00").qty("101")),
            ErrorCode::filter_market_lot_size);
  EXPECT_TRUE(h.place(order(1).sell().limit("100.00").qty("101")));
}

TEST(VenueValidation, notional_rejects_below_min_and_above_max) {
  Harness h;
  h.fund(1, "USDT", "20000000");
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("0.0499")), ErrorCode::filter_notional);
  EXPECT_TRUE(h.place(order(1).buy().limit("100.00").qty("0.05")));  // exactly 5
  EXPECT_EQ(rejection(h, order(1).buy().limit("1000000.00").qty("9.00001")),
            ErrorCode::filter_notional);
}

TEST(VenueValidation, notional_applies_to_market_orders_as_configured) {
  Harness h;
  // By quote amount: the amount is the notional; applyMinToMarket is set, applyMaxToMarket not.
  EXPECT_EQ(rejection(h, order(1).buy().market().quote("4.99")), ErrorCode::filter_notional);
  // By quantity before any trade there is no reference price: the filter cannot apply.
  h.events.clear();
  EXPECT_TRUE(h.place(order(1).sell().market().qty("0.00001")));
  h.set_level(Side::buy, "100.00", "1");
  h.market_trade("100.00", "0.1", Side::sell);
  h.events.clear();
  // Now the last price (100.00) is the reference: 0.01 BTC is 1 USDT.
  EXPECT_EQ(rejection(h, order(1).sell().market().qty("0.01")), ErrorCode::filter_notional);
}

TEST(VenueValidation, legacy_min_notional_filter_has_its_own_code) {
  InstrumentSpec spec = test_support::btcusdt();
  spec.filters[3] = MinNotionalFilter{amount("10"), false};
  Harness h{spec};
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("0.09")), ErrorCode::filter_min_notional);
  EXPECT_EQ(h.place(order(1).buy().market().quote("1")).error(), ErrorCode::ok)
      << "applyToMarket is off";
}

TEST(VenueValidation, filters_are_checked_in_the_order_of_the_filters_array) {
  Harness h{coarse()};
  // Both price and lot size are wrong: PRICE_FILTER comes first in the array.
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.03").qty("1.001")), ErrorCode::filter_price);
  InstrumentSpec swapped = coarse();
  std::swap(swapped.filters[0], swapped.filters[1]);
  Harness g{swapped};
  EXPECT_EQ(rejection(g, order(1).buy().limit("100.03").qty("1.001")), ErrorCode::filter_lot_size);
}

TEST(VenueValidation, halted_or_break_instrument_rejects_before_filters_and_still_cancels) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  ASSERT_TRUE(h.venue.set_trading_status("BTCUSDT", TradingStatus::halt));
  h.events.clear();
  EXPECT_EQ(rejection(h, order(1).buy().limit("0").qty("1")), ErrorCode::book_invalid_price)
      << "parameters are checked first";
  EXPECT_EQ(rejection(h, order(1).buy().limit("2000000.00").qty("1")), ErrorCode::venue_market_closed);
  ASSERT_TRUE(h.venue.set_trading_status("BTCUSDT", TradingStatus::break_status));
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("1")), ErrorCode::venue_market_closed);
  EXPECT_TRUE(h.cancel(1, 1));
}

TEST(VenueValidation, type_quote_amount_and_stp_mode_must_be_allowed) {
  InstrumentSpec spec = test_support::btcusdt();
  spec.order_types.remove(OrderType::stop_loss);
  spec.quote_order_qty_market_allowed = false;
  spec.allowed_stp = {StpMode::expire_taker};
  Harness h{spec};
  EXPECT_EQ(rejection(h, order(1).sell().stop_loss("90.00").qty("1")),
            ErrorCode::venue_order_type_not_supported);
  EXPECT_EQ(rejection(h, order(1).buy().market().quote("100")), ErrorCode::venue_quote_qty_not_allowed);
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("1").stp(StpMode::expire_maker)),
            ErrorCode::venue_stp_mode_not_allowed);
  EXPECT_TRUE(h.place(order(1).buy().limit("100.00").qty("1").stp(StpMode::expire_taker)));
  EXPECT_TRUE(h.place(order(1).buy().limit("100.00").qty("1").stp(StpMode::none)));
}

TEST(VenueValidation, max_num_orders_and_max_num_algo_orders_count_open_orders_per_account) {
  InstrumentSpec spec = test_support::btcusdt();
  spec.filters[4] = MaxNumOrdersFilter{3};
  spec.filters[5] = MaxNumAlgoOrdersFilter{1};
  Harness h{spec};
  ASSERT_TRUE(h.place(order(1).sell().stop_loss("90.00").qty("1")));
  EXPECT_EQ(rejection(h, order(1).sell().stop_loss("80.00").qty("1")),
            ErrorCode::account_max_num_algo_orders);
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("1")), ErrorCode::account_max_num_orders);
  EXPECT_TRUE(h.place(order(2).buy().limit("100.00").qty("1"))) << "another account has its own count";
  ASSERT_TRUE(h.cancel(1, 2));
  EXPECT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
}

TEST(VenueValidation, symbol_filters_come_before_account_state_filters) {
  InstrumentSpec spec = test_support::btcusdt();
  spec.filters[4] = MaxNumOrdersFilter{1};
  Harness h{spec};
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1")));
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("0.001")), ErrorCode::filter_notional);
  EXPECT_EQ(rejection(h, order(1).buy().limit("100.00").qty("1")), ErrorCode::account_max_num_orders);
}

TEST(VenueValidation, duplicate_client_order_id_among_open_orders_is_rejected) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().limit("100.00").qty("1").client("mine")));
  EXPECT_EQ(rejection(h, order(1).buy().limit("99.00").qty("1").client("mine")),
            ErrorCode::account_duplicate_client_order_id);
  // Duplicate comes before balance.
  EXPECT_EQ(rejection(h, order(1).buy().limit("99.00").qty("5000").client("mine")),
            ErrorCode::account_duplicate_client_order_id);
  EXPECT_TRUE(h.place(order(2).buy().limit("99.00").qty("1").client("mine")))
      << "unique per account";
  ASSERT_TRUE(h.cancel(1, 1));
  EXPECT_TRUE(h.place(order(1).buy().limit("99.00").qty("1").client("mine")))
      << "free again once the order is closed";
}

TEST(VenueValidation, insufficient_balance_comes_before_the_books_own_rejections) {
  Harness h;
  h.set_level(Side::sell, "101.00", "1");
  h.events.clear();
  EXPECT_EQ(rejection(h, order(1).buy().limit_maker("101.00").qty("2000")),
            ErrorCode::account_insufficient_balance);
  EXPECT_EQ(rejection(h, order(1).buy().limit_maker("101.00").qty("1")), ErrorCode::book_would_take);
  EXPECT_EQ(rejection(h, order(1).sell().limit("101.00").qty("10.00001")),
            ErrorCode::account_insufficient_balance);
  EXPECT_TRUE(h.place(order(1).buy().limit_maker("100.99").qty("1")));
}

TEST(VenueValidation, stop_that_would_trigger_immediately_is_rejected) {
  Harness h;
  h.set_level(Side::buy, "100.00", "5");
  h.market_trade("100.00", "1", Side::sell);
  h.events.clear();
  EXPECT_EQ(rejection(h, order(1).sell().stop_loss("100.00").qty("1")),
            ErrorCode::book_stop_would_trigger);
  EXPECT_EQ(rejection(h, order(1).buy().take_profit("100.50").qty("1")),
            ErrorCode::book_stop_would_trigger);
  EXPECT_TRUE(h.place(order(1).sell().stop_loss("99.99").qty("1")));
}

TEST(VenueValidation, rejected_order_takes_no_order_id) {
  Harness h;
  EXPECT_FALSE(h.place(order(1).buy().limit("100.00").qty("0.001")));
  const auto placed = h.place(order(1).buy().limit("100.00").qty("1"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.id, core::OrderId{1});
}

TEST(VenueValidation, test_order_validates_everything_and_places_nothing) {
  Harness h;
  EXPECT_TRUE(h.venue.test_order(order(1).buy().limit("100.00").qty("1")));
  EXPECT_EQ(h.venue.test_order(order(1).buy().limit("100.00").qty("5000")).error(),
            ErrorCode::account_insufficient_balance);
  EXPECT_EQ(h.venue.test_order(order(1).buy().limit("100.00").qty("0.001")).error(),
            ErrorCode::filter_notional);
  EXPECT_TRUE(h.events.empty());
  EXPECT_EQ(h.venue.book(h.symbol()).order_count(), 0U);
  EXPECT_EQ(h.balance(1, "USDT"), "100000.00000000/0.00000000");
}

}  // namespace
}  // namespace mockex::venue
