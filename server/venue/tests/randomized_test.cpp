// Seeded random command streams (client orders of every type, cancels, cancel-replace, market
// levels and trades, deposits) through one venue. After every step: the book's invariants hold,
// no balance is negative, locks equal what open orders hold, every asset is conserved exactly
// across accounts, fees and the market ledger, rejected commands report nothing, and depth
// update ids stay consecutive. The fault variant also defers and caps orders (defer_matching,
// max_fill_qty) and releases deferred ones at random; a refused release reports nothing.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "venue_test_support.hpp"

namespace mockex::venue {
namespace {

using test_support::Harness;

class RandomRun {
 public:
  // Without faults the stream draws exactly what it always drew.
  RandomRun(std::uint64_t seed, FillModel model, bool faults = false)
      : h_(spec(model), seed), rng_(core::Rng{seed}.fork(99)), faults_(faults) {
    for (std::uint64_t account = 1; account <= 3; ++account) {
      h_.fund(account, "BTC", "20");
      h_.fund(account, "USDT", "3000");
    }
    EXPECT_TRUE(h_.venue.replace_side("BTCUSDT", Side::buy, {{core::Price{9990}, core::Qty{200000}}}, h_.now,
                          h_.events));
    EXPECT_TRUE(h_.venue.replace_side("BTCUSDT", Side::sell, {{core::Price{10010}, core::Qty{200000}}}, h_.now,
                          h_.events));
    check("setup");
  }

  void step(int index) {
    h_.now += std::chrono::milliseconds{static_cast<std::int64_t>(rng_.below(50))};
    mid_ = std::clamp<std::int64_t>(mid_ + rng_.uniform_int(-20, 20), 5000, 20000);
    if (faults_ && !deferred_.empty() && rng_.bernoulli(0.2)) {
      const std::size_t pick = rng_.below(deferred_.size());
      const core::OrderId id = deferred_[pick];
      deferred_.erase(deferred_.begin() + static_cast<std::ptrdiff_t>(pick));
      const std::size_t before = h_.events.size();
      if (h_.venue.release_deferred("BTCUSDT", id, h_.now, h_.events)) {
        ++releases_;
      } else {
        EXPECT_EQ(h_.events.size(), before) << "a refused release reports nothing";
      }
      check("step " + std::to_string(index) + " (release)");
      return;
    }
    const std::uint64_t dice = rng_.below(100);
    std::string what;
    if (dice < 40) {
      what = "place";
      const std::size_t before = h_.events.size();
      const PlaceOrder command = random_order();
      const auto placed = h_.place(command);
      if (!placed) {
        EXPECT_EQ(h_.events.size(), before) << "a rejected order reports nothing";
      } else if (command.defer_matching) {
        deferred_.push_back(placed->order.id);
      }
    } else if (dice < 55) {
      what = "cancel";
      const auto account = random_account();
      const auto open = h_.venue.open_orders(core::AccountId{account}, std::nullopt);
      if (!open.empty()) {
        EXPECT_TRUE(h_.cancel(account, open[rng_.below(open.size())].id.value()));
      }
    } else if (dice < 58) {
      what = "cancel all";
      (void)h_.venue.cancel_all(core::AccountId{random_account()}, "BTCUSDT", h_.now, h_.events);
    } else if (dice < 63) {
      what = "cancel replace";
      const auto account = random_account();
      const auto open = h_.venue.open_orders(core::AccountId{account}, std::nullopt);
      CancelReplace command;
      command.cancel.account = core::AccountId{account};
      command.cancel.symbol = "BTCUSDT";
      command.cancel.order_id = open.empty() ? core::OrderId{999999} : open[rng_.below(open.size())].id;
      command.place = random_order();
      command.mode = rng_.bernoulli(0.5) ? CancelReplaceMode::allow_failure
                                         : CancelReplaceMode::stop_on_failure;
      const CancelReplaced result = h_.venue.cancel_replace(command, h_.now, h_.events);
      if (result.placed && command.place.defer_matching) deferred_.push_back(result.placed->order.id);
    } else if (dice < 78) {
      what = "set level";
      const Side side = rng_.bernoulli(0.5) ? Side::buy : Side::sell;
      const std::int64_t offset = rng_.uniform_int(1, 40);
      const core::Price price{side == Side::buy ? mid_ - offset : mid_ + offset - 15};
      const core::Qty qty{rng_.bernoulli(0.2) ? 0 : rng_.uniform_int(1, 300) * 1000};
      EXPECT_TRUE(h_.venue.set_level("BTCUSDT", side, price, qty, h_.now, h_.events));
    } else if (dice < 93) {
      what = "market trade";
      const core::Price price{mid_ + rng_.uniform_int(-30, 30)};
      const core::Qty qty{rng_.uniform_int(1, 300) * 1000};
      EXPECT_TRUE(h_.venue.market_trade("BTCUSDT", price, qty,
                                        rng_.bernoulli(0.5) ? Side::buy : Side::sell, h_.now,
                                        h_.events));
    } else if (dice < 96) {
      what = "set balance";
      const char* asset = rng_.bernoulli(0.5) ? "BTC" : "USDT";
      EXPECT_TRUE(h_.venue.set_balance(core::AccountId{random_account()}, asset,
                                       core::Amount{rng_.uniform_int(0, 5000) * 100'000'000},
                                       h_.now, h_.events));
    } else {
      what = "replace side";
      const Side side = rng_.bernoulli(0.5) ? Side::buy : Side::sell;
      std::vector<Level> levels;
      for (int i = 0; i < 5; ++i) {
        const std::int64_t offset = rng_.uniform_int(1, 60);
        levels.push_back({core::Price{side == Side::buy ? mid_ - offset : mid_ + offset},
                          core::Qty{rng_.uniform_int(0, 200) * 1000}});
      }
      EXPECT_TRUE(h_.venue.replace_side("BTCUSDT", side, levels, h_.now, h_.events));
    }
    check("step " + std::to_string(index) + " (" + what + ")");
  }

  std::size_t trades() const { return trades_; }
  std::size_t releases() const { return releases_; }
  std::size_t capped_limits() const { return capped_limits_; }

 private:
  static InstrumentSpec spec(FillModel model) {
    InstrumentSpec spec = test_support::btcusdt();
    spec.fill_model = model;
    spec.filters[4] = MaxNumOrdersFilter{50};
    return spec;
  }

  std::uint64_t random_account() { return 1 + rng_.below(3); }

  PlaceOrder random_order() {
    PlaceOrder c;
    c.account = core::AccountId{random_account()};
    c.symbol = "BTCUSDT";
    c.side = rng_.bernoulli(0.5) ? Side::buy : Side::sell;
    static constexpr OrderType kTypes[] = {
        OrderType::limit,     OrderType::limit,           OrderType::limit,
        OrderType::market,    OrderType::limit_maker,     OrderType::stop_loss,
        OrderType::stop_loss_limit, OrderType::take_profit, OrderType::take_profit_limit};
    c.type = kTypes[rng_.below(std::size(kTypes))];
    c.tif = static_cast<TimeInForce>(rng_.below(3));
    const std::int64_t away = rng_.uniform_int(-40, 40);
    if (book::has_limit_price(c.type)) c.price = core::Price{mid_ + away};
    if (book::is_stop(c.type)) c.stop_price = core::Price{mid_ + rng_.uniform_int(-60, 60)};
    if (c.type == OrderType::market && rng_.bernoulli(0.4)) {
      c.quote_qty = core::Amount{rng_.uniform_int(5, 400) * 100'000'000};
    } else {
      c.qty = core::Qty{rng_.uniform_int(1, 300) * 1000};
    }
    c.stp = static_cast<StpMode>(rng_.below(4));
    if (rng_.bernoulli(0.1)) c.client_order_id = ClientOrderId{"dup"};
    if (faults_) {
      c.defer_matching = rng_.bernoulli(0.3);
      if (rng_.bernoulli(0.4)) c.max_fill_qty = core::Qty{rng_.uniform_int(0, 300) * 1000};
    }
    return c;
  }

  void check(const std::string& where) {
    for (const Event& event : h_.events) {
      if (const auto* depth = std::get_if<DepthUpdate>(&event)) {
        ASSERT_EQ(depth->update_id, last_update_id_ + 1) << where;
        last_update_id_ = depth->update_id;
      } else if (std::holds_alternative<PublicTrade>(event)) {
        ++trades_;
      } else if (const auto* update = std::get_if<OrderUpdate>(&event)) {
        // Only a cap expires a LIMIT for want of liquidity.
        if (update->exec == ExecType::expired && update->order.type == OrderType::limit &&
            update->order.expiry_reason == ExpiryReason::insufficient_liquidity) {
          ++capped_limits_;
        }
      }
    }
    h_.events.clear();
    ASSERT_EQ(h_.venue.check_invariants(), std::nullopt) << where;
  }

  Harness h_;
  core::Rng rng_;
  std::int64_t mid_ = 10000;  // 100.00
  std::uint64_t last_update_id_ = 0;
  std::size_t trades_ = 0;
  std::size_t releases_ = 0;
  std::size_t capped_limits_ = 0;
  bool faults_ = false;
  std::vector<core::OrderId> deferred_;  // placed deferred; maybe cancelled or released since
};

class VenueRandomized : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(VenueRandomized, invariants_balances_and_conservation_hold_after_every_step) {
  const std::uint64_t seed = GetParam();
  RandomRun run{seed, seed % 2 == 0 ? FillModel::queue : FillModel::optimistic};
  for (int i = 0; i < 4000; ++i) {
    run.step(i);
    if (::testing::Test::HasFatalFailure()) return;
  }
  EXPECT_GT(run.trades(), 500U) << "the stream should trade a lot";
}

TEST_P(VenueRandomized, with_deferred_and_capped_orders_the_invariants_still_hold) {
  const std::uint64_t seed = GetParam();
  RandomRun run{seed, seed % 2 == 0 ? FillModel::queue : FillModel::optimistic, true};
  for (int i = 0; i < 4000; ++i) {
    run.step(i);
    if (::testing::Test::HasFatalFailure()) return;
  }
  EXPECT_GT(run.trades(), 500U) << "the stream should trade a lot";
  EXPECT_GT(run.releases(), 100U) << "deferred orders should be released often";
  EXPECT_GT(run.capped_limits(), 5U) << "caps should cut some crossing LIMIT orders short";
}

INSTANTIATE_TEST_SUITE_P(Seeds, VenueRandomized, ::testing::Values(1, 2, 3, 4, 5, 6));

}  // namespace
}  // namespace mockex::venue
