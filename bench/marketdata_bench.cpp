// Trades per second into MarketData with every kline interval (16), the rolling minute buckets,
// the recent-trade and aggTrade rings all maintained, on one symbol. The trade stream is
// pre-generated from a fixed seed: a random walk, one trade in eight at the same millisecond as
// the one before (aggregates), the others 0-3 s apart, so 1M trades span about 15 days and every
// interval's buckets roll (1s nearly every trade); items/s is trades ingested. Queries are measured
// separately.
//
//   cmake -S . -B build-md-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOCKEX_BUILD_TESTS=OFF
//   cmake --build build-md-rel --target mockex_marketdata_bench &&
//   build-md-rel/bin/mockex_marketdata_bench

#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "mockex/core/rng.hpp"
#include "mockex/marketdata/market_data.hpp"

namespace {

using namespace mockex;  // NOLINT(google-build-using-namespace): a benchmark file

constexpr venue::SymbolId kSym{0};
constexpr marketdata::SymbolScales kScales{core::Scale{2}, core::Scale{6}, core::Scale{8}};
constexpr std::size_t kStreamLength = 1'000'000;
constexpr std::int64_t kStartMs = 1'709'214'300'000;  // 2024-02-29T13:45:00Z

std::vector<venue::PublicTrade> make_stream() {
  core::Rng rng(42);
  std::vector<venue::PublicTrade> stream;
  stream.reserve(kStreamLength);
  std::int64_t price = 5'000'000;  // 50000.00
  std::int64_t ms = kStartMs;
  for (std::size_t i = 0; i < kStreamLength; ++i) {
    const std::uint64_t roll = rng.next_u64();
    price += static_cast<std::int64_t>(roll % 5) - 2;
    if ((roll >> 8) % 8 != 0) ms += static_cast<std::int64_t>((roll >> 12) % 3000);
    venue::PublicTrade trade;
    trade.symbol = kSym;
    trade.id = core::TradeId{i + 1};
    trade.price = core::Price{price};
    trade.qty = core::Qty{static_cast<std::int64_t>(1 + (roll >> 16) % 1'000'000)};
    trade.buyer_is_maker = ((roll >> 40) & 1U) != 0;
    trade.time = core::Timestamp::from_millis(ms);
    stream.push_back(trade);
  }
  return stream;
}

const std::vector<venue::PublicTrade>& stream() {
  static const std::vector<venue::PublicTrade> trades = make_stream();
  return trades;
}

void BM_ingest_trades(benchmark::State& state) {
  const auto& trades = stream();
  for (auto _ : state) {
    state.PauseTiming();
    marketdata::MarketData md;
    md.add_symbol(kSym, kScales);
    state.ResumeTiming();
    for (const auto& trade : trades) md.on_trade(trade);
    benchmark::DoNotOptimize(md);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * trades.size()));
}
BENCHMARK(BM_ingest_trades)->Unit(benchmark::kMillisecond);

// One 24 h ticker (up to 1,440 minute buckets summed) after the whole stream.
void BM_ticker_24h(benchmark::State& state) {
  marketdata::MarketData md;
  md.add_symbol(kSym, kScales);
  for (const auto& trade : stream()) md.on_trade(trade);
  const auto now = stream().back().time;
  for (auto _ : state) benchmark::DoNotOptimize(md.ticker_24h(kSym, now));
}
BENCHMARK(BM_ticker_24h);

// The 500 most recent 1m klines.
void BM_klines_1m_500(benchmark::State& state) {
  marketdata::MarketData md;
  md.add_symbol(kSym, kScales);
  for (const auto& trade : stream()) md.on_trade(trade);
  const auto now = stream().back().time;
  for (auto _ : state) {
    benchmark::DoNotOptimize(md.klines(kSym, marketdata::Interval::m1, {}, now));
  }
}
BENCHMARK(BM_klines_1m_500);

}  // namespace

BENCHMARK_MAIN();
