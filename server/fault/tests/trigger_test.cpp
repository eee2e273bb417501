// Rules that start on a trading event instead of when they are added.
#include <gtest/gtest.h>

#include "mockex/fault/plan.hpp"
#include "support.hpp"

namespace mockex::fault {
namespace {

using test::at_ms;
using test::fire_count;
using test::make_spec;

TradingEvent event(TriggerOn on, std::string_view api_key, std::string_view client_order_id = "x-1",
                   std::string_view symbol = "BTCUSDT") {
  TradingEvent e;
  e.on = on;
  e.symbol = symbol;
  e.api_key = api_key;
  e.client_order_id = client_order_id;
  return e;
}

Point user_data(std::string_view api_key) {
  Point point = test::ws_point("executionReport", "executionReport.NEW");
  point.api_key = api_key;
  return point;
}

Spec disconnect_on(TriggerOn on, std::uint32_t count = 1, std::chrono::microseconds delay = {}) {
  Spec spec = make_spec("cut", Kind::ws_disconnect);
  Trigger trigger;
  trigger.on = on;
  trigger.count = count;
  trigger.delay = delay;
  spec.trigger = trigger;
  return spec;
}

TEST(Trigger, a_triggered_rule_is_not_active_before_its_trigger) {
  Plan plan(1);
  ASSERT_EQ(plan.add(disconnect_on(TriggerOn::order_ack), at_ms(0)), std::nullopt);
  EXPECT_TRUE(plan.watches(Stage::ws_out));  // armed rules are watched
  EXPECT_EQ(fire_count(plan, user_data("k1"), at_ms(10)), 0U);
  const RuleStatus status = plan.list(at_ms(10))[0];
  EXPECT_EQ(status.state, RuleState::armed);
  EXPECT_EQ(status.window_start, std::nullopt);
  EXPECT_EQ(status.matched, 0U);

  const auto armed = plan.observe(event(TriggerOn::order_ack, "k1"), at_ms(20));
  ASSERT_EQ(armed.size(), 1U);
  EXPECT_EQ(armed[0], (Armed{"cut", Kind::ws_disconnect, at_ms(20)}));
  EXPECT_EQ(fire_count(plan, user_data("k1"), at_ms(20)), 1U);
  EXPECT_EQ(plan.list(at_ms(20))[0].state, RuleState::active);
}

TEST(Trigger, fires_on_the_nth_matching_event_of_its_kind_only) {
  Plan plan(1);
  Spec spec = disconnect_on(TriggerOn::order, 3);
  spec.trigger->match.symbol = "ethusdt";
  ASSERT_EQ(plan.add(spec, at_ms(0)), std::nullopt);
  EXPECT_TRUE(plan.observe(event(TriggerOn::order, "k1", "a", "ETHUSDT"), at_ms(1)).empty());
  EXPECT_TRUE(plan.observe(event(TriggerOn::fill, "k1", "b", "ETHUSDT"), at_ms(2)).empty());
  EXPECT_TRUE(plan.observe(event(TriggerOn::order, "k1", "c", "BTCUSDT"), at_ms(3)).empty());
  EXPECT_TRUE(plan.observe(event(TriggerOn::order, "k1", "d", "ETHUSDT"), at_ms(4)).empty());
  const auto armed = plan.observe(event(TriggerOn::order, "k1", "e", "ETHUSDT"), at_ms(5));
  ASSERT_EQ(armed.size(), 1U);
  EXPECT_EQ(armed[0].starts_at, at_ms(5));
  // Once triggered, later events do not trigger it again.
  EXPECT_TRUE(plan.observe(event(TriggerOn::order, "k1", "f", "ETHUSDT"), at_ms(6)).empty());
}

TEST(Trigger, delay_moves_the_window_start_and_duration_runs_from_there) {
  Plan plan(1);
  Spec spec = disconnect_on(TriggerOn::fill, 1, std::chrono::milliseconds{50});
  spec.duration = std::chrono::milliseconds{100};
  ASSERT_EQ(plan.add(spec, at_ms(0)), std::nullopt);
  const auto armed = plan.observe(event(TriggerOn::fill, "k1"), at_ms(1000));
  ASSERT_EQ(armed.size(), 1U);
  EXPECT_EQ(armed[0].starts_at, at_ms(1050));
  EXPECT_EQ(plan.list(at_ms(1049))[0].state, RuleState::armed);
  EXPECT_EQ(fire_count(plan, user_data("k1"), at_ms(1049)), 0U);
  EXPECT_EQ(fire_count(plan, user_data("k1"), at_ms(1050)), 1U);
  EXPECT_EQ(fire_count(plan, user_data("k1"), at_ms(1149)), 1U);
  EXPECT_EQ(fire_count(plan, user_data("k1"), at_ms(1150)), 0U);
  const RuleStatus status = plan.list(at_ms(1150))[0];
  EXPECT_EQ(status.window_start, at_ms(1050));
  EXPECT_EQ(status.window_end, at_ms(1150));
  EXPECT_EQ(status.state, RuleState::expired);
}

TEST(Trigger, account_scope_confines_the_rule_to_the_trading_account) {
  Plan plan(1);
  ASSERT_EQ(plan.add(disconnect_on(TriggerOn::order_ack), at_ms(0)), std::nullopt);
  ASSERT_EQ(plan.observe(event(TriggerOn::order_ack, "alice"), at_ms(1)).size(), 1U);
  EXPECT_EQ(plan.list(at_ms(1))[0].account, "alice");
  EXPECT_EQ(fire_count(plan, user_data("bob"), at_ms(2)), 0U);
  EXPECT_EQ(fire_count(plan, user_data(""), at_ms(2)), 0U);
  EXPECT_EQ(fire_count(plan, user_data("alice"), at_ms(2)), 1U);
}

TEST(Trigger, all_scope_and_an_explicit_api_key_keep_the_rules_own_match) {
  Plan plan(1);
  Spec everyone = disconnect_on(TriggerOn::order_ack);
  everyone.name = "everyone";
  everyone.trigger->scope = TriggerScope::all;
  Spec carol = disconnect_on(TriggerOn::order_ack);
  carol.name = "carol";
  carol.match.api_key = "carol";
  ASSERT_EQ(plan.add(everyone, at_ms(0)), std::nullopt);
  ASSERT_EQ(plan.add(carol, at_ms(0)), std::nullopt);
  ASSERT_EQ(plan.observe(event(TriggerOn::order_ack, "alice"), at_ms(1)).size(), 2U);

  const auto bob = plan.decide(user_data("bob"), at_ms(2));
  ASSERT_EQ(bob.size(), 1U);
  EXPECT_EQ(bob[0].name, "everyone");
  const auto for_carol = plan.decide(user_data("carol"), at_ms(3));
  ASSERT_EQ(for_carol.size(), 2U);
  EXPECT_EQ(for_carol[1].name, "carol");
  EXPECT_EQ(plan.list(at_ms(3))[1].account, "");
}

TEST(Trigger, client_order_id_glob_selects_the_orders) {
  Plan plan(1);
  Spec spec = disconnect_on(TriggerOn::order_ack);
  spec.trigger->match.client_order_id = "x-*";
  ASSERT_EQ(plan.add(spec, at_ms(0)), std::nullopt);
  EXPECT_TRUE(plan.observe(event(TriggerOn::order_ack, "k1", "web_1"), at_ms(1)).empty());
  EXPECT_TRUE(plan.observe(event(TriggerOn::order_ack, "k1", ""), at_ms(2)).empty());
  EXPECT_EQ(plan.observe(event(TriggerOn::order_ack, "k1", "x-42"), at_ms(3)).size(), 1U);
}

TEST(Trigger, paused_rules_still_arm_but_do_not_fire) {
  Plan plan(1);
  ASSERT_EQ(plan.add(disconnect_on(TriggerOn::order_ack), at_ms(0)), std::nullopt);
  ASSERT_TRUE(plan.set_paused("cut", true));
  EXPECT_EQ(plan.observe(event(TriggerOn::order_ack, "k1"), at_ms(1)).size(), 1U);
  EXPECT_EQ(fire_count(plan, user_data("k1"), at_ms(2)), 0U);
  ASSERT_TRUE(plan.set_paused("cut", false));
  EXPECT_EQ(fire_count(plan, user_data("k1"), at_ms(3)), 1U);
}

TEST(Trigger, bad_triggers_are_errors_naming_the_field) {
  Plan plan(1);
  Spec zero = disconnect_on(TriggerOn::order, 0);
  EXPECT_EQ(plan.add(zero, at_ms(0))->field, "trigger.count");

  Spec negative = disconnect_on(TriggerOn::order, 1, std::chrono::microseconds{-1});
  EXPECT_EQ(plan.add(negative, at_ms(0))->field, "trigger.delay");

  Spec http = disconnect_on(TriggerOn::order);
  http.trigger->match.http = "POST /api/v3/order";
  const auto error = plan.add(http, at_ms(0));
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->field, "trigger.match.http");

  Spec glob = disconnect_on(TriggerOn::order);
  glob.trigger->match.client_order_id = "[x]";
  EXPECT_EQ(plan.add(glob, at_ms(0))->field, "trigger.match.client_order_id");
  EXPECT_EQ(plan.size(), 0U);
}

}  // namespace
}  // namespace mockex::fault
