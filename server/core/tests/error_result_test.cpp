#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "mockex/core/error.hpp"
#include "mockex/core/result.hpp"

namespace mockex::core {
namespace {

Result<int> half(int value) {
  if (value % 2 != 0) return ErrorCode::inexact;
  return value / 2;
}

Status require_positive(int value) {
  if (value <= 0) return ErrorCode::book_invalid_quantity;
  return {};
}

TEST(Result, holds_value_or_error) {
  const auto good = half(8);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  EXPECT_EQ(good.error(), ErrorCode::ok);

  const auto bad = half(7);
  EXPECT_FALSE(bad.ok());
  EXPECT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(bad.error(), ErrorCode::inexact);
  EXPECT_EQ(bad.value_or(-1), -1);
}

TEST(Result, moves_out_non_copyable_values) {
  Result<std::unique_ptr<int>> result{std::make_unique<int>(5)};
  std::unique_ptr<int> owned = std::move(result).value();
  EXPECT_EQ(*owned, 5);
}

TEST(Result, status_is_ok_by_default) {
  EXPECT_TRUE(require_positive(1).ok());
  EXPECT_EQ(require_positive(0).error(), ErrorCode::book_invalid_quantity);
}

TEST(ErrorCode, ranges_follow_the_thousands_digit) {
  EXPECT_EQ(range_of(ErrorCode::ok), ErrorRange::ok);
  EXPECT_EQ(range_of(ErrorCode::decimal_malformed), ErrorRange::core);
  EXPECT_EQ(range_of(ErrorCode::scheduler_full), ErrorRange::core);
  EXPECT_EQ(range_of(ErrorCode::book_would_take), ErrorRange::book);
  EXPECT_EQ(range_of(ErrorCode::filter_lot_size), ErrorRange::venue);
  EXPECT_EQ(range_of(ErrorCode::account_insufficient_balance), ErrorRange::account);
  EXPECT_EQ(range_of(static_cast<ErrorCode>(5001)), ErrorRange::fault);
  EXPECT_EQ(range_of(static_cast<ErrorCode>(9001)), ErrorRange::unknown);
}

TEST(ErrorCode, every_listed_code_has_a_name_and_description) {
  for (int value = 0; value < 10'000; ++value) {
    const auto code = static_cast<ErrorCode>(value);
    if (name(code) == "unknown_error") continue;
    EXPECT_FALSE(describe(code).empty()) << value;
    EXPECT_NE(describe(code), "unknown error") << value;
  }
  EXPECT_EQ(name(ErrorCode::book_would_take), "book_would_take");
  EXPECT_EQ(describe(ErrorCode::filter_lot_size), "Filter failure: LOT_SIZE");
  EXPECT_EQ(name(static_cast<ErrorCode>(1999)), "unknown_error");
  EXPECT_EQ(name(ErrorRange::book), "book");
}

}  // namespace
}  // namespace mockex::core
