// Order book throughput on one symbol with a deep book (2,000 levels a side, 5 orders each):
// add/cancel/take mixes replayed from a pre-generated, seeded command stream. Each iteration
// replays the whole stream on a freshly filled book (the refill is not timed); items/s is book
// operations per second, including clearing the caller's event vector after every command.
//
//   cmake -S . -B build-book-rel -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-book-rel --target mockex_book_bench && build-book-rel/bin/mockex_book_bench

#include <benchmark/benchmark.h>

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "mockex/book/order_book.hpp"
#include "mockex/core/rng.hpp"

namespace {

using mockex::book::Event;
using mockex::book::Events;
using mockex::book::NewOrder;
using mockex::book::OrderBook;
using mockex::book::OrderDone;
using mockex::book::OrderType;
using mockex::book::Side;
using mockex::core::OrderId;
using mockex::core::Price;
using mockex::core::Qty;

constexpr std::int64_t kMid = 1'000'000;
constexpr std::int64_t kLevels = 2'000;
constexpr int kOrdersPerLevel = 5;
constexpr std::size_t kStreamLength = 200'000;

struct Op {
  enum class Kind : std::uint8_t { add, cancel, take } kind = Kind::add;
  NewOrder order;
  OrderId target;
};

// Percentages of each operation; the rest are takes (MARKET orders of about one order's size).
struct Mix {
  int add;
  int cancel;
};

struct Stream {
  std::vector<NewOrder> prefill;
  std::vector<Op> ops;
};

// Tracks the ids that are still open, for picking cancel targets uniformly.
class LiveIds {
 public:
  void add(std::uint64_t id) {
    position_[id] = ids_.size();
    ids_.push_back(id);
  }
  void remove(std::uint64_t id) {
    const auto found = position_.find(id);
    if (found == position_.end()) return;
    const std::size_t at = found->second;
    position_[ids_.back()] = at;
    ids_[at] = ids_.back();
    ids_.pop_back();
    position_.erase(found);
  }
  bool empty() const { return ids_.empty(); }
  std::uint64_t pick(mockex::core::Rng& rng) const { return ids_[rng.below(ids_.size())]; }

 private:
  std::vector<std::uint64_t> ids_;
  std::unordered_map<std::uint64_t, std::size_t> position_;
};

NewOrder passive(std::uint64_t id, Side side, std::int64_t depth, std::int64_t qty) {
  NewOrder order;
  order.id = OrderId{id};
  order.side = side;
  order.type = OrderType::limit;
  // Bids below kMid, asks above: passive adds never cross, only takes trade.
  order.price = Price{side == Side::buy ? kMid - 1 - depth : kMid + 1 + depth};
  order.qty = Qty{qty};
  return order;
}

// Generates the stream against a scratch book so that cancels target orders that are open.
Stream make_stream(Mix mix, std::uint64_t seed) {
  mockex::core::Rng rng{seed};
  Stream stream;
  OrderBook scratch;
  Events events;
  LiveIds live;
  std::uint64_t next_id = 1;

  for (std::int64_t depth = 0; depth < kLevels; ++depth) {
    for (int k = 0; k < kOrdersPerLevel; ++k) {
      for (Side side : {Side::buy, Side::sell}) {
        stream.prefill.push_back(passive(next_id++, side, depth, rng.uniform_int(1, 10) * 1000));
        (void)scratch.submit(stream.prefill.back(), events);
        live.add(stream.prefill.back().id.value());
      }
    }
  }

  stream.ops.reserve(kStreamLength);
  for (std::size_t i = 0; i < kStreamLength; ++i) {
    Op op;
    const auto roll = static_cast<int>(rng.below(100));
    const Side side = rng.bernoulli(0.5) ? Side::buy : Side::sell;
    if (roll < mix.add || live.empty()) {
      // Mostly near the top of the book, sometimes anywhere in it.
      const std::int64_t depth =
          rng.bernoulli(0.8) ? rng.uniform_int(0, 9) : rng.uniform_int(0, kLevels - 1);
      op.order = passive(next_id++, side, depth, rng.uniform_int(1, 10) * 1000);
    } else if (roll < mix.add + mix.cancel) {
      op.kind = Op::Kind::cancel;
      op.target = OrderId{live.pick(rng)};
    } else {
      op.kind = Op::Kind::take;
      op.order.id = OrderId{next_id++};
      op.order.side = side;
      op.order.type = OrderType::market;
      op.order.qty = Qty{rng.uniform_int(1, 10) * 1000};
    }
    events.clear();
    if (op.kind == Op::Kind::cancel) {
      (void)scratch.cancel(op.target, events);
    } else {
      (void)scratch.submit(op.order, events);
      if (scratch.find(op.order.id)) live.add(op.order.id.value());
    }
    for (const Event& event : events) {
      if (const auto* done = std::get_if<OrderDone>(&event)) live.remove(done->order.value());
    }
    stream.ops.push_back(op);
  }
  return stream;
}

void run(benchmark::State& state, Mix mix) {
  const Stream stream = make_stream(mix, 20'240'601);
  Events events;
  events.reserve(256);
  std::uint64_t event_count = 0;
  for (auto _ : state) {
    state.PauseTiming();
    OrderBook book;
    for (const NewOrder& order : stream.prefill) (void)book.submit(order, events);
    events.clear();
    state.ResumeTiming();
    for (const Op& op : stream.ops) {
      if (op.kind == Op::Kind::cancel) {
        benchmark::DoNotOptimize(book.cancel(op.target, events));
      } else {
        benchmark::DoNotOptimize(book.submit(op.order, events));
      }
      event_count += events.size();
      events.clear();
    }
    state.PauseTiming();
    state.counters["open_orders"] = static_cast<double>(book.order_count());
    state.counters["levels"] =
        static_cast<double>(book.level_count(Side::buy) + book.level_count(Side::sell));
    state.ResumeTiming();
  }
  benchmark::DoNotOptimize(event_count);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * stream.ops.size()));
}

void BM_AddCancel(benchmark::State& state) { run(state, Mix{50, 50}); }
void BM_AddCancelTake(benchmark::State& state) { run(state, Mix{55, 30}); }
void BM_TakeHeavy(benchmark::State& state) { run(state, Mix{50, 10}); }

}  // namespace

BENCHMARK(BM_AddCancel)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AddCancelTake)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TakeHeavy)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
