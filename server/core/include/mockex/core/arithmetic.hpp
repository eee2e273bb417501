#pragma once
// Checked fixed-point arithmetic with 128-bit intermediates: rescaling, a * b / c, and the
// notional price * qty. Every result that needs rounding names its Rounding; overflow and
// inexact results are ErrorCodes, never silent.

#include <cstdint>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/result.hpp"

namespace mockex::core {

// __extension__ keeps -Wpedantic quiet about the GCC/Clang 128-bit integer.
__extension__ typedef __int128 Int128;            // NOLINT(modernize-use-using)
__extension__ typedef unsigned __int128 UInt128;  // NOLINT(modernize-use-using)

enum class Rounding : std::uint8_t {
  exact,  // ErrorCode::inexact when a remainder would be dropped
  down,   // toward negative infinity (floor)
  up,     // toward positive infinity (ceiling)
  toward_zero,
  half_even,  // to nearest, ties to the even neighbour (banker's rounding)
};

// 10^exponent for exponent 0..18.
constexpr std::int64_t pow10(unsigned exponent) {
  std::int64_t value = 1;
  for (unsigned i = 0; i < exponent; ++i) value *= 10;
  return value;
}
// 10^exponent for exponent 0..38.
constexpr Int128 pow10_128(unsigned exponent) {
  Int128 value = 1;
  for (unsigned i = 0; i < exponent; ++i) value *= 10;
  return value;
}

Result<std::int64_t> checked_add(std::int64_t a, std::int64_t b);
Result<std::int64_t> checked_sub(std::int64_t a, std::int64_t b);
Result<std::int64_t> checked_mul(std::int64_t a, std::int64_t b);

// numerator / denominator rounded as asked; must fit in int64.
Result<std::int64_t> divide(Int128 numerator, Int128 denominator, Rounding rounding);

// a * b / c with a 128-bit intermediate product.
Result<std::int64_t> mul_div(std::int64_t a, std::int64_t b, std::int64_t c, Rounding rounding);

// The same value at another scale: rescale(150, {2}, {1}, down) = 15, rescale(15, {1}, {3}) = 1500.
Result<std::int64_t> rescale(std::int64_t units, Scale from, Scale to,
                             Rounding rounding = Rounding::exact);

// price * qty expressed at `out` scale: the quote notional of a fill or an order.
Result<Amount> notional(Price price, Scale price_scale, Qty qty, Scale qty_scale, Scale out,
                        Rounding rounding);

// How much base `amount` buys at `price`: amount / price at the qty scale.
Result<Qty> qty_for_amount(Amount amount, Scale amount_scale, Price price, Scale price_scale,
                           Scale qty_scale, Rounding rounding);

}  // namespace mockex::core
