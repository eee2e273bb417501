#include <gtest/gtest.h>

#include "mockex/marketdata/format.hpp"
#include "support.hpp"

namespace mockex::marketdata {
namespace {

using namespace testing;

// Three trades within a day: 100.00 x 1, 110.00 x 2 an hour later, 90.00 x 1 at 23 h.
MarketData day() {
  auto md = make_market_data();
  md.on_trade(trade(1, 10000, 1000, kT0));
  md.on_trade(trade(2, 11000, 2000, kT0 + kHourMs));
  md.on_trade(trade(3, 9000, 1000, kT0 + 23 * kHourMs));
  return md;
}

TEST(Ticker, full_24h_numbers_are_exact) {
  const auto md = day();
  const auto now = kT0 + 23 * kHourMs + 30'000;
  const Ticker t = *md.ticker_24h(kSym, at_ms(now));
  EXPECT_EQ(t.open_price, core::Price{10000});
  EXPECT_EQ(t.high_price, core::Price{11000});
  EXPECT_EQ(t.low_price, core::Price{9000});
  EXPECT_EQ(t.last_price, core::Price{9000});
  EXPECT_EQ(t.last_qty, core::Qty{1000});
  EXPECT_EQ(t.price_change, core::Price{-1000});
  EXPECT_EQ(format_percent(t.price_change_percent), "-10.000");
  EXPECT_EQ(t.volume, core::Qty{4000});
  EXPECT_EQ(t.quote_volume, core::Amount{4'100'000});  // 100 + 220 + 90
  EXPECT_EQ(t.weighted_avg_price, core::Price{10250});
  EXPECT_EQ(t.prev_close_price, core::Price{0});  // nothing before the window
  EXPECT_EQ(t.first_id, core::TradeId{1});
  EXPECT_EQ(t.last_id, core::TradeId{3});
  EXPECT_EQ(t.count, 3U);
  EXPECT_EQ(t.open_time_ms, kT0 - kHourMs);  // floor_minute(now - 24 h)
  EXPECT_EQ(t.close_time_ms, now);
}

TEST(Ticker, window_opens_on_a_minute_so_a_trade_ages_out_only_with_its_minute) {
  const auto md = day();
  // now - 24 h is 30 s past the first trade's minute start: the trade is still in.
  EXPECT_EQ(md.ticker_24h(kSym, at_ms(kT0 + 24 * kHourMs + 30'000))->count, 3U);
  const Ticker t = *md.ticker_24h(kSym, at_ms(kT0 + 24 * kHourMs + kMinuteMs));
  EXPECT_EQ(t.count, 2U);
  EXPECT_EQ(t.first_id, core::TradeId{2});
  EXPECT_EQ(t.open_price, core::Price{11000});
  EXPECT_EQ(t.prev_close_price, core::Price{10000});
  EXPECT_EQ(t.price_change, core::Price{-2000});
  EXPECT_EQ(format_percent(t.price_change_percent), "-18.182");  // -18.1818...
  EXPECT_EQ(t.volume, core::Qty{3000});
  EXPECT_EQ(t.weighted_avg_price, core::Price{10333});  // 310 / 3 = 103.333...
}

TEST(Ticker, with_every_trade_aged_out_prices_are_the_last_price_and_volumes_zero) {
  const auto md = day();
  const Ticker t = *md.ticker_24h(kSym, at_ms(kT0 + 48 * kHourMs));
  EXPECT_EQ(t.count, 0U);
  EXPECT_EQ(t.volume, core::Qty{0});
  EXPECT_EQ(t.quote_volume, core::Amount{0});
  EXPECT_EQ(t.open_price, core::Price{9000});
  EXPECT_EQ(t.high_price, core::Price{9000});
  EXPECT_EQ(t.low_price, core::Price{9000});
  EXPECT_EQ(t.last_price, core::Price{9000});
  EXPECT_EQ(t.prev_close_price, core::Price{9000});
  EXPECT_EQ(t.price_change, core::Price{0});
  EXPECT_EQ(format_percent(t.price_change_percent), "0.000");
  EXPECT_FALSE(t.first_id.is_valid());
  EXPECT_FALSE(t.last_id.is_valid());
}

TEST(Ticker, none_before_the_first_trade) {
  const auto md = make_market_data();
  EXPECT_FALSE(md.ticker_24h(kSym, at_ms(kT0)));
  EXPECT_FALSE(md.avg_price(kSym, at_ms(kT0)));
}

TEST(RollingTicker, one_hour_window_sees_only_its_trades) {
  const auto md = day();
  const Ticker t = *md.ticker(kSym, std::chrono::hours{1}, at_ms(kT0 + 23 * kHourMs + 30'000));
  EXPECT_EQ(t.open_time_ms, kT0 + 22 * kHourMs);
  EXPECT_EQ(t.count, 1U);
  EXPECT_EQ(t.open_price, core::Price{9000});
  EXPECT_EQ(t.prev_close_price, core::Price{11000});
  EXPECT_EQ(t.price_change, core::Price{0});
}

TEST(RollingTicker, one_minute_and_seven_day_windows_are_exact) {
  const auto md = day();
  const auto now = at_ms(kT0 + 5 * 24 * kHourMs);
  const Ticker week = *md.ticker(kSym, std::chrono::days{7}, now);
  EXPECT_EQ(week.count, 3U);
  EXPECT_EQ(week.volume, core::Qty{4000});
  const Ticker minute = *md.ticker(kSym, std::chrono::minutes{1}, at_ms(kT0 + kHourMs + 59'999));
  EXPECT_EQ(minute.count, 1U);
  EXPECT_EQ(minute.open_price, core::Price{11000});
  // Windows beyond 7 days are clamped to 7 days.
  EXPECT_EQ(md.ticker(kSym, std::chrono::days{30}, now)->count, 3U);
}

TEST(Ticker, percent_rounds_half_to_even_at_three_decimals) {
  auto md = make_market_data();
  md.on_trade(trade(1, 300, 1000, kT0));
  md.on_trade(trade(2, 100, 1000, kT0 + 1));
  const Ticker t = *md.ticker_24h(kSym, at_ms(kT0 + 2));
  EXPECT_EQ(format_percent(t.price_change_percent), "-66.667");  // -66.6666...
  // 8000 -> 8001: +0.0125 % -> 0.012 (tie to even).
  auto tie = make_market_data();
  tie.on_trade(trade(1, 8000, 1000, kT0));
  tie.on_trade(trade(2, 8001, 1000, kT0 + 1));
  EXPECT_EQ(format_percent(tie.ticker_24h(kSym, at_ms(kT0 + 2))->price_change_percent), "0.012");
}

TEST(AvgPrice, is_the_volume_weighted_price_of_the_last_five_minutes) {
  auto md = make_market_data();
  md.on_trade(trade(1, 10000, 1000, kT0));
  md.on_trade(trade(2, 20000, 3000, kT0 + 4 * kMinuteMs));
  auto avg = *md.avg_price(kSym, at_ms(kT0 + 5 * kMinuteMs + 10'000));
  EXPECT_EQ(avg.mins, 5);
  EXPECT_EQ(avg.price, core::Price{17500});  // (100 + 600) / 4
  EXPECT_EQ(avg.close_time_ms, kT0 + 4 * kMinuteMs);
  avg = *md.avg_price(kSym, at_ms(kT0 + 6 * kMinuteMs));
  EXPECT_EQ(avg.price, core::Price{20000});
  // No trade in the window: the last price.
  avg = *md.avg_price(kSym, at_ms(kT0 + 60 * kMinuteMs));
  EXPECT_EQ(avg.price, core::Price{20000});
  EXPECT_EQ(avg.close_time_ms, kT0 + 4 * kMinuteMs);
}

}  // namespace
}  // namespace mockex::marketdata
