// Scenario module benchmarks: market generation and replay at full speed (target >= 1 million
// market events/s) and validation of a 10,000-line scenario (target < 100 ms).
//
//   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOCKEX_BUILD_TESTS=OFF
//   cmake --build build-release --target scenario_bench -j2 && build-release/bin/scenario_bench

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "mockex/scenario/loader.hpp"
#include "mockex/scenario/market_factory.hpp"
#include "mockex/scenario/replay_reader.hpp"

namespace {

using namespace mockex;
using namespace mockex::scenario;

const core::Timestamp kStart = core::Timestamp::from_millis(1'700'000'000'000);

Scenario load_or_die(const std::string& yaml) {
  auto result = load_scenario_string(yaml, "bench.yaml");
  if (!result.ok()) {
    for (const auto& error : result.errors) fprintf(stderr, "%s\n", error.to_string().c_str());
    std::abort();
  }
  return *result.scenario;
}

// Two random-walk markets as in quickstart, 20 levels a side, re-quoted every 100 ms.
void BM_RandomWalkGeneration(benchmark::State& state) {
  const Scenario scenario = load_or_die(R"(
name: bench
seed: 42
instruments:
  - {symbol: BTCUSDT, base: BTC, quote: USDT}
  - {symbol: ETHUSDT, base: ETH, quote: USDT, lot: {step: "0.0001", min: "0.0001"}}
market:
  BTCUSDT: {random_walk: {mid: "30000", volatility: 0.6, spread_bps: 0.5, levels: 20, trade_rate: 5,
            level_size: {distribution: uniform, min: "0.01", max: "2"}}}
  ETHUSDT: {random_walk: {mid: "2000", volatility: 0.8, spread_bps: 1, levels: 20, trade_rate: 3,
            level_size: {distribution: uniform, min: "0.1", max: "20"}}}
)");
  auto market = make_market(scenario, kStart, core::Rng(scenario.seed));
  std::vector<MarketEvent> events;
  events.reserve(1 << 16);
  core::Timestamp now = kStart;
  std::int64_t total = 0;
  for (auto _ : state) {
    events.clear();
    now += std::chrono::seconds(10);
    total += static_cast<std::int64_t>(market->pop_until(now, events));
    benchmark::DoNotOptimize(events.data());
  }
  state.SetItemsProcessed(total);
}
BENCHMARK(BM_RandomWalkGeneration);

// A JSON Lines file of diffs (3 levels each) and trades, read to the end.
void BM_ReplayRead(benchmark::State& state) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("mockex-replay-bench-" + std::to_string(::getpid()) + ".jsonl");
  constexpr int kLines = 200'000;
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < kLines; ++i) {
      if (i % 4 == 3) {
        out << "{\"t\":" << i << ",\"type\":\"trade\",\"side\":\"buy\",\"price\":\"30000.01\",\"qty\":\"0.0"
            << (i % 9 + 1) << "\"}\n";
      } else {
        out << "{\"t\":" << i << ",\"type\":\"diff\",\"bids\":[[\"30000.00\",\"1.5\"],[\"29999.99\",\"0\"]],"
            << "\"asks\":[[\"30000.01\",\"" << (i % 97 + 1) << "\"]]}\n";
      }
    }
  }
  std::int64_t total = 0;
  std::vector<MarketEvent> events;
  for (auto _ : state) {
    ReplayConfig config;
    config.price_scale = core::Scale{2};
    config.qty_scale = core::Scale{8};
    config.start = kStart;
    auto reader = ReplayReader::from_file(config, path.string());
    while (reader->next_event_time()) {
      events.clear();
      total += static_cast<std::int64_t>(reader->pop_until(*reader->next_event_time() + std::chrono::seconds(1), events));
    }
  }
  std::filesystem::remove(path);
  state.SetItemsProcessed(total);
}
BENCHMARK(BM_ReplayRead)->Unit(benchmark::kMillisecond);

// A 10,000-line scenario: 200 instruments with filters and markets, 100 accounts, and a long
// timeline of faults and market events.
std::string large_scenario() {
  std::string y = "name: large\nseed: 1\nclock: {mode: stepped, start: \"2024-01-01T00:00:00Z\"}\ninstruments:\n";
  for (int i = 0; i < 200; ++i) {
    const std::string n = std::to_string(i);
    y += "  - symbol: S" + n + "USDT\n    base: S" + n + "\n    quote: USDT\n"
         "    price: {tick: \"0.01\", min: \"0.01\", max: \"1000000\"}\n"
         "    lot: {step: \"0.0001\", min: \"0.0001\", max: \"9000\"}\n"
         "    notional: {min: \"5\", max: \"9000000\"}\n";
  }
  y += "accounts:\n";
  for (int i = 0; i < 100; ++i) {
    y += "  - api_key: key-" + std::to_string(i) + "\n    secret: s\n    balances:\n      USDT: \"100000.5\"\n"
         "      S1: \"10\"\n    commission: {maker: \"0.001\", taker: \"0.001\"}\n";
  }
  y += "market:\n";
  for (int i = 0; i < 200; ++i) {
    y += "  S" + std::to_string(i) + "USDT:\n    book:\n      bids: [[\"99.99\", \"1\"], [\"99.98\", \"2\"]]\n"
         "      asks: [[\"100.01\", \"1\"], [\"100.02\", \"2\"]]\n    random_walk:\n      volatility: 0.5\n"
         "      levels: 10\n      level_size: {distribution: uniform, min: \"0.1\", max: \"2\"}\n";
  }
  y += "timeline:\n";
  int line_count = 0;
  for (char c : y) line_count += c == '\n';
  for (int i = 0; line_count < 10'000; ++i) {
    if (i % 2 == 0) {
      y += "  - at: " + std::to_string(i) + "s\n    fault:\n      name: f" + std::to_string(i) +
           "\n      kind: latency\n      params: {ms: 200, jitter_ms: 50}\n"
           "      match: {http: \"POST /api/v3/order\"}\n      probability: 0.5\n      for: 1s\n";
      line_count += 8;
    } else {
      y += "  - at: " + std::to_string(i) + "s\n    shock: {symbol: S" + std::to_string(i % 200) +
           "USDT, pct: -1.5, over: 2s}\n";
      line_count += 2;
    }
  }
  return y;
}

void BM_Validate10kLineScenario(benchmark::State& state) {
  const std::string yaml = large_scenario();
  for (auto _ : state) {
    auto result = load_scenario_string(yaml, "large.yaml");
    if (!result.ok()) state.SkipWithError(result.errors.front().to_string().c_str());
    benchmark::DoNotOptimize(result);
  }
  std::int64_t lines = 0;
  for (char c : yaml) lines += c == '\n';
  state.counters["lines"] = static_cast<double>(lines);
}
BENCHMARK(BM_Validate10kLineScenario)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
