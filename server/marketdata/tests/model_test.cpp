// MarketData against a naive model: a seeded random trade stream, then every kline interval and
// a range of rolling windows recomputed straight from the list of trades.

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "mockex/core/arithmetic.hpp"
#include "mockex/core/rng.hpp"
#include "support.hpp"

namespace mockex::marketdata {
namespace {

using namespace testing;

struct Model {
  std::vector<venue::PublicTrade> trades;

  // The trades with time in [from_ms, to_ms] (the stream is in time order).
  std::vector<venue::PublicTrade> between(std::int64_t from_ms, std::int64_t to_ms) const {
    return {first_at_or_after(from_ms), first_at_or_after(to_ms + 1)};
  }
  // The price of the last trade before `ms`; 0 when none.
  core::Price price_before(std::int64_t ms) const {
    const auto it = first_at_or_after(ms);
    return it == trades.begin() ? core::Price{} : std::prev(it)->price;
  }
  std::vector<venue::PublicTrade>::const_iterator first_at_or_after(std::int64_t ms) const {
    return std::partition_point(trades.begin(), trades.end(),
                                [ms](const venue::PublicTrade& t) { return t.time.millis() < ms; });
  }
};

core::Amount quote_of(const std::vector<venue::PublicTrade>& trades, bool taker_buys_only) {
  core::Int128 sum = 0;
  for (const auto& t : trades) {
    if (taker_buys_only && t.buyer_is_maker) continue;
    sum += core::Int128{t.price.units()} * t.qty.units();
  }
  const unsigned drop = kScales.price.decimals + kScales.qty.decimals - kScales.quote.decimals;
  return core::Amount{*core::divide(sum, core::pow10_128(drop), core::Rounding::half_even)};
}

std::int64_t volume_of(const std::vector<venue::PublicTrade>& trades, bool taker_buys_only) {
  std::int64_t sum = 0;
  for (const auto& t : trades) {
    if (!taker_buys_only || !t.buyer_is_maker) sum += t.qty.units();
  }
  return sum;
}

Model random_stream(std::uint64_t seed, std::size_t count) {
  core::Rng rng(seed);
  Model model;
  std::int64_t price = 50'000;
  std::int64_t ms = kT0 + 123;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t roll = rng.next_u64();
    price = std::max<std::int64_t>(1, price + static_cast<std::int64_t>(roll % 7) - 3);
    // Up to 90 s apart; one trade in 16 at the same millisecond as the one before (gap 0), one
    // in 16 after up to 6 h of silence (gap 1).
    const std::uint64_t gap = (roll >> 8) % 16;
    if (gap == 1) {
      ms += static_cast<std::int64_t>((roll >> 16) % (6 * kHourMs));
    } else if (gap != 0) {
      ms += static_cast<std::int64_t>((roll >> 16) % 90'000);
    }
    model.trades.push_back(trade(i + 1, price, static_cast<std::int64_t>(1 + (roll >> 40) % 5000),
                                 ms, ((roll >> 60) & 1U) != 0));
  }
  return model;
}

TEST(Model, every_interval_in_every_time_zone_matches_klines_recomputed_from_the_trades) {
  const Model model = random_stream(7, 3000);
  auto md = make_market_data(MarketDataLimits{.trades = 10, .agg_trades = 10, .klines = 100'000});
  for (const auto& t : model.trades) md.on_trade(t);
  const std::int64_t now = model.trades.back().time.millis() + 5 * kMinuteMs;

  // UTC, then time zones that move hour, half-hour and quarter-hour boundaries.
  const std::vector<std::chrono::minutes> zones{std::chrono::minutes{0}, std::chrono::minutes{480},
                                                std::chrono::minutes{-210},
                                                std::chrono::minutes{345}};
  for (const auto zone : zones) {
    for (Interval interval : kAllIntervals) {
      const auto klines =
          md.klines(venue::SymbolId{0}, interval, {.limit = 1000, .time_zone = zone}, at_ms(now));
      ASSERT_FALSE(klines.empty()) << to_string(interval);
      EXPECT_EQ(klines.back().open_time_ms, bucket_open(interval, now, zone));
      for (std::size_t i = 0; i < klines.size(); ++i) {
        const Kline& k = klines[i];
        SCOPED_TRACE(std::string(to_string(interval)) + " zone " + std::to_string(zone.count()) +
                     " kline " + std::to_string(i));
        ASSERT_EQ(k.close_time_ms, next_open(interval, k.open_time_ms, zone) - 1);
        if (i > 0) {
          ASSERT_EQ(k.open_time_ms, klines[i - 1].close_time_ms + 1);
        }
        const auto in = model.between(k.open_time_ms, k.close_time_ms);
        ASSERT_EQ(k.trades, in.size());
        if (in.empty()) {
          const core::Price previous = model.price_before(k.open_time_ms);
          EXPECT_EQ(k.open, previous);
          EXPECT_EQ(k.high, previous);
          EXPECT_EQ(k.low, previous);
          EXPECT_EQ(k.close, previous);
          EXPECT_EQ(k.volume, core::Qty{0});
          continue;
        }
        const auto [low, high] = std::minmax_element(
            in.begin(), in.end(), [](const auto& a, const auto& b) { return a.price < b.price; });
        EXPECT_EQ(k.open, in.front().price);
        EXPECT_EQ(k.close, in.back().price);
        EXPECT_EQ(k.high, high->price);
        EXPECT_EQ(k.low, low->price);
        EXPECT_EQ(k.volume, core::Qty{volume_of(in, false)});
        EXPECT_EQ(k.taker_buy_volume, core::Qty{volume_of(in, true)});
        EXPECT_EQ(k.quote_volume, quote_of(in, false));
        EXPECT_EQ(k.taker_buy_quote_volume, quote_of(in, true));
        EXPECT_EQ(k.first_id, in.front().id);
        EXPECT_EQ(k.last_id, in.back().id);
        EXPECT_EQ(k.is_closed, k.close_time_ms < now);
      }
    }
  }
}

TEST(Model, rolling_windows_match_tickers_recomputed_from_the_trades) {
  const Model model = random_stream(11, 3000);
  auto md = make_market_data();
  for (const auto& t : model.trades) md.on_trade(t);
  const std::int64_t end = model.trades.back().time.millis();
  const std::vector<std::chrono::minutes> windows{std::chrono::minutes{1}, std::chrono::minutes{17},
                                                  std::chrono::hours{1},   std::chrono::hours{4},
                                                  std::chrono::hours{24},  std::chrono::days{3},
                                                  std::chrono::days{7}};
  for (std::int64_t now = end - 3 * 24 * kHourMs; now <= end + kHourMs; now += 7 * kHourMs + 1234) {
    for (const auto window : windows) {
      SCOPED_TRACE("now " + std::to_string(now) + " window " + std::to_string(window.count()));
      const std::int64_t start = bucket_open(Interval::m1, now - window.count() * kMinuteMs);
      const auto in = model.between(start, now);
      const Ticker t = *md.ticker(kSym, window, at_ms(now));
      EXPECT_EQ(t.open_time_ms, start);
      ASSERT_EQ(t.count, in.size());
      if (in.empty()) continue;
      const auto [low, high] = std::minmax_element(
          in.begin(), in.end(), [](const auto& a, const auto& b) { return a.price < b.price; });
      EXPECT_EQ(t.open_price, in.front().price);
      EXPECT_EQ(t.last_price, in.back().price);
      EXPECT_EQ(t.last_qty, in.back().qty);
      EXPECT_EQ(t.high_price, high->price);
      EXPECT_EQ(t.low_price, low->price);
      EXPECT_EQ(t.volume, core::Qty{volume_of(in, false)});
      EXPECT_EQ(t.quote_volume, quote_of(in, false));
      EXPECT_EQ(t.first_id, in.front().id);
      EXPECT_EQ(t.last_id, in.back().id);
      EXPECT_EQ(t.prev_close_price, model.price_before(start));
    }
  }
}

}  // namespace
}  // namespace mockex::marketdata
