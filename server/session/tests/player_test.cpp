#include <mockex/session/player.hpp>
#include <mockex/session/venue_setup.hpp>

#include <mockex/core/manual_clock.hpp>
#include <mockex/scenario/loader.hpp>

#include <gtest/gtest.h>

#include <chrono>

namespace mockex::session {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view scripted = R"(
name: scripted
seed: 11
clock: {mode: stepped, start: "2024-01-01T00:00:00Z"}
instruments:
  - symbol: BTCUSDT
    base: BTC
    quote: USDT
    price: {tick: "0.01", min: "0.01", max: "1000000"}
    lot: {step: "0.00001", min: "0.00001", max: "9000"}
accounts:
  - api_key: k
    secret: s
    balances: {USDT: "1000", BTC: "1"}
market:
  BTCUSDT:
    book:
      bids: [["100.00", "1"], ["99.00", "2"]]
      asks: [["101.00", "1.5"]]
timeline:
  - at: 1s
    halt: BTCUSDT
  - at: 1s
    fault: {name: outage, kind: http_error, params: {status: 503}, for: 2s}
  - at: 2s
    resume: BTCUSDT
  - at: 2500ms
    set_balance: {account: k, asset: USDT, amount: "5"}
)";

scenario::Scenario load(std::string_view yaml) {
  auto loaded = scenario::load_scenario_string(yaml, "test.yaml");
  EXPECT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
  return *loaded.scenario;
}

struct Rig {
  explicit Rig(const scenario::Scenario& s, std::uint64_t seed)
      : scenario(s), clock(*s.clock.start), root(seed) {
    auto made = make_venue(scenario, root.fork(1), clock.now());
    EXPECT_TRUE(std::holds_alternative<std::unique_ptr<venue::Venue>>(made));
    venue = std::get<std::unique_ptr<venue::Venue>>(std::move(made));
    PlayerHooks hooks;
    hooks.on_events = [this](const venue::Events& events) { event_count += events.size(); };
    hooks.on_fault_window = [this](const scenario::FaultSpec& f, bool opened) {
      windows.push_back((opened ? "open " : "close ") + f.name);
    };
    hooks.on_note = [this](const std::string& text) { notes.push_back(text); };
    player = std::make_unique<ScenarioPlayer>(scenario, *venue, clock, clock, root, hooks);
    EXPECT_TRUE(player->start());
  }

  venue::TradingStatus status() { return venue->instrument(*venue->find_symbol("BTCUSDT")).status; }
  book::DepthSnapshot depth() { return venue->book(*venue->find_symbol("BTCUSDT")).depth(50); }

  scenario::Scenario scenario;
  core::ManualClock clock;
  core::Rng root;
  std::unique_ptr<venue::Venue> venue;
  std::unique_ptr<ScenarioPlayer> player;
  std::size_t event_count = 0;
  std::vector<std::string> windows;
  std::vector<std::string> notes;
};

TEST(ScenarioPlayer, initial_book_is_in_the_venue_at_the_start) {
  Rig rig(load(scripted), 1);
  rig.clock.advance_by(0us);
  auto depth = rig.depth();
  ASSERT_EQ(depth.bids.size(), 2u);
  ASSERT_EQ(depth.asks.size(), 1u);
  // Prices and quantities at the default precision of 8 decimals.
  EXPECT_EQ(depth.bids[0].price, core::Price{100'00000000});
  EXPECT_EQ(depth.bids[0].qty, core::Qty{1'00000000});
  EXPECT_EQ(depth.asks[0].qty, core::Qty{1'50000000});
  EXPECT_GT(rig.event_count, 0u);
}

TEST(ScenarioPlayer, stepped_time_runs_exactly_the_entries_due) {
  Rig rig(load(scripted), 1);
  rig.clock.advance_by(999ms);
  EXPECT_EQ(rig.status(), venue::TradingStatus::trading);
  EXPECT_EQ(rig.player->timeline_entries_run(), 0u);
  rig.clock.advance_by(1ms);  // t = 1 s
  EXPECT_EQ(rig.status(), venue::TradingStatus::halt);
  EXPECT_EQ(rig.player->open_fault_windows(), std::vector<std::string>{"outage"});
  rig.clock.advance_by(1s);  // t = 2 s
  EXPECT_EQ(rig.status(), venue::TradingStatus::trading);
  rig.clock.advance_by(500ms);  // t = 2.5 s
  auto account = *rig.venue->find_account("k");
  auto usdt = *rig.venue->find_asset("USDT");
  EXPECT_EQ(rig.venue->balance(account, usdt)->free, core::Amount{500000000});  // 5 at scale 8
  rig.clock.advance_by(500ms);  // t = 3 s: the fault window closes
  EXPECT_TRUE(rig.player->open_fault_windows().empty());
  EXPECT_EQ(rig.windows, (std::vector<std::string>{"open outage", "close outage"}));
  EXPECT_EQ(rig.player->timeline_entries_run(), 4u);
}

constexpr std::string_view walking = R"(
name: walking
seed: 5
clock: {mode: stepped, start: "2024-01-01T00:00:00Z", duration: 10s}
instruments:
  - {symbol: BTCUSDT, base: BTC, quote: USDT}
market:
  BTCUSDT:
    random_walk:
      mid: "30000"
      volatility: 0.8
      levels: 5
      update_interval: 100ms
      trade_rate: 5
timeline:
  - at: 2s
    shock: {symbol: BTCUSDT, pct: -20}
)";

TEST(ScenarioPlayer, random_walk_feeds_the_venue_and_is_reproducible_from_the_seed) {
  auto scenario = load(walking);
  Rig first(scenario, 5);
  Rig second(scenario, 5);
  Rig other(scenario, 6);
  for (auto* rig : {&first, &second, &other}) rig->clock.advance_by(1500ms);
  EXPECT_GT(first.player->market_events(), 50u);
  auto depth = first.depth();
  EXPECT_EQ(depth.bids.size(), 5u);
  EXPECT_EQ(depth.asks.size(), 5u);
  EXPECT_LT(depth.bids[0].price, depth.asks[0].price);
  EXPECT_EQ(first.depth(), second.depth());
  EXPECT_NE(first.depth(), other.depth());
}

TEST(ScenarioPlayer, shock_moves_the_market_and_duration_finishes_the_scenario) {
  Rig rig(load(walking), 5);
  rig.clock.advance_by(1900ms);
  auto before = rig.depth().bids[0].price;
  rig.clock.advance_by(300ms);
  auto after = rig.depth().bids[0].price;
  EXPECT_LT(after.units(), before.units() * 85 / 100) << "a -20 % shock at 2 s";
  EXPECT_FALSE(rig.player->finished());
  rig.clock.advance_by(8s);
  EXPECT_TRUE(rig.player->finished());
  auto events = rig.player->market_events();
  rig.clock.advance_by(5s);
  EXPECT_EQ(rig.player->market_events(), events) << "the market stops when the scenario ends";
}

}  // namespace
}  // namespace mockex::session
