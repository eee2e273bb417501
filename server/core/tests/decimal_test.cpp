#include "mockex/core/decimal.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace mockex::core {
namespace {

constexpr Scale k8{8};
constexpr Scale k2{2};
constexpr Scale k0{0};

std::int64_t parsed(std::string_view text, Scale scale, Sign sign = Sign::non_negative) {
  auto result = parse_decimal(text, scale, sign);
  EXPECT_TRUE(result.ok()) << text << ": " << name(result.error());
  return result.value_or(-999);
}

ErrorCode rejection(std::string_view text, Scale scale, Sign sign = Sign::non_negative) {
  return parse_decimal(text, scale, sign).error();
}

TEST(Decimal, parses_binance_style_eight_decimal_strings_exactly) {
  EXPECT_EQ(parsed("0.00100000", k8), 100'000);
  EXPECT_EQ(parsed("0.1", k8), 10'000'000);
  EXPECT_EQ(parsed("1", k8), 100'000'000);
  EXPECT_EQ(parsed("1000000.00000000", k8), 100'000'000'000'000);
  EXPECT_EQ(parsed("0.00000001", k8), 1);
  EXPECT_EQ(parsed("0", k8), 0);
  EXPECT_EQ(parsed("007.50", k2), 750);
}

TEST(Decimal, trailing_zeros_beyond_scale_are_exact_and_accepted) {
  EXPECT_EQ(parsed("1.2300000000", k2), 123);
  EXPECT_EQ(parsed("5.000", k0), 5);
}

TEST(Decimal, nonzero_digit_beyond_scale_is_too_precise) {
  EXPECT_EQ(rejection("0.000000001", k8), ErrorCode::decimal_too_precise);
  EXPECT_EQ(rejection("1.234", k2), ErrorCode::decimal_too_precise);
  EXPECT_EQ(rejection("1.5", k0), ErrorCode::decimal_too_precise);
  EXPECT_EQ(rejection("1.0000000010", k8), ErrorCode::decimal_too_precise);
}

TEST(Decimal, junk_is_malformed_or_empty) {
  EXPECT_EQ(rejection("", k8), ErrorCode::decimal_empty);
  for (const char* junk : {".", ".5", "5.", "+1", "1e5", " 1", "1 ", "1.2.3", "abc", "1,5", "--1",
                           "-", "0x10", "1_000", "١"}) {
    EXPECT_EQ(rejection(junk, k8), ErrorCode::decimal_malformed) << junk;
  }
}

TEST(Decimal, negative_only_where_allowed) {
  EXPECT_EQ(rejection("-1", k8), ErrorCode::decimal_negative);
  EXPECT_EQ(parsed("-1.5", k2, Sign::any), -150);
  EXPECT_EQ(parsed("-0", k2, Sign::any), 0);
}

TEST(Decimal, overflow_is_reported_at_the_int64_boundary) {
  EXPECT_EQ(parsed("9223372036854775807", k0), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(rejection("9223372036854775808", k0), ErrorCode::decimal_overflow);
  EXPECT_EQ(parsed("-9223372036854775808", k0, Sign::any),
            std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(rejection("-9223372036854775809", k0, Sign::any), ErrorCode::decimal_overflow);
  EXPECT_EQ(parsed("92233720368.54775807", k8), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(rejection("92233720368.54775808", k8), ErrorCode::decimal_overflow);
  // Scaling up overflows even when the digits themselves fit.
  EXPECT_EQ(rejection("100000000000", k8), ErrorCode::decimal_overflow);
  EXPECT_EQ(rejection("123456789012345678901234567890", k0), ErrorCode::decimal_overflow);
}

TEST(Decimal, scale_above_eighteen_is_rejected) {
  EXPECT_EQ(rejection("1", Scale{19}), ErrorCode::invalid_scale);
}

TEST(Decimal, typed_parsers_wrap_the_mantissa) {
  EXPECT_EQ(parse_price("101.25", k2).value(), Price{10'125});
  EXPECT_EQ(parse_qty("0.001", k8).value(), Qty{100'000});
  EXPECT_EQ(parse_amount("-3.5", k2).value(), Amount{-350});
  EXPECT_EQ(parse_qty("-1", k8).error(), ErrorCode::decimal_negative);
}

TEST(Decimal, formats_with_exactly_scale_decimals) {
  EXPECT_EQ(format_decimal(100'000, k8), "0.00100000");
  EXPECT_EQ(format_decimal(0, k8), "0.00000000");
  EXPECT_EQ(format_decimal(1, k8), "0.00000001");
  EXPECT_EQ(format_decimal(123'456'789, k8), "1.23456789");
  EXPECT_EQ(format_decimal(5, k0), "5");
  EXPECT_EQ(format_decimal(-150, k2), "-1.50");
  EXPECT_EQ(format_decimal(-5, k2), "-0.05");
  EXPECT_EQ(format_decimal(std::numeric_limits<std::int64_t>::max(), k8), "92233720368.54775807");
  EXPECT_EQ(format_decimal(std::numeric_limits<std::int64_t>::min(), k0), "-9223372036854775808");
  EXPECT_EQ(format_decimal(1, Scale{18}), "0.000000000000000001");
  EXPECT_EQ(to_string(Price{10'125}, k2), "101.25");
}

TEST(Decimal, trimmed_format_drops_trailing_zeros) {
  EXPECT_EQ(format_decimal_trimmed(100'000, k8), "0.001");
  EXPECT_EQ(format_decimal_trimmed(500, k2), "5");
  EXPECT_EQ(format_decimal_trimmed(0, k8), "0");
  EXPECT_EQ(format_decimal_trimmed(-150, k2), "-1.5");
  EXPECT_EQ(format_decimal_trimmed(120, k0), "120");
}

TEST(Decimal, format_then_parse_round_trips) {
  for (std::int64_t units : {std::int64_t{0}, std::int64_t{1}, std::int64_t{99}, std::int64_t{100},
                             std::int64_t{123'456'789}, std::numeric_limits<std::int64_t>::max()}) {
    for (std::uint8_t decimals : {0, 2, 8, 18}) {
      const Scale scale{decimals};
      EXPECT_EQ(parsed(format_decimal(units, scale), scale), units);
      EXPECT_EQ(parsed(format_decimal_trimmed(units, scale), scale), units);
    }
  }
}

}  // namespace
}  // namespace mockex::core
