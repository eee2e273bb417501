// The random_walk generator: deterministic per seed (golden file), sensitive to the seed,
// independent of how it is pulled, and obedient to the instrument's filters and the timeline.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "mockex/scenario/market_factory.hpp"
#include "mockex/scenario/random_walk.hpp"
#include "test_support.hpp"

namespace mockex::scenario {
namespace {

constexpr std::string_view kScenario = R"(
name: golden
seed: 20240501
instruments:
  - {symbol: BTCUSDT, base: BTC, quote: USDT, base_precision: 5, quote_precision: 2}
  - {symbol: ETHUSDT, base: ETH, quote: USDT, base_precision: 4, quote_precision: 2}
market:
  BTCUSDT:
    random_walk:
      mid: "30000.00"
      volatility: 2
      spread_bps: 1
      levels: 5
      level_size: {distribution: uniform, min: "0.01", max: "2"}
      update_interval: 250ms
      trade_rate: 4
      trade_size: {distribution: lognormal, median: "0.05", sigma: 1, max: "1"}
  ETHUSDT:
    book:
      bids: [["1999.90", "3"], ["1999.80", "4"]]
      asks: [["2000.10", "3"], ["2000.20", "5"]]
    random_walk:
      volatility: 1
      levels: 3
      level_spacing: 10
      level_size: {distribution: fixed, value: "1.5"}
      update_interval: 500ms
      trade_rate: 2
)";

const core::Timestamp kStart = core::Timestamp::from_millis(1'700'000'000'000);

Scenario load(std::string_view yaml, std::uint64_t seed_override = 0) {
  auto result = load_scenario_string(yaml, "golden.yaml");
  for (const auto& error : result.errors) ADD_FAILURE() << error.to_string();
  Scenario scenario = result.ok() ? *result.scenario : Scenario{};
  if (seed_override != 0) scenario.seed = seed_override;
  return scenario;
}

std::string run(const Scenario& scenario, std::chrono::milliseconds length) {
  auto market = make_market(scenario, kStart, core::Rng(scenario.seed));
  std::vector<MarketEvent> events;
  market->pop_until(kStart + length, events);
  std::string text;
  for (const auto& event : events) {
    append_event(text, event);
    text += '\n';
  }
  return text;
}

TEST(RandomWalk, same_scenario_and_seed_give_the_golden_event_sequence) {
  const std::string actual = run(load(kScenario), std::chrono::seconds(5));
  const std::string path = testing::golden_dir() + "/random_walk_events.txt";
  if (std::getenv("MOCKEX_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path << " (run with MOCKEX_UPDATE_GOLDEN=1)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str());
  EXPECT_EQ(actual, run(load(kScenario), std::chrono::seconds(5)));
}

TEST(RandomWalk, different_seed_gives_a_different_sequence) {
  EXPECT_NE(run(load(kScenario), std::chrono::seconds(5)),
            run(load(kScenario, 20240502), std::chrono::seconds(5)));
}

TEST(RandomWalk, pulling_in_small_steps_gives_the_same_events_as_one_pull) {
  const Scenario scenario = load(kScenario);
  auto whole = make_market(scenario, kStart, core::Rng(scenario.seed));
  auto stepped = make_market(scenario, kStart, core::Rng(scenario.seed));
  std::vector<MarketEvent> all;
  std::vector<MarketEvent> pieces;
  whole->pop_until(kStart + std::chrono::seconds(10), all);
  for (int ms = 0; ms <= 10'000; ms += 7) {
    stepped->pop_until(kStart + std::chrono::milliseconds(ms), pieces);
  }
  stepped->pop_until(kStart + std::chrono::seconds(10), pieces);
  EXPECT_EQ(all, pieces);
}

TEST(RandomWalk, events_are_in_time_order_and_respect_tick_and_lot_step) {
  const Scenario scenario = load(kScenario);
  auto market = make_market(scenario, kStart, core::Rng(scenario.seed));
  std::vector<MarketEvent> events;
  market->pop_until(kStart + std::chrono::minutes(2), events);
  ASSERT_GT(events.size(), 1000u);
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    if (i > 0) {
      ASSERT_LE(events[i - 1].time, e.time);
    }
    const Instrument& in = scenario.instruments[e.symbol];
    if (e.kind == MarketEventKind::level || e.kind == MarketEventKind::trade) {
      ASSERT_EQ(e.price.units() % in.tick_size.units(), 0) << format_event(e);
      ASSERT_EQ(e.qty.units() % in.step_size.units(), 0) << format_event(e);
      ASSERT_GE(e.price.units(), in.min_price.units());
    }
    if (e.kind == MarketEventKind::trade) {
      ASSERT_GT(e.qty.units(), 0);
    }
  }
}

TEST(RandomWalk, book_applied_event_by_event_is_never_crossed) {
  const Scenario scenario = load(kScenario);
  auto market = make_market(scenario, kStart, core::Rng(scenario.seed));
  std::vector<MarketEvent> events;
  market->pop_until(kStart + std::chrono::minutes(2), events);
  std::vector<std::map<std::int64_t, std::int64_t>> bids(2);
  std::vector<std::map<std::int64_t, std::int64_t>> asks(2);
  for (const auto& e : events) {
    if (e.kind == MarketEventKind::clear_book) {
      bids[e.symbol].clear();
      asks[e.symbol].clear();
    }
    if (e.kind != MarketEventKind::level) continue;
    auto& side = e.side == Side::buy ? bids[e.symbol] : asks[e.symbol];
    if (e.qty.is_zero()) {
      side.erase(e.price.units());
    } else {
      side[e.price.units()] = e.qty.units();
    }
    if (!bids[e.symbol].empty() && !asks[e.symbol].empty()) {
      ASSERT_LT(bids[e.symbol].rbegin()->first, asks[e.symbol].begin()->first) << format_event(e);
    }
  }
}

TEST(RandomWalk, first_events_are_the_initial_book_snapshot) {
  const Scenario scenario = load(kScenario);
  auto market = make_market(scenario, kStart, core::Rng(scenario.seed));
  std::vector<MarketEvent> events;
  market->pop_until(kStart, events);
  // BTCUSDT: clear, 5 + 5 generated levels, mid; ETHUSDT: clear, its 4 given levels, mid.
  ASSERT_EQ(events.size(), 12u + 6u);
  EXPECT_EQ(events[0].kind, MarketEventKind::clear_book);
  EXPECT_EQ(events[12].kind, MarketEventKind::clear_book);
  EXPECT_EQ(events[13].price.units(), 199990);
  EXPECT_EQ(events[13].qty.units(), 30000);
  EXPECT_EQ(events[17].kind, MarketEventKind::mid);
  EXPECT_EQ(events[17].price.units(), 200000);
}

TEST(RandomWalk, shock_moves_the_mid_by_the_percentage_over_its_duration) {
  const Scenario scenario = load(
      "name: s\ninstruments: [{symbol: BTCUSDT, base: BTC, quote: USDT}]\n"
      "market: {BTCUSDT: {random_walk: {mid: \"100.00\", volatility: 0, trade_rate: 0}}}\n");
  const auto& in = scenario.instruments[0];
  RandomWalk walk(in, 0, *scenario.markets[0].random_walk, {}, {}, kStart, core::Rng(1));
  std::vector<MarketEvent> events;
  walk.pop_until(kStart, events);
  walk.shock(-20, std::chrono::seconds(1));
  walk.pop_until(kStart + std::chrono::milliseconds(500), events);
  EXPECT_NEAR(walk.mid(), 100e8 * std::pow(0.8, 0.5), 1e3);
  walk.pop_until(kStart + std::chrono::seconds(3), events);
  EXPECT_NEAR(walk.mid(), 80e8, 1e3);
  EXPECT_EQ(events.back().kind, MarketEventKind::mid);
  EXPECT_EQ(events.back().price.units(), 8000000000);
}

TEST(RandomWalk, spread_and_liquidity_controls_reshape_the_ladder) {
  const Scenario scenario = load(
      "name: s\ninstruments: [{symbol: BTCUSDT, base: BTC, quote: USDT, quote_precision: 2}]\n"
      "market: {BTCUSDT: {random_walk: {mid: \"10000.00\", volatility: 0, trade_rate: 0, "
      "spread_bps: 1, levels: 1, level_size: {distribution: fixed, value: \"1\"}}}}\n");
  RandomWalk walk(scenario.instruments[0], 0, *scenario.markets[0].random_walk, {}, {}, kStart,
                  core::Rng(1));
  std::vector<MarketEvent> events;
  walk.pop_until(kStart, events);
  auto best = [&](Side side) {
    std::int64_t price = 0;
    for (const auto& e : events) {
      if (e.kind == MarketEventKind::level && e.side == side && e.qty.units() > 0) price = e.price.units();
    }
    return price;
  };
  EXPECT_EQ(best(Side::sell) - best(Side::buy), 100);  // 1 bp of 10000.00 = 1.00
  walk.scale_spread(10);
  walk.set_liquidity(0.5);
  events.clear();
  walk.pop_until(kStart + std::chrono::milliseconds(100), events);
  EXPECT_EQ(best(Side::sell) - best(Side::buy), 1000);
  for (const auto& e : events) {
    if (e.kind == MarketEventKind::level && e.qty.units() > 0) {
      EXPECT_EQ(e.qty.units(), 50000000);
    }
  }
}

TEST(RandomWalk, symbol_stream_does_not_depend_on_other_instruments) {
  // Adding an instrument before BTCUSDT must not change BTCUSDT's market.
  const Scenario one = load(kScenario);
  std::string two_yaml(kScenario);
  two_yaml.replace(two_yaml.find("instruments:\n"), 13,
                   "instruments:\n  - {symbol: XRPUSDT, base: XRP, quote: USDT, quote_precision: 2}\n");
  const Scenario two = load(two_yaml);
  auto a = make_market_source(one, 0, kStart, core::Rng(one.seed));
  auto b = make_market_source(two, 0, kStart, core::Rng(two.seed));
  std::vector<MarketEvent> ea;
  std::vector<MarketEvent> eb;
  a->pop_until(kStart + std::chrono::seconds(5), ea);
  b->pop_until(kStart + std::chrono::seconds(5), eb);
  ASSERT_EQ(ea.size(), eb.size());
  for (std::size_t i = 0; i < ea.size(); ++i) {
    EXPECT_EQ(ea[i].symbol + 1, eb[i].symbol);
    EXPECT_EQ(ea[i].price, eb[i].price);
    EXPECT_EQ(ea[i].qty, eb[i].qty);
  }
}

}  // namespace
}  // namespace mockex::scenario
