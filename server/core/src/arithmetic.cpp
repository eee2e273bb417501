#include "mockex/core/arithmetic.hpp"

#include <limits>

namespace mockex::core {

namespace {

constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr Int128 kInt64Min = std::numeric_limits<std::int64_t>::min();
// 10^38 is the largest power of ten below 2^127.
constexpr unsigned kMaxPow10Exponent128 = 38;

Result<std::int64_t> narrow(Int128 value) {
  if (value > kInt64Max || value < kInt64Min) return ErrorCode::arithmetic_overflow;
  return static_cast<std::int64_t>(value);
}

Int128 abs128(Int128 value) { return value < 0 ? -value : value; }

// value * 10^exponent, or nullopt-like failure through the bool.
bool scale_up(Int128 value, unsigned exponent, Int128& out) {
  if (exponent > kMaxPow10Exponent128) return false;
  const Int128 factor = pow10_128(exponent);
  Int128 result = 0;
  if (__builtin_mul_overflow(value, factor, &result)) return false;
  out = result;
  return true;
}

// Rescales a 128-bit value from scale `from` to scale `to` (decimals), then narrows to int64.
Result<std::int64_t> rescale128(Int128 value, unsigned from, unsigned to, Rounding rounding) {
  if (to >= from) {
    Int128 scaled = 0;
    if (!scale_up(value, to - from, scaled)) return ErrorCode::arithmetic_overflow;
    return narrow(scaled);
  }
  if (from - to > kMaxPow10Exponent128) return ErrorCode::invalid_scale;
  return divide(value, pow10_128(from - to), rounding);
}

}  // namespace

Result<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) return ErrorCode::arithmetic_overflow;
  return out;
}

Result<std::int64_t> checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out)) return ErrorCode::arithmetic_overflow;
  return out;
}

Result<std::int64_t> checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) return ErrorCode::arithmetic_overflow;
  return out;
}

Result<std::int64_t> divide(Int128 numerator, Int128 denominator, Rounding rounding) {
  if (denominator == 0) return ErrorCode::division_by_zero;
  Int128 quotient = numerator / denominator;  // truncates toward zero
  const Int128 remainder = numerator % denominator;
  if (remainder != 0) {
    const bool negative = (remainder < 0) != (denominator < 0);  // sign of the exact quotient
    switch (rounding) {
      case Rounding::exact: return ErrorCode::inexact;
      case Rounding::toward_zero: break;
      case Rounding::down:
        if (negative) --quotient;
        break;
      case Rounding::up:
        if (!negative) ++quotient;
        break;
      case Rounding::half_even: {
        // Compares |remainder| with |denominator| - |remainder| rather than doubling it, which
        // could overflow for denominators near 10^38.
        const Int128 dropped = abs128(remainder);
        const Int128 rest = abs128(denominator) - dropped;
        const bool away = dropped > rest || (dropped == rest && (quotient % 2) != 0);
        if (away) quotient += negative ? -1 : 1;
        break;
      }
    }
  }
  return narrow(quotient);
}

Result<std::int64_t> mul_div(std::int64_t a, std::int64_t b, std::int64_t c, Rounding rounding) {
  return divide(static_cast<Int128>(a) * b, c, rounding);
}

Result<std::int64_t> rescale(std::int64_t units, Scale from, Scale to, Rounding rounding) {
  if (from.decimals > kMaxScale || to.decimals > kMaxScale) return ErrorCode::invalid_scale;
  return rescale128(units, from.decimals, to.decimals, rounding);
}

Result<Amount> notional(Price price, Scale price_scale, Qty qty, Scale qty_scale, Scale out,
                        Rounding rounding) {
  if (price_scale.decimals > kMaxScale || qty_scale.decimals > kMaxScale ||
      out.decimals > kMaxScale) {
    return ErrorCode::invalid_scale;
  }
  // |price * qty| < 2^126: always fits.
  const Int128 product = static_cast<Int128>(price.units()) * qty.units();
  auto units = rescale128(product, unsigned{price_scale.decimals} + qty_scale.decimals,
                          out.decimals, rounding);
  if (!units) return units.error();
  return Amount{*units};
}

Result<Qty> qty_for_amount(Amount amount, Scale amount_scale, Price price, Scale price_scale,
                           Scale qty_scale, Rounding rounding) {
  if (amount_scale.decimals > kMaxScale || price_scale.decimals > kMaxScale ||
      qty_scale.decimals > kMaxScale) {
    return ErrorCode::invalid_scale;
  }
  if (price.units() == 0) return ErrorCode::division_by_zero;
  // qty = amount / price. At scales: qty_units = amount_units * 10^(ps + qs - as) / price_units.
  const int exponent = int{price_scale.decimals} + qty_scale.decimals - amount_scale.decimals;
  Int128 numerator = amount.units();
  Int128 denominator = price.units();
  if (exponent >= 0) {
    if (!scale_up(numerator, static_cast<unsigned>(exponent), numerator)) {
      return ErrorCode::arithmetic_overflow;
    }
  } else if (!scale_up(denominator, static_cast<unsigned>(-exponent), denominator)) {
    return ErrorCode::arithmetic_overflow;
  }
  auto units = divide(numerator, denominator, rounding);
  if (!units) return units.error();
  return Qty{*units};
}

}  // namespace mockex::core
