#pragma once
// Fixed-point decimal values: Price, Qty and Amount hold only an int64 mantissa ("units"). The
// scale (number of decimals) belongs to the instrument or asset, not to each value, so that the
// book compares and adds plain integers. With scale 8, Qty{100000} is 0.00100000.
//
// Operators are unchecked: callers keep values within range (the book checks level totals, the
// venue checks balances with the checked helpers in arithmetic.hpp). Mixing kinds (price * qty)
// goes through arithmetic.hpp, never through these operators.

#include <compare>
#include <cstdint>

namespace mockex::core {

// Decimals after the point, 0..kMaxScale. 10^18 is the largest power of ten in int64.
struct Scale {
  std::uint8_t decimals = 0;

  friend constexpr bool operator==(const Scale&, const Scale&) = default;
};

inline constexpr std::uint8_t kMaxScale = 18;

template <class Tag>
class Fixed {
 public:
  using Rep = std::int64_t;

  constexpr Fixed() = default;
  constexpr explicit Fixed(Rep units) : units_(units) {}

  // The mantissa, in units of 10^-scale.
  constexpr Rep units() const { return units_; }
  constexpr bool is_zero() const { return units_ == 0; }
  constexpr bool is_positive() const { return units_ > 0; }

  friend constexpr auto operator<=>(const Fixed&, const Fixed&) = default;

  constexpr Fixed& operator+=(Fixed other) {
    units_ += other.units_;
    return *this;
  }
  constexpr Fixed& operator-=(Fixed other) {
    units_ -= other.units_;
    return *this;
  }
  friend constexpr Fixed operator+(Fixed a, Fixed b) { return a += b; }
  friend constexpr Fixed operator-(Fixed a, Fixed b) { return a -= b; }
  constexpr Fixed operator-() const { return Fixed{-units_}; }

 private:
  Rep units_ = 0;
};

struct PriceTag {};
struct QtyTag {};
struct AmountTag {};

// Price of one unit of base, at the instrument's price scale.
using Price = Fixed<PriceTag>;
// Base-asset quantity, at the instrument's quantity scale.
using Qty = Fixed<QtyTag>;
// An amount of one asset (a quote notional, a balance, a commission), at that asset's scale.
using Amount = Fixed<AmountTag>;

}  // namespace mockex::core
