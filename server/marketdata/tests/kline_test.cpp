#include <gtest/gtest.h>

#include "support.hpp"

namespace mockex::marketdata {
namespace {

using namespace testing;

constexpr std::int64_t kJan31Last = 1706745599999;  // 2024-01-31T23:59:59.999Z
constexpr std::int64_t kFeb1 = 1706745600000;
constexpr std::int64_t kMar1 = 1709251200000;
constexpr std::int64_t kMar15 = 1710460800000;
constexpr std::int64_t kJan10 = 1704844800000;
constexpr std::int64_t kJan1 = 1704067200000;

// A trade sequence over four minutes: three trades in the first, none in the next two, one in
// the fourth (prices 2 decimals, quantities 3, quote amounts 4).
MarketData scripted() {
  auto md = make_market_data();
  md.on_trade(trade(1, 10000, 1000, kT0 + 1000));                   // 100.00 x 1.000, buyer taker
  md.on_trade(trade(2, 10500, 2000, kT0 + 2000, true));             // 105.00 x 2.000, seller taker
  md.on_trade(trade(3, 9900, 500, kT0 + 30000));                    // 99.00 x 0.500, buyer taker
  md.on_trade(trade(4, 10200, 1000, kT0 + 3 * kMinuteMs + 10000));  // 102.00 x 1.000
  return md;
}

TEST(Klines, scripted_trades_give_exact_ohlcv_and_empty_buckets_carry_the_previous_close) {
  const auto md = scripted();
  const auto klines = md.klines(kSym, Interval::m1, {}, at_ms(kT0 + 3 * kMinuteMs + 20000));
  ASSERT_EQ(klines.size(), 4U);

  const Kline& first = klines[0];
  EXPECT_EQ(first.open_time_ms, kT0);
  EXPECT_EQ(first.close_time_ms, kT0 + kMinuteMs - 1);
  EXPECT_EQ(first.open, core::Price{10000});
  EXPECT_EQ(first.high, core::Price{10500});
  EXPECT_EQ(first.low, core::Price{9900});
  EXPECT_EQ(first.close, core::Price{9900});
  EXPECT_EQ(first.volume, core::Qty{3500});
  EXPECT_EQ(first.quote_volume, core::Amount{3'595'000});  // 100 + 210 + 49.5
  EXPECT_EQ(first.trades, 3U);
  EXPECT_EQ(first.taker_buy_volume, core::Qty{1500});
  EXPECT_EQ(first.taker_buy_quote_volume, core::Amount{1'495'000});  // 100 + 49.5
  EXPECT_EQ(first.first_id, core::TradeId{1});
  EXPECT_EQ(first.last_id, core::TradeId{3});
  EXPECT_TRUE(first.is_closed);

  for (int i = 1; i <= 2; ++i) {
    const Kline& empty = klines[static_cast<std::size_t>(i)];
    EXPECT_EQ(empty.open_time_ms, kT0 + i * kMinuteMs);
    EXPECT_EQ(empty.open, core::Price{9900});
    EXPECT_EQ(empty.high, core::Price{9900});
    EXPECT_EQ(empty.low, core::Price{9900});
    EXPECT_EQ(empty.close, core::Price{9900});
    EXPECT_EQ(empty.volume, core::Qty{0});
    EXPECT_EQ(empty.quote_volume, core::Amount{0});
    EXPECT_EQ(empty.trades, 0U);
    EXPECT_FALSE(empty.first_id.is_valid());
    EXPECT_FALSE(empty.last_id.is_valid());
    EXPECT_TRUE(empty.is_closed);
  }

  const Kline& last = klines[3];
  EXPECT_EQ(last.open_time_ms, kT0 + 3 * kMinuteMs);
  EXPECT_EQ(last.open, core::Price{10200});
  EXPECT_EQ(last.close, core::Price{10200});
  EXPECT_EQ(last.trades, 1U);
  EXPECT_FALSE(last.is_closed);
}

TEST(Klines, empty_buckets_continue_up_to_the_bucket_containing_now) {
  const auto md = scripted();
  const auto klines = md.klines(kSym, Interval::m1, {}, at_ms(kT0 + 6 * kMinuteMs + 1));
  ASSERT_EQ(klines.size(), 7U);
  EXPECT_EQ(klines.back().open_time_ms, kT0 + 6 * kMinuteMs);
  EXPECT_EQ(klines.back().close, core::Price{10200});
  EXPECT_EQ(klines.back().trades, 0U);
  EXPECT_FALSE(klines.back().is_closed);
}

TEST(Klines, start_end_and_limit_select_like_binance) {
  const auto md = scripted();
  const auto now = at_ms(kT0 + 3 * kMinuteMs + 20000);
  // No times: the most recent `limit`.
  auto klines = md.klines(kSym, Interval::m1, {.limit = 2}, now);
  ASSERT_EQ(klines.size(), 2U);
  EXPECT_EQ(klines[0].open_time_ms, kT0 + 2 * kMinuteMs);
  // startTime inside a bucket: the first kline opening at or after it.
  klines = md.klines(kSym, Interval::m1, {.start_time_ms = kT0 + 1, .limit = 2}, now);
  ASSERT_EQ(klines.size(), 2U);
  EXPECT_EQ(klines[0].open_time_ms, kT0 + kMinuteMs);
  // endTime only: the last `limit` opening at or before it.
  klines = md.klines(kSym, Interval::m1, {.end_time_ms = kT0 + kMinuteMs + 5, .limit = 1}, now);
  ASSERT_EQ(klines.size(), 1U);
  EXPECT_EQ(klines[0].open_time_ms, kT0 + kMinuteMs);
  // Both: the range, from the start.
  klines = md.klines(kSym, Interval::m1, {.start_time_ms = kT0, .end_time_ms = kT0 + 2 * kMinuteMs},
                     now);
  ASSERT_EQ(klines.size(), 3U);
  // Before the first trade there are no klines.
  klines = md.klines(kSym, Interval::m1, {.end_time_ms = kT0 - 1}, now);
  EXPECT_TRUE(klines.empty());
}

TEST(Klines, every_interval_is_maintained_from_the_same_trades) {
  const auto md = scripted();
  const auto now = at_ms(kT0 + 3 * kMinuteMs + 20000);
  for (Interval interval : kAllIntervals) {
    const auto kline = md.current_kline(kSym, interval, now);
    ASSERT_TRUE(kline) << to_string(interval);
    EXPECT_EQ(kline->open_time_ms, bucket_open(interval, now.millis())) << to_string(interval);
    EXPECT_EQ(kline->close, core::Price{10200}) << to_string(interval);
  }
  const auto hour = *md.current_kline(kSym, Interval::h1, now);
  EXPECT_EQ(hour.trades, 4U);
  EXPECT_EQ(hour.open, core::Price{10000});
  EXPECT_EQ(hour.high, core::Price{10500});
  EXPECT_EQ(hour.low, core::Price{9900});
  EXPECT_EQ(hour.volume, core::Qty{4500});
  const auto second = md.klines(kSym, Interval::s1, {.start_time_ms = kT0, .limit = 3}, now);
  ASSERT_EQ(second.size(), 3U);
  EXPECT_EQ(second[0].open_time_ms, kT0 + 1000);  // the first bucket with a trade
  EXPECT_EQ(second[1].trades, 1U);
  EXPECT_EQ(second[2].open_time_ms, kT0 + 3000);
  EXPECT_EQ(second[2].close, core::Price{10500});
}

TEST(Klines, month_buckets_split_at_the_calendar_boundary_and_fill_empty_months) {
  auto md = make_market_data();
  md.on_trade(trade(1, 10000, 1000, kJan10));
  md.on_trade(trade(2, 11000, 1000, kJan31Last));
  md.on_trade(trade(3, 12000, 1000, kMar15));
  const auto klines = md.klines(kSym, Interval::mo1, {}, at_ms(kMar15 + 1));
  ASSERT_EQ(klines.size(), 3U);
  EXPECT_EQ(klines[0].open_time_ms, kJan1);
  EXPECT_EQ(klines[0].close_time_ms, kFeb1 - 1);
  EXPECT_EQ(klines[0].trades, 2U);
  EXPECT_EQ(klines[0].close, core::Price{11000});
  EXPECT_EQ(klines[1].open_time_ms, kFeb1);
  EXPECT_EQ(klines[1].close_time_ms, kMar1 - 1);  // 29 days: 2024 is a leap year
  EXPECT_EQ(klines[1].open, core::Price{11000});
  EXPECT_EQ(klines[1].trades, 0U);
  EXPECT_EQ(klines[2].open_time_ms, kMar1);
  EXPECT_EQ(klines[2].close, core::Price{12000});
  EXPECT_FALSE(klines[2].is_closed);

  const auto days = md.klines(kSym, Interval::d1, {.start_time_ms = kJan31Last - 1, .limit = 2},
                              at_ms(kMar15 + 1));
  ASSERT_EQ(days.size(), 2U);
  EXPECT_EQ(days[0].open_time_ms, kFeb1);  // Jan 31's bucket opened before startTime
  EXPECT_EQ(days[0].open, core::Price{11000});
}

TEST(Klines, current_kline_is_open_and_the_previous_bucket_is_closed) {
  const auto md = scripted();
  const auto now = at_ms(kT0 + 4 * kMinuteMs + 500);
  const auto current = *md.current_kline(kSym, Interval::m1, now);
  EXPECT_EQ(current.open_time_ms, kT0 + 4 * kMinuteMs);
  EXPECT_FALSE(current.is_closed);
  EXPECT_EQ(current.close, core::Price{10200});
  // Any time inside the bucket names it.
  const auto previous = *md.kline_at(kSym, Interval::m1, kT0 + 3 * kMinuteMs + 59'999, now);
  EXPECT_EQ(previous.open_time_ms, kT0 + 3 * kMinuteMs);
  EXPECT_TRUE(previous.is_closed);
  EXPECT_EQ(previous.trades, 1U);

  auto fresh = make_market_data();
  EXPECT_FALSE(fresh.current_kline(kSym, Interval::m1, now));
  EXPECT_TRUE(fresh.klines(kSym, Interval::m1, {}, now).empty());
}

TEST(Klines, memory_is_bounded_to_the_last_buckets_with_trades) {
  auto md = make_market_data(MarketDataLimits{.trades = 10, .agg_trades = 10, .klines = 3});
  for (std::int64_t i = 0; i < 5; ++i) {
    md.on_trade(trade(static_cast<std::uint64_t>(i + 1), 10000 + i, 1000, kT0 + 2 * i * kMinuteMs));
  }
  const auto now = at_ms(kT0 + 8 * kMinuteMs + 1);
  const auto klines = md.klines(kSym, Interval::m1, {.start_time_ms = kT0}, now);
  // Stored: minutes 4, 6, 8; minutes 5 and 7 are synthesised.
  ASSERT_EQ(klines.size(), 5U);
  EXPECT_EQ(klines.front().open_time_ms, kT0 + 4 * kMinuteMs);
  EXPECT_EQ(klines[1].close, core::Price{10002});
  EXPECT_FALSE(md.kline_at(kSym, Interval::m1, kT0, now));
}

TEST(Klines, time_zone_daily_klines_are_merged_at_local_midnight) {
  auto md = make_market_data();
  const std::int64_t feb28_15h = kFeb1 + 27 * 86'400'000LL + 15 * kHourMs;  // 23:00 at +08:00
  md.on_trade(trade(1, 10000, 1000, feb28_15h));
  md.on_trade(trade(2, 11000, 1000, feb28_15h + kHourMs + 1));  // Feb 29 00:00:00.001 local
  md.on_trade(trade(3, 9000, 2000, feb28_15h + 3 * kHourMs));
  const auto now = at_ms(feb28_15h + 4 * kHourMs);
  const std::chrono::minutes plus8{480};

  const auto local = md.klines(kSym, Interval::d1, {.time_zone = plus8}, now);
  ASSERT_EQ(local.size(), 2U);
  EXPECT_EQ(local[0].open_time_ms, feb28_15h - 23 * kHourMs);  // Feb 28 00:00 local
  EXPECT_EQ(local[0].trades, 1U);
  EXPECT_EQ(local[1].open_time_ms, feb28_15h + kHourMs);
  EXPECT_EQ(local[1].close_time_ms, feb28_15h + 25 * kHourMs - 1);
  EXPECT_EQ(local[1].open, core::Price{11000});
  EXPECT_EQ(local[1].low, core::Price{9000});
  EXPECT_EQ(local[1].volume, core::Qty{3000});
  EXPECT_EQ(local[1].first_id, core::TradeId{2});
  EXPECT_EQ(local[1].last_id, core::TradeId{3});

  const auto utc = md.klines(kSym, Interval::d1, {}, now);
  ASSERT_EQ(utc.size(), 1U);
  EXPECT_EQ(utc[0].trades, 3U);

  const auto current = *md.current_kline(kSym, Interval::d1, now, plus8);
  EXPECT_EQ(current.open_time_ms, feb28_15h + kHourMs);
  EXPECT_EQ(current.trades, 2U);
  const auto month = *md.current_kline(kSym, Interval::mo1, now, plus8);
  EXPECT_EQ(month.open_time_ms, kFeb1 - 8 * kHourMs);
}

TEST(Klines, a_merged_bucket_whose_start_was_dropped_is_not_served) {
  auto md = make_market_data(MarketDataLimits{.trades = 10, .agg_trades = 10, .klines = 3});
  const std::int64_t local_midnight = kFeb1 - 5 * kHourMs;  // Feb 1 00:00 at +05:00
  for (std::int64_t h = 0; h < 5; ++h) {
    md.on_trade(
        trade(static_cast<std::uint64_t>(h + 1), 10000 + h, 1000, local_midnight + h * kHourMs));
  }
  const std::chrono::minutes plus5{300};
  const auto now = at_ms(local_midnight + 5 * kHourMs);
  // 1d at +05:00 merges from the 1h series, which kept hours 2..4 only: that day is incomplete.
  EXPECT_TRUE(md.klines(kSym, Interval::d1, {.time_zone = plus5}, now).empty());
  EXPECT_FALSE(md.current_kline(kSym, Interval::d1, now, plus5));
  // The next local day is served, carrying the close.
  const auto next_day = at_ms(local_midnight + 25 * kHourMs);
  const auto klines = md.klines(kSym, Interval::d1, {.time_zone = plus5}, next_day);
  ASSERT_EQ(klines.size(), 1U);
  EXPECT_EQ(klines[0].open_time_ms, local_midnight + 24 * kHourMs);
  EXPECT_EQ(klines[0].close, core::Price{10004});
}

TEST(Klines, limit_is_clamped_to_binance_maximum_of_1000) {
  auto md = make_market_data();
  md.on_trade(trade(1, 10000, 1000, kT0));
  const auto now = at_ms(kT0 + 2000 * 1000);  // 2,000 one-second buckets later
  EXPECT_EQ(md.klines(kSym, Interval::s1, {.limit = 5000}, now).size(), 1000U);
  EXPECT_EQ(md.klines(kSym, Interval::s1, {.start_time_ms = kT0, .limit = 5000}, now).size(),
            1000U);
  EXPECT_TRUE(md.klines(kSym, Interval::s1, {.limit = 0}, now).empty());
}

}  // namespace
}  // namespace mockex::marketdata
