// Orders per second through the venue (validation with filters, balance checks and locking,
// matching, settlement, events) on one symbol whose market depth is 2,000 levels a side. Each
// iteration replays a pre-generated, seeded command stream on a freshly built venue (building
// and prefilling are not timed); items/s is venue commands per second, including clearing the
// caller's event vector after every command.
//
//   cmake -S . -B build-venue-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOCKEX_BUILD_TESTS=OFF
//   cmake --build build-venue-rel --target mockex_venue_bench && build-venue-rel/bin/mockex_venue_bench

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "mockex/core/rng.hpp"
#include "mockex/venue/venue.hpp"

namespace {

using namespace mockex;  // NOLINT(google-build-using-namespace): a benchmark file
using venue::Side;

constexpr std::int64_t kMid = 1'000'000;  // 10000.00 at price scale 2
constexpr std::int64_t kLevels = 2'000;
constexpr std::size_t kStreamLength = 200'000;
constexpr std::uint64_t kAccounts = 16;

struct Op {
  enum class Kind : std::uint8_t { place, cancel } kind = Kind::place;
  venue::PlaceOrder order;
  venue::CancelOrder cancel;
};

struct Mix {
  int place_passive;  // limit orders that rest
  int cancel;         // cancels of an earlier order (it may have filled meanwhile)
  // the rest: takers (a crossing LIMIT IOC or a MARKET of about one order's size)
};

std::unique_ptr<venue::Venue> build_venue() {
  auto v = std::make_unique<venue::Venue>(core::Rng{1});
  (void)v->add_asset({"BTC", core::Scale{8}});
  (void)v->add_asset({"USDT", core::Scale{8}});
  venue::InstrumentSpec spec;
  spec.symbol = "BTCUSDT";
  spec.base_asset = "BTC";
  spec.quote_asset = "USDT";
  spec.price_scale = core::Scale{2};
  spec.qty_scale = core::Scale{5};
  spec.filters = {
      venue::PriceFilter{core::Price{1}, core::Price{100'000'000}, core::Price{1}},
      venue::LotSizeFilter{core::Qty{1}, core::Qty{900'000'000}, core::Qty{1}},
      venue::MarketLotSizeFilter{core::Qty{0}, core::Qty{10'000'000}, core::Qty{0}},
      venue::NotionalFilter{core::Amount{500'000'000}, true, core::Amount{0}, false},
      venue::MaxNumOrdersFilter{1'000'000},
      venue::MaxNumAlgoOrdersFilter{5},
  };
  (void)v->add_instrument(std::move(spec));
  venue::Events events;
  for (std::uint64_t a = 1; a <= kAccounts; ++a) {
    std::string key = "key-";
    key += std::to_string(a);
    (void)v->add_account({core::AccountId{a}, key, {100'000}, {100'000}});
    (void)v->set_balance(core::AccountId{a}, "BTC", core::Amount{1'000'000'000'000'000}, {}, events);
    (void)v->set_balance(core::AccountId{a}, "USDT", core::Amount{1'000'000'000'000'000}, {}, events);
  }
  for (std::int64_t i = 1; i <= kLevels; ++i) {
    (void)v->set_level("BTCUSDT", Side::buy, core::Price{kMid - i}, core::Qty{1'000'000'000}, {}, events);
    (void)v->set_level("BTCUSDT", Side::sell, core::Price{kMid + i}, core::Qty{1'000'000'000}, {}, events);
  }
  return v;
}

std::vector<Op> make_stream(Mix mix, std::uint64_t seed) {
  core::Rng rng{seed};
  std::vector<Op> ops;
  ops.reserve(kStreamLength);
  std::uint64_t placed = 0;
  std::vector<core::AccountId> owner_of{core::AccountId{}};  // by order id
  for (std::size_t i = 0; i < kStreamLength; ++i) {
    const auto dice = static_cast<int>(rng.below(100));
    Op op;
    const core::AccountId account{1 + rng.below(kAccounts)};
    if (dice >= mix.place_passive && dice < mix.place_passive + mix.cancel && placed > 0) {
      op.kind = Op::Kind::cancel;
      op.cancel.symbol = "BTCUSDT";
      // A recent order, so most are still open (one that filled meanwhile is an unknown-order
      // rejection, a command too).
      const std::uint64_t back = rng.below(std::min<std::uint64_t>(placed, 64));
      op.cancel.order_id = core::OrderId{placed - back};
      op.cancel.account = owner_of[placed - back];
      op.cancel.new_client_order_id = venue::ClientOrderId{"cxl"};
      ops.push_back(std::move(op));
      continue;
    }
    venue::PlaceOrder& o = op.order;
    o.account = account;
    o.symbol = "BTCUSDT";
    o.side = rng.bernoulli(0.5) ? Side::buy : Side::sell;
    o.qty = core::Qty{rng.uniform_int(1, 100) * 1000};
    std::string client_id = "c";
    client_id += std::to_string(i);
    o.client_order_id = venue::ClientOrderId{client_id};
    const std::int64_t sign = o.side == Side::buy ? -1 : 1;
    if (dice < mix.place_passive) {
      o.type = venue::OrderType::limit;
      o.price = core::Price{kMid + sign * rng.uniform_int(1, 50)};
    } else if (rng.bernoulli(0.5)) {
      o.type = venue::OrderType::limit;
      o.tif = venue::TimeInForce::ioc;
      o.price = core::Price{kMid - sign * rng.uniform_int(1, 3)};
    } else {
      o.type = venue::OrderType::market;
    }
    ++placed;  // every order here passes validation and takes the next id
    owner_of.push_back(account);
    ops.push_back(std::move(op));
  }
  return ops;
}

void run(benchmark::State& state, Mix mix) {
  const std::vector<Op> ops = make_stream(mix, 42);
  venue::Events events;
  events.reserve(64);
  std::size_t rejected = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto v = build_venue();
    state.ResumeTiming();
    core::Timestamp now = core::Timestamp::from_millis(1'700'000'000'000);
    for (const Op& op : ops) {
      if (op.kind == Op::Kind::place) {
        if (!v->place_order(op.order, now, events)) ++rejected;
      } else {
        if (!v->cancel_order(op.cancel, now, events)) ++rejected;
      }
      events.clear();
      now += std::chrono::microseconds{10};
    }
    benchmark::DoNotOptimize(v);
    state.PauseTiming();
    v.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * ops.size()));
  state.counters["rejected/iter"] =
      static_cast<double>(rejected) / static_cast<double>(state.iterations());
}

void BM_VenuePlaceCancel(benchmark::State& state) { run(state, Mix{60, 40}); }
void BM_VenueMixed(benchmark::State& state) { run(state, Mix{45, 35}); }
void BM_VenueTakers(benchmark::State& state) { run(state, Mix{0, 0}); }

BENCHMARK(BM_VenuePlaceCancel)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VenueMixed)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VenueTakers)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
