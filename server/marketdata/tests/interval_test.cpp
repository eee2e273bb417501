#include "mockex/marketdata/interval.hpp"

#include <gtest/gtest.h>

#include "mockex/marketdata/format.hpp"

namespace mockex::marketdata {
namespace {

// 2024-02-29T13:45:30.250Z and neighbours, in Unix ms.
constexpr std::int64_t kLeapDay = 1709214330250;
constexpr std::int64_t kFeb1 = 1706745600000;    // 2024-02-01T00:00:00Z
constexpr std::int64_t kMar1 = 1709251200000;    // 2024-03-01T00:00:00Z
constexpr std::int64_t kJan1 = 1704067200000;    // 2024-01-01T00:00:00Z
constexpr std::int64_t kDec1 = 1701388800000;    // 2023-12-01T00:00:00Z
constexpr std::int64_t kMonday = 1708905600000;  // 2024-02-26T00:00:00Z (a Monday)

TEST(Interval, parses_every_binance_name_and_rejects_others) {
  for (Interval interval : kAllIntervals) {
    EXPECT_EQ(parse_interval(to_string(interval)), interval);
  }
  EXPECT_EQ(parse_interval("1M"), Interval::mo1);
  EXPECT_EQ(parse_interval("1m"), Interval::m1);
  EXPECT_FALSE(parse_interval("2m"));
  EXPECT_FALSE(parse_interval("1H"));
  EXPECT_FALSE(parse_interval(""));
}

TEST(Interval, fixed_intervals_align_to_multiples_since_epoch) {
  EXPECT_EQ(bucket_open(Interval::s1, kLeapDay), 1709214330000);
  EXPECT_EQ(bucket_open(Interval::m1, kLeapDay), 1709214300000);
  EXPECT_EQ(bucket_open(Interval::m15, kLeapDay), 1709214300000 - 15 * 60000 + 15 * 60000);
  EXPECT_EQ(bucket_open(Interval::h4, kLeapDay), 1709208000000);  // 12:00
  EXPECT_EQ(bucket_open(Interval::d1, kLeapDay), 1709164800000);
  EXPECT_EQ(bucket_open(Interval::d3, kLeapDay) % (3 * 86400000LL), 0);
  EXPECT_EQ(next_open(Interval::h1, 1709211600000), 1709215200000);
  EXPECT_EQ(previous_open(Interval::h1, 1709211600000), 1709208000000);
}

TEST(Interval, weeks_open_on_monday_utc) {
  EXPECT_EQ(bucket_open(Interval::w1, kLeapDay), kMonday);
  EXPECT_EQ(bucket_open(Interval::w1, kMonday), kMonday);
  EXPECT_EQ(bucket_open(Interval::w1, kMonday - 1), kMonday - 7 * 86400000LL);
}

TEST(Interval, months_follow_the_calendar_including_leap_february_and_year_ends) {
  EXPECT_EQ(bucket_open(Interval::mo1, kLeapDay), kFeb1);
  EXPECT_EQ(next_open(Interval::mo1, kFeb1), kMar1);
  EXPECT_EQ(bucket_open(Interval::mo1, kMar1 - 1), kFeb1);
  EXPECT_EQ(previous_open(Interval::mo1, kJan1), kDec1);
  EXPECT_EQ(next_open(Interval::mo1, kDec1), kJan1);
}

TEST(Interval, window_sizes_accept_binance_ranges_only) {
  EXPECT_EQ(parse_window_size("1m"), std::chrono::minutes{1});
  EXPECT_EQ(parse_window_size("59m"), std::chrono::minutes{59});
  EXPECT_EQ(parse_window_size("23h"), std::chrono::hours{23});
  EXPECT_EQ(parse_window_size("7d"), std::chrono::days{7});
  EXPECT_FALSE(parse_window_size("60m"));
  EXPECT_FALSE(parse_window_size("24h"));
  EXPECT_FALSE(parse_window_size("8d"));
  EXPECT_FALSE(parse_window_size("0m"));
  EXPECT_FALSE(parse_window_size("01m"));
  EXPECT_FALSE(parse_window_size("1w"));
  EXPECT_FALSE(parse_window_size("m"));
}

TEST(Interval, time_zones_parse_hours_or_hours_and_minutes_within_binance_range) {
  using std::chrono::minutes;
  EXPECT_EQ(parse_time_zone("0"), minutes{0});
  EXPECT_EQ(parse_time_zone("8"), minutes{480});
  EXPECT_EQ(parse_time_zone("+08:00"), minutes{480});
  EXPECT_EQ(parse_time_zone("05:45"), minutes{345});
  EXPECT_EQ(parse_time_zone("-1:00"), minutes{-60});
  EXPECT_EQ(parse_time_zone("-12:00"), minutes{-720});
  EXPECT_EQ(parse_time_zone("14"), minutes{840});
  EXPECT_FALSE(parse_time_zone("14:01"));
  EXPECT_FALSE(parse_time_zone("-12:30"));
  EXPECT_FALSE(parse_time_zone("--5"));
  EXPECT_FALSE(parse_time_zone("+-5"));
  EXPECT_FALSE(parse_time_zone("5:7"));
  EXPECT_FALSE(parse_time_zone("5:60"));
  EXPECT_FALSE(parse_time_zone("100"));
  EXPECT_FALSE(parse_time_zone(""));
  EXPECT_FALSE(parse_time_zone("UTC"));
}

TEST(Interval, a_time_zone_shifts_day_and_month_boundaries_to_local_midnight) {
  const std::chrono::minutes plus8{480};
  // 2024-02-29T13:45:30Z is 21:45:30 local: the local day opened at 2024-02-28T16:00Z.
  EXPECT_EQ(bucket_open(Interval::d1, kLeapDay, plus8), 1709136000000);
  EXPECT_EQ(next_open(Interval::d1, 1709136000000, plus8), 1709222400000);
  // 2024-02-29T17:00Z is already March 1st at +08:00.
  EXPECT_EQ(bucket_open(Interval::mo1, kMar1 - 7 * 3600000LL, plus8), kMar1 - 8 * 3600000LL);
  EXPECT_EQ(bucket_open(Interval::m1, kLeapDay, plus8), bucket_open(Interval::m1, kLeapDay));
}

TEST(Format, percent_has_three_decimals_and_a_sign) {
  EXPECT_EQ(format_percent(Percent{-95960}), "-95.960");
  EXPECT_EQ(format_percent(Percent{0}), "0.000");
  EXPECT_EQ(format_percent(Percent{5}), "0.005");
}

}  // namespace
}  // namespace mockex::marketdata
