#include "mockex/fault/plan.hpp"

#include <gtest/gtest.h>

#include "support.hpp"

namespace mockex::fault {
namespace {

using test::at_ms;
using test::fire_count;
using test::http_point;
using test::make_spec;
using test::ws_point;

const Point kOrder = http_point("POST", "/api/v3/order");

Spec drop_rule(std::string name = "drop") { return make_spec(std::move(name), Kind::ws_drop); }
Spec hang_rule(std::string name = "hang") { return make_spec(std::move(name), Kind::hang); }

// Which of the points 1..count (one per ms from t=0) the plan's rules fire at.
std::vector<int> firing_points(Plan& plan, const Point& point, int count) {
  std::vector<int> out;
  for (int i = 1; i <= count; ++i) {
    if (!plan.decide(point, at_ms(i)).empty()) out.push_back(i);
  }
  return out;
}

TEST(Plan, watches_only_the_stages_of_rules_that_can_fire) {
  Plan plan(1);
  EXPECT_FALSE(plan.watches(Stage::http_request));
  ASSERT_EQ(plan.add(make_spec("slow", Kind::latency, {{"ms", "10"}}), at_ms(0)), std::nullopt);
  EXPECT_TRUE(plan.watches(Stage::http_request));
  EXPECT_TRUE(plan.watches(Stage::ws_api_request));
  EXPECT_FALSE(plan.watches(Stage::ws_out));
  EXPECT_TRUE(plan.set_paused("slow", true));
  EXPECT_FALSE(plan.watches(Stage::http_request));
  EXPECT_TRUE(plan.set_paused("slow", false));
  EXPECT_TRUE(plan.remove("slow"));
  EXPECT_FALSE(plan.watches(Stage::http_request));
}

TEST(Plan, a_rule_fires_only_at_the_stages_of_its_kind) {
  Plan plan(1);
  ASSERT_EQ(plan.add(hang_rule(), at_ms(0)), std::nullopt);
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(1)), 1U);
  EXPECT_EQ(fire_count(plan, ws_point("btcusdt@trade"), at_ms(1)), 0U);
  EXPECT_EQ(plan.list(at_ms(1))[0].matched, 1U);  // the ws point was not even counted
}

TEST(Plan, window_starts_when_added_and_its_end_is_exclusive) {
  Plan plan(1);
  Spec spec = hang_rule();
  spec.duration = std::chrono::milliseconds{100};
  ASSERT_EQ(plan.add(spec, at_ms(1000)), std::nullopt);
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(999)), 0U);   // before the start
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(1000)), 1U);  // at the start
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(1099)), 1U);  // inside
  EXPECT_EQ(plan.list(at_ms(1099))[0].state, RuleState::active);
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(1100)), 0U);  // at the end: outside
  EXPECT_EQ(plan.list(at_ms(1100))[0].state, RuleState::expired);
  EXPECT_FALSE(plan.watches(Stage::http_request));
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(1050)), 0U);  // expired for good
}

TEST(Plan, a_rule_without_duration_never_ends) {
  Plan plan(1);
  ASSERT_EQ(plan.add(hang_rule(), at_ms(0)), std::nullopt);
  EXPECT_EQ(fire_count(plan, kOrder, core::Timestamp::max() - std::chrono::microseconds{1}), 1U);
  const RuleStatus status = plan.list(at_ms(5))[0];
  EXPECT_EQ(status.window_start, at_ms(0));
  EXPECT_EQ(status.window_end, std::nullopt);
}

TEST(Plan, a_paused_rule_neither_counts_nor_fires) {
  Plan plan(1);
  Spec spec = hang_rule();
  spec.every = 2;
  ASSERT_EQ(plan.add(spec, at_ms(0)), std::nullopt);
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(1)), 0U);  // n = 1
  ASSERT_TRUE(plan.set_paused("hang", true));
  EXPECT_EQ(plan.list(at_ms(2))[0].state, RuleState::paused);
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(2)), 0U);
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(3)), 0U);
  EXPECT_EQ(plan.list(at_ms(3))[0].matched, 1U);
  ASSERT_TRUE(plan.set_paused("hang", false));
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(4)), 1U);  // n = 2
  EXPECT_FALSE(plan.set_paused("nope", true));
}

TEST(Plan, after_skips_the_first_matches_every_takes_each_nth_first_caps_the_total) {
  Plan plan(1);
  Spec spec = hang_rule();
  spec.after = 2;  // n = 1, 2 skipped; k = n - 2
  spec.every = 3;  // k = 3, 6, 9, ... -> n = 5, 8, 11, ...
  spec.first = 2;  // only n = 5 and 8
  ASSERT_EQ(plan.add(spec, at_ms(0)), std::nullopt);
  EXPECT_EQ(firing_points(plan, kOrder, 20), (std::vector<int>{5, 8}));
  const RuleStatus status = plan.list(at_ms(21))[0];
  EXPECT_EQ(status.fired, 2U);
  EXPECT_EQ(status.matched, 8U);  // exhausted after n = 8: later points are not counted
  EXPECT_EQ(status.state, RuleState::expired);
}

TEST(Plan, after_alone_and_every_alone) {
  Plan after_plan(1);
  Spec after = hang_rule();
  after.after = 3;
  ASSERT_EQ(after_plan.add(after, at_ms(0)), std::nullopt);
  EXPECT_EQ(firing_points(after_plan, kOrder, 6), (std::vector<int>{4, 5, 6}));

  Plan every_plan(1);
  Spec every = hang_rule();
  every.every = 2;
  ASSERT_EQ(every_plan.add(every, at_ms(0)), std::nullopt);
  EXPECT_EQ(firing_points(every_plan, kOrder, 6), (std::vector<int>{2, 4, 6}));

  Plan first_plan(1);
  Spec first = hang_rule();
  first.first = 1;
  ASSERT_EQ(first_plan.add(first, at_ms(0)), std::nullopt);
  EXPECT_EQ(firing_points(first_plan, kOrder, 4), (std::vector<int>{1}));
  EXPECT_FALSE(first_plan.watches(Stage::http_request));
}

TEST(Plan, only_matching_points_are_counted) {
  Plan plan(1);
  Spec spec = hang_rule();
  spec.match.http = "POST /api/v3/order";
  spec.every = 2;
  ASSERT_EQ(plan.add(spec, at_ms(0)), std::nullopt);
  const Point other = http_point("GET", "/api/v3/depth");
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(1)), 0U);
  EXPECT_EQ(fire_count(plan, other, at_ms(2)), 0U);
  EXPECT_EQ(fire_count(plan, other, at_ms(3)), 0U);
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(4)), 1U);
  EXPECT_EQ(plan.list(at_ms(4))[0].matched, 2U);
}

TEST(Plan, probability_zero_never_fires_but_counts_and_one_always_fires) {
  Plan plan(7);
  Spec never = drop_rule("never");
  never.probability = 0.0;
  Spec always = drop_rule("always");
  always.probability = 1.0;
  ASSERT_EQ(plan.add(never, at_ms(0)), std::nullopt);
  ASSERT_EQ(plan.add(always, at_ms(0)), std::nullopt);
  for (int i = 1; i <= 200; ++i) {
    const auto fired = plan.decide(ws_point("btcusdt@trade"), at_ms(i));
    ASSERT_EQ(fired.size(), 1U);
    EXPECT_EQ(fired[0].name, "always");
  }
  const auto statuses = plan.list(at_ms(201));
  EXPECT_EQ(statuses[0].matched, 200U);
  EXPECT_EQ(statuses[0].fired, 0U);
  EXPECT_EQ(statuses[1].fired, 200U);
}

TEST(Plan, every_firing_rule_is_returned_in_rule_order_with_its_effect) {
  Plan plan(1);
  ASSERT_EQ(plan.add(make_spec("b-slow", Kind::latency, {{"ms", "20"}}), at_ms(0)), std::nullopt);
  ASSERT_EQ(plan.add(make_spec("a-error", Kind::http_error, {{"status", "502"}}), at_ms(0)),
            std::nullopt);
  const auto fired = plan.decide(kOrder, at_ms(1));
  ASSERT_EQ(fired.size(), 2U);
  EXPECT_EQ(fired[0].name, "b-slow");
  EXPECT_EQ(fired[0].kind, Kind::latency);
  EXPECT_EQ(std::get<Delay>(fired[0].effect).delay, std::chrono::milliseconds{20});
  EXPECT_EQ(fired[1].name, "a-error");
  EXPECT_EQ(std::get<ErrorReply>(fired[1].effect).status, 502);
}

TEST(Plan, add_rejects_duplicate_names_and_invalid_specs_without_changing_the_plan) {
  Plan plan(1);
  ASSERT_EQ(plan.add(hang_rule(), at_ms(0)), std::nullopt);
  const auto duplicate = plan.add(hang_rule(), at_ms(0));
  ASSERT_TRUE(duplicate.has_value());
  EXPECT_EQ(duplicate->field, "name");

  Spec bad_probability = hang_rule("p");
  bad_probability.probability = 1.5;
  EXPECT_EQ(plan.add(bad_probability, at_ms(0))->field, "probability");

  Spec bad_params = make_spec("slow", Kind::latency, {{"ms", "-1"}});
  const auto params_error = plan.add(bad_params, at_ms(0));
  ASSERT_TRUE(params_error.has_value());
  EXPECT_EQ(to_string(*params_error), "params.ms: must be a whole number of milliseconds >= 0");

  Spec bad_glob = drop_rule("g");
  bad_glob.match.stream = "[x]";
  EXPECT_EQ(plan.add(bad_glob, at_ms(0))->field, "match.stream");

  Spec unnamed = hang_rule("");
  EXPECT_EQ(plan.add(unnamed, at_ms(0))->field, "name");

  Spec zero_window = hang_rule("z");
  zero_window.duration = std::chrono::microseconds{0};
  EXPECT_EQ(plan.add(zero_window, at_ms(0))->field, "for");

  EXPECT_EQ(plan.size(), 1U);
  EXPECT_FALSE(plan.watches(Stage::ws_out));
}

TEST(Plan, holds_a_bounded_number_of_rules) {
  Plan plan(1);
  for (std::size_t i = 0; i < Plan::kMaxRules; ++i) {
    ASSERT_EQ(plan.add(hang_rule("r" + std::to_string(i)), at_ms(0)), std::nullopt);
  }
  const auto full = plan.add(hang_rule("one-more"), at_ms(0));
  ASSERT_TRUE(full.has_value());
  EXPECT_NE(full->message.find("at most 1000"), std::string::npos);
  EXPECT_TRUE(plan.remove("r0"));
  EXPECT_EQ(plan.add(hang_rule("one-more"), at_ms(0)), std::nullopt);
}

TEST(Plan, remove_find_and_clear) {
  Plan plan(1);
  ASSERT_EQ(plan.add(hang_rule(), at_ms(0)), std::nullopt);
  ASSERT_EQ(plan.add(drop_rule(), at_ms(0)), std::nullopt);
  ASSERT_NE(plan.find("drop"), nullptr);
  EXPECT_EQ(plan.find("drop")->kind, Kind::ws_drop);
  EXPECT_EQ(plan.find("nope"), nullptr);
  EXPECT_TRUE(plan.remove("hang"));
  EXPECT_FALSE(plan.remove("hang"));
  EXPECT_EQ(plan.find("hang"), nullptr);
  EXPECT_EQ(fire_count(plan, kOrder, at_ms(1)), 0U);
  plan.clear();
  EXPECT_EQ(plan.size(), 0U);
  EXPECT_FALSE(plan.watches(Stage::ws_out));
  EXPECT_EQ(plan.add(drop_rule(), at_ms(0)), std::nullopt);  // the name is free again
}

TEST(Plan, depth_gap_counts_only_depth_updates) {
  Plan plan(1);
  Spec spec = make_spec("gap", Kind::depth_gap, {{"skip", "3"}});
  spec.every = 2;
  ASSERT_EQ(plan.add(spec, at_ms(0)), std::nullopt);
  const Point depth = ws_point("btcusdt@depth@100ms", "depthUpdate");
  const Point trade = ws_point("btcusdt@trade", "trade");
  EXPECT_EQ(fire_count(plan, depth, at_ms(1)), 0U);
  EXPECT_EQ(fire_count(plan, trade, at_ms(2)), 0U);
  const auto fired = plan.decide(depth, at_ms(3));
  ASSERT_EQ(fired.size(), 1U);
  EXPECT_EQ(std::get<DepthGap>(fired[0].effect).skip, 3U);
  EXPECT_EQ(plan.list(at_ms(3))[0].matched, 2U);
}

TEST(Plan, a_fire_counted_outside_decide_counts_toward_first) {
  Plan plan(1);
  Spec spec = make_spec("cut", Kind::ws_disconnect);
  spec.first = 1;
  spec.duration = std::chrono::milliseconds(10);
  ASSERT_EQ(plan.add(spec, at_ms(0)), std::nullopt);
  EXPECT_TRUE(plan.may_fire("cut", at_ms(1)));
  EXPECT_FALSE(plan.may_fire("cut", at_ms(10)));  // the window has ended
  EXPECT_FALSE(plan.may_fire("nobody", at_ms(1)));
  plan.count_fire("cut");
  EXPECT_FALSE(plan.may_fire("cut", at_ms(1)));
  EXPECT_EQ(plan.list(at_ms(1))[0].fired, 1U);
  EXPECT_EQ(plan.list(at_ms(1))[0].state, RuleState::expired);
  EXPECT_EQ(fire_count(plan, ws_point("btcusdt@trade"), at_ms(2)), 0U);  // first: 1 is spent
  EXPECT_FALSE(plan.watches(Stage::ws_out));
  ASSERT_EQ(plan.add(make_spec("held", Kind::ws_disconnect), at_ms(0)), std::nullopt);
  ASSERT_TRUE(plan.set_paused("held", true));
  EXPECT_FALSE(plan.may_fire("held", at_ms(1)));
}

}  // namespace
}  // namespace mockex::fault
