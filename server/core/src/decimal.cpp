#include "mockex/core/decimal.hpp"

#include <cstdint>
#include <limits>

namespace mockex::core {

namespace {

bool is_decimal_digit(char c) { return c >= '0' && c <= '9'; }

// Magnitude of an int64 without overflow for INT64_MIN.
std::uint64_t magnitude(std::int64_t value) {
  return value < 0 ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
}

}  // namespace

Result<std::int64_t> parse_decimal(std::string_view text, Scale scale, Sign sign) {
  if (scale.decimals > kMaxScale) return ErrorCode::invalid_scale;
  if (text.empty()) return ErrorCode::decimal_empty;

  std::size_t pos = 0;
  bool negative = false;
  if (text[pos] == '-') {
    negative = true;
    ++pos;
  }

  // The mantissa is accumulated as an unsigned magnitude; overflow is remembered, not wrapped,
  // so that junk later in the text still reports as junk.
  constexpr std::uint64_t max_magnitude = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t mantissa = 0;
  bool overflow = false;
  auto push_digit = [&](char c) {
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (mantissa > (max_magnitude - digit) / 10) {
      overflow = true;
    } else {
      mantissa = mantissa * 10 + digit;
    }
  };

  const std::size_t int_start = pos;
  while (pos < text.size() && is_decimal_digit(text[pos])) push_digit(text[pos++]);
  if (pos == int_start) return ErrorCode::decimal_malformed;

  unsigned fraction_digits = 0;
  bool too_precise = false;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t frac_start = pos;
    while (pos < text.size() && is_decimal_digit(text[pos])) {
      if (fraction_digits < scale.decimals) {
        push_digit(text[pos]);
        ++fraction_digits;
      } else if (text[pos] != '0') {
        too_precise = true;
      }
      ++pos;
    }
    if (pos == frac_start) return ErrorCode::decimal_malformed;
  }
  if (pos != text.size()) return ErrorCode::decimal_malformed;
  if (negative && sign == Sign::non_negative) return ErrorCode::decimal_negative;
  if (too_precise) return ErrorCode::decimal_too_precise;

  for (; fraction_digits < scale.decimals; ++fraction_digits) push_digit('0');
  if (overflow) return ErrorCode::decimal_overflow;

  const auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (negative) {
    if (mantissa > limit + 1) return ErrorCode::decimal_overflow;
    return static_cast<std::int64_t>(~mantissa + 1);
  }
  if (mantissa > limit) return ErrorCode::decimal_overflow;
  return static_cast<std::int64_t>(mantissa);
}

void append_decimal(std::string& out, std::int64_t units, Scale scale) {
  // 20 digits of uint64 plus up to 18 leading zeros when the scale exceeds the digit count.
  char digits[40];
  std::size_t count = 0;
  std::uint64_t value = magnitude(units);
  do {
    digits[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (count < static_cast<std::size_t>(scale.decimals) + 1) digits[count++] = '0';

  if (units < 0) out.push_back('-');
  for (std::size_t i = count; i > scale.decimals; --i) out.push_back(digits[i - 1]);
  if (scale.decimals == 0) return;
  out.push_back('.');
  for (std::size_t i = scale.decimals; i > 0; --i) out.push_back(digits[i - 1]);
}

std::string format_decimal(std::int64_t units, Scale scale) {
  std::string out;
  out.reserve(24);
  append_decimal(out, units, scale);
  return out;
}

std::string format_decimal_trimmed(std::int64_t units, Scale scale) {
  std::string out = format_decimal(units, scale);
  if (scale.decimals == 0) return out;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

}  // namespace mockex::core
