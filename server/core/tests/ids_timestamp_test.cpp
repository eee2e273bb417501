#include <gtest/gtest.h>

#include <chrono>
#include <type_traits>
#include <unordered_set>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"
#include "mockex/core/timestamp.hpp"

namespace mockex::core {
namespace {

TEST(StrongId, distinct_types_do_not_mix) {
  static_assert(!std::is_convertible_v<OrderId, TradeId>);
  static_assert(!std::is_convertible_v<std::uint64_t, OrderId>);
  static_assert(!std::is_convertible_v<Price, Qty>);
  EXPECT_FALSE(kNoAccount.is_valid());
  EXPECT_TRUE(AccountId{7}.is_valid());
}

TEST(StrongId, orders_compares_and_hashes_by_value) {
  EXPECT_LT(OrderId{1}, OrderId{2});
  EXPECT_EQ(OrderId{5}, OrderId{5});
  std::unordered_set<OrderId> ids{OrderId{1}, OrderId{2}, OrderId{1}};
  EXPECT_EQ(ids.size(), 2U);
}

TEST(Timestamp, converts_between_millis_and_micros) {
  const auto t = Timestamp::from_millis(1'700'000'000'123);
  EXPECT_EQ(t.micros(), 1'700'000'000'123'000);
  EXPECT_EQ(t.millis(), 1'700'000'000'123);
  EXPECT_EQ(Timestamp::from_micros(1'999).millis(), 1);
  EXPECT_EQ(Timestamp::from_micros(-1).millis(), -1);  // floor, not truncation
}

TEST(Timestamp, adds_any_chrono_duration_that_fits_in_micros) {
  const auto t = Timestamp::from_millis(1'000);
  EXPECT_EQ(t + std::chrono::milliseconds{250}, Timestamp::from_millis(1'250));
  EXPECT_EQ(t + std::chrono::seconds{1}, Timestamp::from_millis(2'000));
  EXPECT_EQ(t - std::chrono::microseconds{1}, Timestamp::from_micros(999'999));
  EXPECT_EQ(Timestamp::from_millis(3) - Timestamp::from_millis(1), std::chrono::milliseconds{2});
}

TEST(Fixed, arithmetic_and_ordering_stay_within_one_kind) {
  Qty q{100};
  q += Qty{50};
  EXPECT_EQ(q, Qty{150});
  EXPECT_EQ(q - Qty{200}, Qty{-50});
  EXPECT_EQ(-Price{3}, Price{-3});
  EXPECT_LT(Price{1}, Price{2});
  EXPECT_TRUE(Amount{}.is_zero());
  EXPECT_TRUE(Qty{1}.is_positive());
}

}  // namespace
}  // namespace mockex::core
