// Same seed + same rules + same points at the same times => the same decisions; and a rule's
// choices depend on its own name only, not on the other rules.
#include <gtest/gtest.h>

#include "mockex/fault/plan.hpp"
#include "mockex/fault/rule_rng.hpp"
#include "support.hpp"

namespace mockex::fault {
namespace {

using test::at_ms;
using test::http_point;
using test::make_spec;
using test::ws_point;

Spec jittery(std::string name, double probability) {
  Spec spec = make_spec(std::move(name), Kind::latency, {{"ms", "5"}, {"jitter_ms", "100"}});
  spec.probability = probability;
  return spec;
}

// Feeds the same mixed traffic to `plan` and returns every decision, in order.
std::vector<Fired> run(Plan& plan, int points) {
  std::vector<Fired> out;
  for (int i = 0; i < points; ++i) {
    const Point point = i % 3 == 0 ? ws_point("btcusdt@trade", "trade")
                                   : http_point(i % 2 == 0 ? "GET" : "POST", "/api/v3/order");
    for (Fired& fired : plan.decide(point, at_ms(i))) out.push_back(std::move(fired));
  }
  return out;
}

// Only the decisions of rule `name`.
std::vector<Fired> of_rule(const std::vector<Fired>& fired, std::string_view name) {
  std::vector<Fired> out;
  for (const Fired& f : fired) {
    if (f.name == name) out.push_back(f);
  }
  return out;
}

void add_rules(Plan& plan) {
  ASSERT_EQ(plan.add(jittery("slow", 0.5), at_ms(0)), std::nullopt);
  Spec drop = make_spec("drop", Kind::ws_drop);
  drop.probability = 0.3;
  ASSERT_EQ(plan.add(drop, at_ms(0)), std::nullopt);
  Spec errors = make_spec("errors", Kind::http_error, {{"status", "429"}});
  errors.probability = 0.1;
  errors.match.http = "POST /api/*";
  ASSERT_EQ(plan.add(errors, at_ms(0)), std::nullopt);
}

TEST(Determinism, two_plans_with_the_same_seed_decide_the_same) {
  Plan a(42);
  Plan b(42);
  add_rules(a);
  add_rules(b);
  const auto fired_a = run(a, 600);
  const auto fired_b = run(b, 600);
  EXPECT_GT(fired_a.size(), 100U);
  EXPECT_EQ(fired_a, fired_b);
}

TEST(Determinism, another_seed_decides_differently) {
  Plan a(42);
  Plan b(43);
  add_rules(a);
  add_rules(b);
  EXPECT_NE(run(a, 600), run(b, 600));
}

TEST(Determinism, adding_an_unrelated_rule_does_not_change_another_rules_decisions) {
  Plan alone(9);
  ASSERT_EQ(alone.add(jittery("slow", 0.5), at_ms(0)), std::nullopt);

  Plan crowded(9);
  Spec before = jittery("other-slow", 0.7);  // same stage, same points, earlier in the order
  ASSERT_EQ(crowded.add(before, at_ms(0)), std::nullopt);
  ASSERT_EQ(crowded.add(jittery("slow", 0.5), at_ms(0)), std::nullopt);
  ASSERT_EQ(crowded.add(make_spec("drop", Kind::ws_drop), at_ms(0)), std::nullopt);

  const auto from_alone = of_rule(run(alone, 500), "slow");
  const auto from_crowded = of_rule(run(crowded, 500), "slow");
  EXPECT_GT(from_alone.size(), 100U);
  EXPECT_EQ(from_alone, from_crowded);
}

TEST(Determinism, probability_is_rolled_from_the_rules_own_seeded_stream) {
  auto count = [](std::uint64_t seed) {
    Plan plan(seed);
    Spec drop = make_spec("drop", Kind::ws_drop);
    drop.probability = 0.2;
    EXPECT_EQ(plan.add(drop, at_ms(0)), std::nullopt);
    std::size_t fired = 0;
    for (int i = 0; i < 1000; ++i) fired += plan.decide(ws_point("btcusdt@trade"), at_ms(i)).size();
    return fired;
  };
  const std::size_t first_run = count(2024);
  EXPECT_EQ(first_run, count(2024));
  EXPECT_GE(first_run, 150U);
  EXPECT_LE(first_run, 250U);

  // The exact count follows from the rule's stream: one bernoulli draw per counted point.
  core::Rng rng = rule_rng(2024, "drop");
  std::size_t expected = 0;
  for (int i = 0; i < 1000; ++i) expected += rng.bernoulli(0.2) ? 1 : 0;
  EXPECT_EQ(first_run, expected);
}

TEST(Determinism, the_kind_draws_from_the_same_stream_after_the_roll) {
  Plan plan(5);
  ASSERT_EQ(plan.add(jittery("slow", 1.0), at_ms(0)), std::nullopt);  // p = 1: no draw for the roll
  core::Rng rng = rule_rng(5, "slow");
  for (int i = 0; i < 20; ++i) {
    const auto fired = plan.decide(http_point("GET", "/api/v3/time"), at_ms(i));
    ASSERT_EQ(fired.size(), 1U);
    const std::chrono::microseconds expected{5'000 + rng.uniform_int(0, 100'000)};
    EXPECT_EQ(std::get<Delay>(fired[0].effect).delay, expected);
  }
}

TEST(Determinism, rule_streams_are_keyed_by_fnv1a_of_the_name) {
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(rule_rng(1, "x").next_u64(), core::Rng(1).fork(fnv1a64("x")).next_u64());
  EXPECT_NE(rule_rng(1, "x").next_u64(), rule_rng(1, "y").next_u64());
}

}  // namespace
}  // namespace mockex::fault
