// What a valid scenario loads into: exact decimals, defaults, instants, references.

#include <gtest/gtest.h>

#include "mockex/scenario/fault_kinds.hpp"
#include "test_support.hpp"

namespace mockex::scenario {
namespace {

using testing::with_base;

Scenario load_ok(const std::string& yaml) {
  auto result = load_scenario_string(yaml, "test.yaml");
  for (const auto& error : result.errors) ADD_FAILURE() << error.to_string();
  return result.ok() ? *result.scenario : Scenario{};
}

TEST(LoaderModel, decimals_are_read_exactly_from_strings_and_numbers) {
  auto s = load_ok(with_base(
      "market:\n"
      "  BTCUSDT:\n"
      "    book:\n"
      "      bids: [[\"30000.10\", 0.12345]]\n"
      "      asks: [[30000.2, \"1\"]]\n"));
  ASSERT_EQ(s.markets.size(), 1u);
  EXPECT_EQ(s.markets[0].bids[0].price.units(), 3000010);
  EXPECT_EQ(s.markets[0].bids[0].qty.units(), 12345);
  EXPECT_EQ(s.markets[0].asks[0].price.units(), 3000020);
  EXPECT_EQ(s.markets[0].asks[0].qty.units(), 100000);
  EXPECT_EQ(s.accounts[0].balances[0].amount.units(), 10000);
  EXPECT_EQ(s.accounts[0].balances[0].scale.decimals, 2);
}

TEST(LoaderModel, ratio_decimal_keeps_its_written_scale) {
  auto s = load_ok(with_base("market:\n  BTCUSDT:\n    random_walk: {mid: 5, volatility: 0.10}\n"));
  const auto& walk = *s.markets[0].random_walk;
  EXPECT_EQ(walk.volatility, (Decimal{10, 2}));
  EXPECT_DOUBLE_EQ(walk.volatility.to_double(), 0.1);
  EXPECT_EQ(walk.mid->units(), 500);
}

TEST(LoaderModel, instrument_defaults_follow_binance_btcusdt_filters_at_its_precisions) {
  auto s = load_ok(with_base(""));
  const auto& in = s.instruments[0];
  EXPECT_EQ(in.tick_size.units(), 1);           // 0.01 at scale 2
  EXPECT_EQ(in.max_price.units(), 100000000);   // 1000000.00
  EXPECT_EQ(in.step_size.units(), 1);           // 0.00001 at scale 5
  EXPECT_EQ(in.max_qty.units(), 900000000);     // 9000.00000
  EXPECT_EQ(in.min_notional.units(), 500);      // 5.00
  EXPECT_EQ(in.max_num_orders, 200u);
  EXPECT_EQ(in.status, InstrumentStatus::trading);
  EXPECT_EQ(in.fill_model, FillModel::optimistic);
  EXPECT_EQ(s.rate_limits.size(), 4u);
  EXPECT_EQ(s.rate_limits[0].limit, 6000u);
  EXPECT_EQ(s.dialect, "binance-spot");
}

TEST(LoaderModel, clock_start_accepts_now_epoch_millis_and_iso_instants) {
  EXPECT_FALSE(load_ok(with_base("clock: {start: now}\n")).clock.start.has_value());
  EXPECT_EQ(load_ok(with_base("clock: {start: 1700000000000}\n")).clock.start->millis(),
            1700000000000);
  EXPECT_EQ(load_ok(with_base("clock: {start: \"2024-01-01T00:00:00Z\"}\n")).clock.start->millis(),
            1704067200000);
  EXPECT_EQ(load_ok(with_base("clock: {start: \"2024-01-01T02:00:00.250+02:00\"}\n"))
                .clock.start->millis(),
            1704067200250);
}

TEST(LoaderModel, accelerated_clock_keeps_speed_and_duration) {
  auto s = load_ok(with_base("clock: {mode: accelerated, speed: 2.5, duration: 90s}\n"));
  EXPECT_EQ(s.clock.mode, ClockMode::accelerated);
  EXPECT_EQ(s.clock.speed, (Decimal{25, 1}));
  EXPECT_EQ(*s.clock.duration, std::chrono::seconds(90));
}

TEST(LoaderModel, fault_keeps_kind_match_window_and_generic_params) {
  auto s = load_ok(with_base(
      "timeline:\n"
      "  - at: 2s\n"
      "    fault:\n"
      "      kind: latency\n"
      "      params: {ms: 200, jitter: {dist: uniform, values: [1, 2]}}\n"
      "      match: {http: \"POST /api/v3/order\"}\n"
      "      probability: 0.25\n"
      "      for: 30s\n"));
  ASSERT_EQ(s.timeline.size(), 1u);
  const auto& entry = s.timeline[0];
  EXPECT_EQ(entry.kind, TimelineEntry::Kind::fault);
  EXPECT_EQ(entry.at, std::chrono::seconds(2));
  const auto& fault = entry.fault;
  EXPECT_EQ(fault.name, "latency-0");
  EXPECT_EQ(fault.match.http, "POST /api/v3/order");
  EXPECT_EQ(fault.probability, (Decimal{25, 2}));
  EXPECT_EQ(*fault.for_, std::chrono::seconds(30));
  ASSERT_NE(fault.params.find("ms"), nullptr);
  EXPECT_EQ(fault.params.find("ms")->scalar, "200");
  const ParamValue* jitter = fault.params.find("jitter");
  ASSERT_NE(jitter, nullptr);
  EXPECT_EQ(jitter->find("values")->items[1].scalar, "2");
  EXPECT_EQ(jitter->pos.line, 17);
}

TEST(LoaderModel, fault_trigger_and_finer_match_fields) {
  auto s = load_ok(with_base(
      "timeline:\n"
      "  - at: 0s\n"
      "    fault:\n"
      "      kind: ws_disconnect\n"
      "      match: {event: \"executionReport.TRADE\", client_order_id: \"x-*\"}\n"
      "      trigger: {on: order_ack, match: {client_order_id: \"x-*\"}, count: 2, delay: 50ms,"
      " scope: all}\n"));
  const auto& fault = s.timeline.at(0).fault;
  EXPECT_EQ(fault.match.event, "executionReport.TRADE");
  EXPECT_EQ(fault.match.client_order_id, "x-*");
  ASSERT_TRUE(fault.trigger.has_value());
  EXPECT_EQ(fault.trigger->on, "order_ack");
  EXPECT_EQ(fault.trigger->match.client_order_id, "x-*");
  EXPECT_EQ(fault.trigger->count, 2u);
  EXPECT_EQ(fault.trigger->delay, std::chrono::milliseconds(50));
  EXPECT_EQ(fault.trigger->scope, "all");
}

TEST(LoaderModel, halt_accepts_nothing_a_symbol_or_a_mapping) {
  auto s = load_ok(with_base(
      "timeline:\n"
      "  - {at: 1s, halt: }\n"
      "  - {at: 2s, halt: BTCUSDT}\n"
      "  - {at: 3s, resume: {symbol: BTCUSDT}}\n"));
  ASSERT_EQ(s.timeline.size(), 3u);
  EXPECT_EQ(s.timeline[0].halt.symbol, "");
  EXPECT_EQ(s.timeline[1].halt.symbol, "BTCUSDT");
  EXPECT_EQ(s.timeline[2].resume.symbol, "BTCUSDT");
}

TEST(LoaderModel, set_balance_amount_uses_the_asset_precision) {
  auto s = load_ok(with_base(
      "timeline:\n  - {at: 1s, set_balance: {account: demo-key, asset: BTC, amount: \"0.5\"}}\n"));
  EXPECT_EQ(s.timeline[0].set_balance.amount.units(), 50000);
  EXPECT_EQ(s.timeline[0].set_balance.scale.decimals, 5);
}

TEST(LoaderModel, fault_kind_list_is_the_design_set) {
  EXPECT_EQ(fault_kinds().size(), 26u);
  EXPECT_TRUE(is_fault_kind("ack_lost"));
  EXPECT_FALSE(is_fault_kind("ack-lost"));
}

}  // namespace
}  // namespace mockex::scenario
