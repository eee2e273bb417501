#include "mockex/core/arithmetic.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace mockex::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(Arithmetic, checked_ops_report_overflow) {
  EXPECT_EQ(checked_add(kMax, 1).error(), ErrorCode::arithmetic_overflow);
  EXPECT_EQ(checked_sub(kMin, 1).error(), ErrorCode::arithmetic_overflow);
  EXPECT_EQ(checked_mul(kMax / 2 + 1, 2).error(), ErrorCode::arithmetic_overflow);
  EXPECT_EQ(checked_add(2, 3).value(), 5);
  EXPECT_EQ(checked_sub(2, 3).value(), -1);
  EXPECT_EQ(checked_mul(-4, 3).value(), -12);
}

TEST(Arithmetic, divide_rounds_each_way_for_positive_and_negative) {
  EXPECT_EQ(divide(7, 2, Rounding::down).value(), 3);
  EXPECT_EQ(divide(7, 2, Rounding::up).value(), 4);
  EXPECT_EQ(divide(7, 2, Rounding::toward_zero).value(), 3);
  EXPECT_EQ(divide(-7, 2, Rounding::down).value(), -4);
  EXPECT_EQ(divide(-7, 2, Rounding::up).value(), -3);
  EXPECT_EQ(divide(-7, 2, Rounding::toward_zero).value(), -3);
  EXPECT_EQ(divide(7, -2, Rounding::down).value(), -4);
  EXPECT_EQ(divide(7, 2, Rounding::exact).error(), ErrorCode::inexact);
  EXPECT_EQ(divide(8, 2, Rounding::exact).value(), 4);
  EXPECT_EQ(divide(1, 0, Rounding::down).error(), ErrorCode::division_by_zero);
}

TEST(Arithmetic, half_even_rounds_ties_to_even) {
  EXPECT_EQ(divide(5, 2, Rounding::half_even).value(), 2);  // 2.5
  EXPECT_EQ(divide(7, 2, Rounding::half_even).value(), 4);  // 3.5
  EXPECT_EQ(divide(-5, 2, Rounding::half_even).value(), -2);
  EXPECT_EQ(divide(-7, 2, Rounding::half_even).value(), -4);
  EXPECT_EQ(divide(26, 10, Rounding::half_even).value(), 3);
  EXPECT_EQ(divide(24, 10, Rounding::half_even).value(), 2);
}

TEST(Arithmetic, mul_div_uses_128_bit_intermediate) {
  // kMax * 1000 overflows int64, the quotient does not.
  EXPECT_EQ(mul_div(kMax, 1000, 1000, Rounding::exact).value(), kMax);
  EXPECT_EQ(mul_div(kMax, 3, 2, Rounding::down).error(), ErrorCode::arithmetic_overflow);
}

TEST(Arithmetic, rescale_up_and_down) {
  EXPECT_EQ(rescale(15, Scale{1}, Scale{3}).value(), 1500);
  EXPECT_EQ(rescale(150, Scale{2}, Scale{1}).value(), 15);
  EXPECT_EQ(rescale(155, Scale{2}, Scale{1}).error(), ErrorCode::inexact);
  EXPECT_EQ(rescale(155, Scale{2}, Scale{1}, Rounding::down).value(), 15);
  EXPECT_EQ(rescale(155, Scale{2}, Scale{1}, Rounding::up).value(), 16);
  EXPECT_EQ(rescale(kMax, Scale{0}, Scale{1}).error(), ErrorCode::arithmetic_overflow);
  EXPECT_EQ(rescale(1, Scale{0}, Scale{19}).error(), ErrorCode::invalid_scale);
}

TEST(Arithmetic, notional_of_btc_fill_is_exact_at_quote_scale) {
  // 0.00100000 BTC at 43250.12 USDT (price scale 2, qty scale 8, quote scale 8) = 43.25012 USDT.
  const auto value =
      notional(Price{4'325'012}, Scale{2}, Qty{100'000}, Scale{8}, Scale{8}, Rounding::exact);
  EXPECT_EQ(value.value(), Amount{4'325'012'000});
}

TEST(Arithmetic, notional_rounding_is_explicit) {
  // 0.333 * 0.5 = 0.1665 at scale 3: 0.166 down, 0.167 up, 0.166 half-even (tie to even 6).
  const Price price{333};  // scale 3
  const Qty qty{5};        // scale 1
  EXPECT_EQ(notional(price, Scale{3}, qty, Scale{1}, Scale{3}, Rounding::exact).error(),
            ErrorCode::inexact);
  EXPECT_EQ(notional(price, Scale{3}, qty, Scale{1}, Scale{3}, Rounding::down).value(),
            Amount{166});
  EXPECT_EQ(notional(price, Scale{3}, qty, Scale{1}, Scale{3}, Rounding::up).value(), Amount{167});
  EXPECT_EQ(notional(price, Scale{3}, qty, Scale{1}, Scale{3}, Rounding::half_even).value(),
            Amount{166});
}

TEST(Arithmetic, notional_of_max_values_overflows_cleanly) {
  EXPECT_EQ(notional(Price{kMax}, Scale{8}, Qty{kMax}, Scale{8}, Scale{8}, Rounding::down).error(),
            ErrorCode::arithmetic_overflow);
  // The 128-bit product itself never overflows: scaled back down it fits.
  EXPECT_EQ(notional(Price{kMax}, Scale{18}, Qty{1'000'000'000'000'000'000}, Scale{18}, Scale{0},
                     Rounding::down)
                .value(),
            Amount{9});
}

TEST(Arithmetic, qty_for_amount_inverts_notional) {
  // 100 USDT at 25000.00 buys 0.004 BTC.
  EXPECT_EQ(qty_for_amount(Amount{10'000'000'000}, Scale{8}, Price{2'500'000}, Scale{2}, Scale{8},
                           Rounding::exact)
                .value(),
            Qty{400'000});
  // 100 USDT at 30000.00 buys 0.00333333 BTC rounded down.
  EXPECT_EQ(qty_for_amount(Amount{10'000'000'000}, Scale{8}, Price{3'000'000}, Scale{2}, Scale{8},
                           Rounding::down)
                .value(),
            Qty{333'333});
  EXPECT_EQ(
      qty_for_amount(Amount{1}, Scale{8}, Price{0}, Scale{2}, Scale{8}, Rounding::down).error(),
      ErrorCode::division_by_zero);
}

TEST(Arithmetic, pow10_table) {
  EXPECT_EQ(pow10(0), 1);
  EXPECT_EQ(pow10(8), 100'000'000);
  EXPECT_EQ(pow10(18), 1'000'000'000'000'000'000);
}

}  // namespace
}  // namespace mockex::core
