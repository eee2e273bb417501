#pragma once
// Exact decimal text <-> fixed-point mantissa. No double is ever involved, so "0.1" is exactly
// 10000000 units at scale 8 and formats back to "0.10000000".
//
// Accepted text: an optional '-' (only where negatives are allowed), one or more digits, and
// optionally '.' followed by one or more digits. Rejected, each with its own ErrorCode: the empty
// string, '+', exponents, whitespace, ".5", "5.", a second point (decimal_malformed); a non-zero
// digit beyond the scale (decimal_too_precise; trailing zeros beyond it are exact and accepted);
// a mantissa beyond int64 (decimal_overflow); '-' where not allowed (decimal_negative).

#include <cstdint>
#include <string>
#include <string_view>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/result.hpp"

namespace mockex::core {

enum class Sign : std::uint8_t { non_negative, any };

// The mantissa of `text` at `scale`.
Result<std::int64_t> parse_decimal(std::string_view text, Scale scale,
                                   Sign sign = Sign::non_negative);

inline Result<Price> parse_price(std::string_view text, Scale scale) {
  auto units = parse_decimal(text, scale);
  if (!units) return units.error();
  return Price{*units};
}
inline Result<Qty> parse_qty(std::string_view text, Scale scale) {
  auto units = parse_decimal(text, scale);
  if (!units) return units.error();
  return Qty{*units};
}
// Amounts may be negative (balance deltas).
inline Result<Amount> parse_amount(std::string_view text, Scale scale) {
  auto units = parse_decimal(text, scale, Sign::any);
  if (!units) return units.error();
  return Amount{*units};
}

// Exactly `scale` decimals, as Binance prints them: (100000, 8) -> "0.00100000", (5, 0) -> "5".
std::string format_decimal(std::int64_t units, Scale scale);
// Appends the same text to `out` (no temporary string).
void append_decimal(std::string& out, std::int64_t units, Scale scale);
// Without trailing zeros or a trailing point: (100000, 8) -> "0.001", (500, 2) -> "5".
std::string format_decimal_trimmed(std::int64_t units, Scale scale);

template <class Tag>
std::string to_string(Fixed<Tag> value, Scale scale) {
  return format_decimal(value.units(), scale);
}

}  // namespace mockex::core
