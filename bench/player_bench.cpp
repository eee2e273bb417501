// Market events applied to the venue at full speed: a random-walk scenario played on a manual
// clock (no waiting), so the figure is what the generator plus the venue's background liquidity
// (levels and trades into the books) sustain on one core.
//
//   build-release/bin/mockex_player_bench

#include <mockex/core/manual_clock.hpp>
#include <mockex/scenario/loader.hpp>
#include <mockex/session/player.hpp>
#include <mockex/session/venue_setup.hpp>

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

constexpr const char* scenario_yaml = R"(
name: bench
seed: 3
clock: {mode: stepped, start: "2024-01-01T00:00:00Z"}
instruments:
  - {symbol: BTCUSDT, base: BTC, quote: USDT}
  - {symbol: ETHUSDT, base: ETH, quote: USDT}
market:
  BTCUSDT:
    random_walk: {mid: "30000", volatility: 0.8, levels: 20, update_interval: 100ms, trade_rate: 5}
  ETHUSDT:
    random_walk: {mid: "2000", volatility: 0.8, levels: 20, update_interval: 100ms, trade_rate: 5}
)";

void BM_PlayerIntoVenue(benchmark::State& state) {
  using namespace mockex;
  auto loaded = scenario::load_scenario_string(scenario_yaml, "bench.yaml");
  const auto& scenario = *loaded.scenario;
  std::uint64_t events = 0;
  for (auto _ : state) {
    state.PauseTiming();
    core::ManualClock clock(*scenario.clock.start);
    core::Rng root(scenario.seed);
    auto venue = std::get<std::unique_ptr<venue::Venue>>(
        session::make_venue(scenario, root.fork(1), clock.now()));
    session::ScenarioPlayer player(scenario, *venue, clock, clock, root, {});
    (void)player.start();
    state.ResumeTiming();
    clock.advance_by(std::chrono::minutes(10));
    events += player.market_events();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
}
BENCHMARK(BM_PlayerIntoVenue)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
