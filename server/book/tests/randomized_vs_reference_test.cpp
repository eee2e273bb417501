// Seeded random command streams run against OrderBook and the linear-scan ReferenceBook. After
// every step: same status, same events (LevelChanged aside), same depth; the LevelChanged stream
// rebuilds exactly the depth with consecutive update ids; invariants hold (so never crossed).

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "book_test_support.hpp"
#include "mockex/core/arithmetic.hpp"
#include "mockex/core/rng.hpp"
#include "reference_book.hpp"

namespace mockex::book {
namespace {

using test_support::ReferenceBook;

struct Command {
  enum class Kind { submit, cancel, cancel_all, replace, amend, last_price } kind = Kind::submit;
  NewOrder order;
  std::uint64_t target = 0;  // cancel / replace / amend: the order id; cancel_all: the owner
  std::int64_t value = 0;    // amend: new open qty; last_price: the price
};

std::string describe(const Command& c) {
  const NewOrder& o = c.order;
  std::string order_text =
      std::string(to_string(o.side)) + " " + std::string(to_string(o.type)) + " " +
      std::string(to_string(o.tif)) + " id=" + std::to_string(o.id.value()) +
      " owner=" + std::to_string(o.owner.value()) + " px=" + std::to_string(o.price.units()) +
      " stop=" + std::to_string(o.stop_price.units()) + " qty=" + std::to_string(o.qty.units()) +
      " quote=" + std::to_string(o.quote_qty.units()) + " stp=" + std::string(to_string(o.stp));
  switch (c.kind) {
    case Command::Kind::submit: return "submit " + order_text;
    case Command::Kind::cancel: return "cancel " + std::to_string(c.target);
    case Command::Kind::cancel_all: return "cancel_all owner=" + std::to_string(c.target);
    case Command::Kind::replace:
      return "replace " + std::to_string(c.target) + " with " + order_text;
    case Command::Kind::amend:
      return "amend " + std::to_string(c.target) + " to " + std::to_string(c.value);
    case Command::Kind::last_price: return "last_price " + std::to_string(c.value);
  }
  return "?";
}

class CommandSource {
 public:
  // `quote_scale`: the book's quote scale, so that quote amounts are 1 to 400 whole units.
  CommandSource(std::uint64_t seed, std::int64_t mid, core::Scale quote_scale)
      : rng_(seed), mid_(mid), quote_unit_(core::pow10(quote_scale.decimals)) {}

  Command next(const OrderBook& book) {
    Command c;
    const std::uint64_t roll = rng_.below(100);
    // Keep the book small enough for the reference's linear scans: cancel more when crowded.
    const bool crowded = book.order_count() > 250 && roll < 50;
    if (roll < 40 && !crowded) {
      c.order = random_order();
      if (rng_.bernoulli(0.02) && !ids_.empty()) c.order.id = core::OrderId{pick_id()};  // dup
    } else if (roll < 50) {
      c.kind = Command::Kind::cancel;
      c.target = rng_.bernoulli(0.05) ? 999'999 : pick_id();
    } else if (roll < 51 && rng_.bernoulli(0.2)) {
      c.kind = Command::Kind::cancel_all;
      c.target = rng_.below(4);
    } else if (roll < 59) {
      c.kind = Command::Kind::replace;
      c.target = pick_id();
      c.order = random_order();
    } else if (roll < 69) {
      c.kind = Command::Kind::amend;
      c.target = pick_id();
      c.value = rng_.bernoulli(0.03) ? 0 : rng_.uniform_int(1, 30) * 50;
    } else if (roll < 73) {
      c.kind = Command::Kind::last_price;
      c.value = mid_ + rng_.uniform_int(-15, 15);
    } else {
      c.order = random_order();
    }
    return c;
  }

 private:
  std::uint64_t pick_id() {
    if (ids_.empty()) return 1;
    // Favour recent ids, which are more likely still open.
    const std::size_t window = std::min<std::size_t>(ids_.size(), 200);
    return ids_[ids_.size() - 1 - rng_.below(window)];
  }

  NewOrder random_order() {
    NewOrder o;
    o.id = core::OrderId{next_id_++};
    ids_.push_back(o.id.value());
    o.owner = core::AccountId{rng_.below(4)};
    o.side = rng_.bernoulli(0.5) ? Side::buy : Side::sell;
    const std::uint64_t t = rng_.below(100);
    o.type = t < 55   ? OrderType::limit
             : t < 67 ? OrderType::market
             : t < 75 ? OrderType::limit_maker
             : t < 81 ? OrderType::stop_loss
             : t < 88 ? OrderType::stop_loss_limit
             : t < 94 ? OrderType::take_profit
                      : OrderType::take_profit_limit;
    const std::uint64_t tif = rng_.below(10);
    o.tif = tif < 6 ? TimeInForce::gtc : tif < 8 ? TimeInForce::ioc : TimeInForce::fok;
    if (o.owner.value() != 0) o.stp = static_cast<StpMode>(rng_.below(4));
    const bool buy = o.side == Side::buy;
    if (has_limit_price(o.type)) {
      // Mostly passive, sometimes aggressive.
      o.price = core::Price{mid_ + (buy ? rng_.uniform_int(-40, 5) : rng_.uniform_int(-5, 40))};
    }
    if (is_stop(o.type)) o.stop_price = core::Price{mid_ + rng_.uniform_int(-15, 15)};
    if (o.type == OrderType::market && rng_.bernoulli(0.4)) {
      o.quote_qty = core::Amount{rng_.uniform_int(1, 400) * quote_unit_ +
                                 rng_.uniform_int(0, quote_unit_ - 1)};
    } else {
      o.qty = core::Qty{rng_.uniform_int(1, 20) * 50};
    }
    if (rng_.bernoulli(0.01)) o.qty = core::Qty{0};  // invalid on purpose
    return o;
  }

  core::Rng rng_;
  std::int64_t mid_;
  std::int64_t quote_unit_;
  std::uint64_t next_id_ = 1;
  std::vector<std::uint64_t> ids_;
};

Events without_level_changes(const Events& events) {
  Events kept;
  for (const Event& event : events) {
    if (!std::holds_alternative<LevelChanged>(event)) kept.push_back(event);
  }
  return kept;
}

std::vector<LevelInfo> levels_of(const std::map<std::int64_t, LevelInfo>& mirror, bool bids) {
  std::vector<LevelInfo> out;
  for (const auto& [price, level] : mirror) out.push_back(level);
  if (bids) std::reverse(out.begin(), out.end());
  return out;
}

void run_stream(std::uint64_t seed, int steps, BookConfig config) {
  OrderBook fast{config};
  ReferenceBook reference{config};
  CommandSource source{seed, 10'000, config.quote_scale};
  std::map<std::int64_t, LevelInfo> mirror[2];  // depth rebuilt from LevelChanged only
  std::uint64_t last_update = 0;
  Events fast_events;
  Events ref_events;
  std::size_t trades = 0;

  for (int step = 0; step < steps; ++step) {
    const Command c = source.next(fast);
    fast_events.clear();
    ref_events.clear();
    core::ErrorCode fast_code = core::ErrorCode::ok;
    core::ErrorCode ref_code = core::ErrorCode::ok;
    switch (c.kind) {
      case Command::Kind::submit:
        fast_code = fast.submit(c.order, fast_events).error();
        ref_code = reference.submit(c.order, ref_events).error();
        break;
      case Command::Kind::cancel:
        fast_code = fast.cancel(core::OrderId{c.target}, fast_events).error();
        ref_code = reference.cancel(core::OrderId{c.target}, ref_events).error();
        break;
      case Command::Kind::cancel_all: {
        const auto a = fast.cancel_all(core::AccountId{c.target}, fast_events);
        const auto b = reference.cancel_all(core::AccountId{c.target}, ref_events);
        ASSERT_EQ(a, b) << "seed " << seed << " step " << step;
        break;
      }
      case Command::Kind::replace:
        fast_code = fast.replace(core::OrderId{c.target}, c.order, fast_events).error();
        ref_code = reference.replace(core::OrderId{c.target}, c.order, ref_events).error();
        break;
      case Command::Kind::amend:
        fast_code =
            fast.amend_qty(core::OrderId{c.target}, core::Qty{c.value}, fast_events).error();
        ref_code =
            reference.amend_qty(core::OrderId{c.target}, core::Qty{c.value}, ref_events).error();
        break;
      case Command::Kind::last_price:
        fast_code = fast.set_last_price(core::Price{c.value}, fast_events).error();
        ref_code = reference.set_last_price(core::Price{c.value}, ref_events).error();
        break;
    }
    const std::string where =
        "seed " + std::to_string(seed) + " step " + std::to_string(step) + ": " + describe(c);
    ASSERT_EQ(core::name(fast_code), core::name(ref_code)) << where;
    ASSERT_EQ(test_support::event_log(without_level_changes(fast_events), config),
              test_support::event_log(ref_events, config))
        << where;

    for (const Event& event : fast_events) {
      if (std::holds_alternative<Trade>(event)) ++trades;
      const auto* change = std::get_if<LevelChanged>(&event);
      if (change == nullptr) continue;
      ASSERT_EQ(change->update_id, last_update + 1) << where;
      last_update = change->update_id;
      auto& levels = mirror[change->side == Side::buy ? 0 : 1];
      if (change->count == 0) {
        ASSERT_EQ(change->qty, core::Qty{0}) << where;
        levels.erase(change->price.units());
      } else {
        levels[change->price.units()] = LevelInfo{change->price, change->qty, change->count};
      }
    }

    const DepthSnapshot depth = fast.depth(1'000'000);
    const DepthSnapshot expected = reference.depth();
    ASSERT_EQ(depth.update_id, last_update) << where;
    ASSERT_EQ(depth.bids, expected.bids) << where;
    ASSERT_EQ(depth.asks, expected.asks) << where;
    ASSERT_EQ(levels_of(mirror[0], true), depth.bids) << where;
    ASSERT_EQ(levels_of(mirror[1], false), depth.asks) << where;
    ASSERT_EQ(fast.check_invariants(), std::nullopt) << where;
    ASSERT_EQ(fast.last_price(), reference.last_price()) << where;
    ASSERT_EQ(fast.order_count(), reference.order_count()) << where;
    if (step % 50 == 0) {
      for (const OrderInfo& info : fast.open_orders(core::AccountId{1})) {
        const auto a = fast.queue_ahead(info.id);
        const auto b = reference.queue_ahead(info.id);
        ASSERT_EQ(a.error(), b.error()) << where;
        if (a.ok()) {
          ASSERT_EQ(*a, *b) << where << " queue of " << info.id.value();
        }
      }
    }
  }
  // The stream must actually exercise matching, not just rest orders.
  EXPECT_GT(trades, static_cast<std::size_t>(steps) / 10) << "seed " << seed;
}

class OrderBookRandomized : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(OrderBookRandomized, agrees_with_reference_book_on_every_step) {
  run_stream(GetParam(), 4000, test_support::test_config());
}

TEST_P(OrderBookRandomized, agrees_with_reference_book_with_coarse_lot_step) {
  BookConfig config = test_support::test_config();
  config.qty_step = core::Qty{50};
  config.quote_scale = core::Scale{7};  // finer than price + qty decimals: budgets round down
  run_stream(GetParam() * 7919, 3000, config);
}

INSTANTIATE_TEST_SUITE_P(Seeds, OrderBookRandomized,
                         ::testing::Values(1, 2, 3, 42, 1234, 99991, 271828, 3141592));

TEST(OrderBookDeterminism, same_stream_gives_same_state_hash) {
  auto run = [](std::uint64_t seed) {
    OrderBook book{test_support::test_config()};
    CommandSource source{seed, 10'000, book.config().quote_scale};
    Events events;
    for (int step = 0; step < 2000; ++step) {
      const Command c = source.next(book);
      events.clear();
      switch (c.kind) {
        case Command::Kind::submit: (void)book.submit(c.order, events); break;
        case Command::Kind::cancel: (void)book.cancel(core::OrderId{c.target}, events); break;
        case Command::Kind::cancel_all:
          (void)book.cancel_all(core::AccountId{c.target}, events);
          break;
        case Command::Kind::replace:
          (void)book.replace(core::OrderId{c.target}, c.order, events);
          break;
        case Command::Kind::amend:
          (void)book.amend_qty(core::OrderId{c.target}, core::Qty{c.value}, events);
          break;
        case Command::Kind::last_price:
          (void)book.set_last_price(core::Price{c.value}, events);
          break;
      }
    }
    return book.state_hash();
  };
  EXPECT_EQ(run(5), run(5));
  EXPECT_NE(run(5), run(6));
}

}  // namespace
}  // namespace mockex::book
