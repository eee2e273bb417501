#include "mockex/core/rng.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mockex::core {
namespace {

// Golden values were computed by an independent Python transcription of the same algorithms;
// a change here means every recorded scenario replays differently.

TEST(Rng, splitmix64_matches_reference_first_output) {
  std::uint64_t state = 0;
  EXPECT_EQ(splitmix64(state), 0xe220a8397b1dcdafULL);
}

TEST(Rng, seed_42_gives_golden_u64_sequence) {
  Rng rng{42};
  EXPECT_EQ(rng.next_u64(), 0x15780b2e0c2ec716ULL);
  EXPECT_EQ(rng.next_u64(), 0x6104d9866d113a7eULL);
  EXPECT_EQ(rng.next_u64(), 0xae17533239e499a1ULL);
  EXPECT_EQ(rng.next_u64(), 0xecb8ad4703b360a1ULL);
}

TEST(Rng, seed_42_gives_golden_dice_rolls) {
  Rng rng{42};
  std::vector<std::int64_t> rolls;
  for (int i = 0; i < 10; ++i) rolls.push_back(rng.uniform_int(1, 6));
  EXPECT_EQ(rolls, (std::vector<std::int64_t>{1, 3, 5, 6, 6, 5, 5, 6, 5, 4}));
}

TEST(Rng, seed_42_gives_golden_below_ten) {
  Rng rng{42};
  std::vector<std::uint64_t> draws;
  for (int i = 0; i < 10; ++i) draws.push_back(rng.below(10));
  EXPECT_EQ(draws, (std::vector<std::uint64_t>{0, 3, 6, 9, 9, 7, 7, 8, 7, 5}));
}

TEST(Rng, seed_42_gives_golden_reals) {
  Rng rng{42};
  // Pure integer-to-double arithmetic: bit-exact everywhere.
  EXPECT_EQ(rng.uniform_real(), 0.08386297105988216);
  EXPECT_EQ(rng.uniform_real(), 0.3789802506626686);
  EXPECT_EQ(rng.uniform_real(), 0.6800434110281394);
}

// The next three use log/exp/sqrt: compared within 4 ulp, in case a libm rounds differently.
TEST(Rng, seed_42_gives_golden_normals) {
  Rng rng{42};
  EXPECT_DOUBLE_EQ(rng.normal(0.0, 1.0), -0.7262191382447857);
  EXPECT_DOUBLE_EQ(rng.normal(0.0, 1.0), 0.2216227015035933);
  EXPECT_DOUBLE_EQ(rng.normal(0.0, 1.0), 0.46417731016247366);
}

TEST(Rng, seed_42_gives_golden_exponentials) {
  Rng rng{42};
  EXPECT_DOUBLE_EQ(rng.exponential(2.0), 0.043794665291708786);
  EXPECT_DOUBLE_EQ(rng.exponential(2.0), 0.2381961975393862);
  EXPECT_DOUBLE_EQ(rng.exponential(2.0), 0.5697849759269388);
}

TEST(Rng, seed_42_gives_golden_lognormals) {
  Rng rng{42};
  EXPECT_DOUBLE_EQ(rng.lognormal(0.0, 0.5), 0.6955102228792698);
  EXPECT_DOUBLE_EQ(rng.lognormal(0.0, 0.5), 1.1171841310273096);
  EXPECT_DOUBLE_EQ(rng.lognormal(0.0, 0.5), 1.2612315384565107);
}

TEST(Rng, fork_is_golden_and_independent_of_parent_position) {
  Rng parent{42};
  Rng early = parent.fork(7);
  for (int i = 0; i < 100; ++i) (void)parent.next_u64();
  Rng late = parent.fork(7);
  EXPECT_EQ(early.next_u64(), 0x07b10c1f76f9a77fULL);
  EXPECT_EQ(late.next_u64(), 0x07b10c1f76f9a77fULL);
  EXPECT_EQ(early.next_u64(), 0x6adccc425b6eaceaULL);
  EXPECT_NE(Rng{42}.fork(7).next_u64(), Rng{42}.fork(8).next_u64());
}

TEST(Rng, same_seed_same_sequence_different_seed_different_sequence) {
  Rng a{2024};
  Rng b{2024};
  Rng c{2025};
  bool any_difference = false;
  for (int i = 0; i < 1000; ++i) {
    const auto x = a.next_u64();
    EXPECT_EQ(x, b.next_u64());
    any_difference |= x != c.next_u64();
  }
  EXPECT_TRUE(any_difference);
}

TEST(Rng, uniform_int_stays_in_range_and_hits_both_ends) {
  Rng rng{7};
  bool saw_lo = false;
  bool saw_hi = false;
  for (int i = 0; i < 10'000; ++i) {
    const auto x = rng.uniform_int(-3, 3);
    ASSERT_GE(x, -3);
    ASSERT_LE(x, 3);
    saw_lo |= x == -3;
    saw_hi |= x == 3;
  }
  EXPECT_TRUE(saw_lo);
  EXPECT_TRUE(saw_hi);
  EXPECT_EQ(rng.uniform_int(5, 5), 5);
  const auto full = rng.uniform_int(INT64_MIN, INT64_MAX);  // the whole range must not hang
  (void)full;
}

TEST(Rng, distributions_have_expected_means_for_fixed_seed) {
  Rng rng{11};
  constexpr int n = 200'000;
  double normal_sum = 0;
  double exp_sum = 0;
  int heads = 0;
  double real_min = 1.0;
  for (int i = 0; i < n; ++i) {
    normal_sum += rng.normal(10.0, 2.0);
    exp_sum += rng.exponential(4.0);
    heads += rng.bernoulli(0.25) ? 1 : 0;
    const double r = rng.uniform_real();
    ASSERT_GE(r, 0.0);
    ASSERT_LT(r, 1.0);
    real_min = std::min(real_min, r);
  }
  EXPECT_NEAR(normal_sum / n, 10.0, 0.05);
  EXPECT_NEAR(exp_sum / n, 0.25, 0.01);
  EXPECT_NEAR(static_cast<double>(heads) / n, 0.25, 0.01);
}

TEST(Rng, bernoulli_extremes_are_certain) {
  Rng rng{1};
  for (int i = 0; i < 100; ++i) {
    EXPECT_FALSE(rng.bernoulli(0.0));
    EXPECT_TRUE(rng.bernoulli(1.0));
  }
}

}  // namespace
}  // namespace mockex::core
