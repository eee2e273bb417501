// Driving market sources on a stepped (manual) clock delivers exactly the events due.

#include <gtest/gtest.h>

#include "mockex/core/manual_clock.hpp"
#include "mockex/scenario/market_factory.hpp"
#include "mockex/scenario/scheduled_feed.hpp"
#include "test_support.hpp"

namespace mockex::scenario {
namespace {

const core::Timestamp kStart = core::Timestamp::from_millis(1'700'000'000'000);

Scenario scenario() {
  auto result = load_scenario_string(
      "name: feed\nseed: 5\n"
      "instruments: [{symbol: BTCUSDT, base: BTC, quote: USDT}, {symbol: ETHUSDT, base: ETH, quote: USDT}]\n"
      "market:\n"
      "  BTCUSDT: {random_walk: {mid: \"30000\", trade_rate: 3, update_interval: 100ms}}\n"
      "  ETHUSDT: {random_walk: {mid: \"2000\", trade_rate: 1, update_interval: 300ms}}\n",
      "feed.yaml");
  EXPECT_TRUE(result.ok());
  return *result.scenario;
}

TEST(ScheduledFeed, advancing_a_stepped_clock_delivers_exactly_the_events_due) {
  const Scenario s = scenario();
  core::ManualClock clock(kStart);
  auto source = make_market(s, kStart, core::Rng(s.seed));
  std::vector<MarketEvent> delivered;
  ScheduledFeed feed(*source, clock, clock, [&](std::span<const MarketEvent> batch) {
    for (const auto& e : batch) {
      EXPECT_EQ(e.time, clock.now());  // each batch is delivered at its events' due time
      delivered.push_back(e);
    }
  });
  ASSERT_TRUE(feed.start().ok());

  auto reference = make_market(s, kStart, core::Rng(s.seed));
  std::vector<MarketEvent> expected;
  for (int step = 0; step <= 10; ++step) {
    const auto target = kStart + std::chrono::seconds(step);
    clock.advance_to(target);
    reference->pop_until(target, expected);
    ASSERT_EQ(delivered, expected) << "after " << step << " s";
  }
  EXPECT_EQ(feed.delivered(), expected.size());
  EXPECT_GT(expected.size(), 500u);
}

TEST(ScheduledFeed, nothing_is_delivered_until_the_clock_moves) {
  const Scenario s = scenario();
  core::ManualClock clock(kStart - std::chrono::seconds(1));
  auto source = make_market(s, kStart, core::Rng(s.seed));
  std::size_t count = 0;
  ScheduledFeed feed(*source, clock, clock, [&](std::span<const MarketEvent> batch) { count += batch.size(); });
  ASSERT_TRUE(feed.start().ok());
  EXPECT_EQ(count, 0u);
  clock.advance_by(std::chrono::milliseconds(999));
  EXPECT_EQ(count, 0u);
  clock.advance_by(std::chrono::milliseconds(1));
  EXPECT_GT(count, 0u);
}

TEST(ScheduledFeed, stop_cancels_the_pending_timer) {
  const Scenario s = scenario();
  core::ManualClock clock(kStart);
  auto source = make_market(s, kStart, core::Rng(s.seed));
  std::size_t count = 0;
  ScheduledFeed feed(*source, clock, clock, [&](std::span<const MarketEvent> batch) { count += batch.size(); });
  ASSERT_TRUE(feed.start().ok());
  clock.advance_by(std::chrono::seconds(1));
  const std::size_t before = count;
  feed.stop();
  EXPECT_EQ(clock.pending(), 0u);
  clock.advance_by(std::chrono::seconds(5));
  EXPECT_EQ(count, before);
}

}  // namespace
}  // namespace mockex::scenario
