#pragma once
// Scenario time: microseconds since the Unix epoch in an int64 (good for ±292,000 years).
// Durations are std::chrono::microseconds; coarser std::chrono durations (milliseconds from
// parse_duration, seconds) convert to it implicitly.

#include <chrono>
#include <compare>
#include <cstdint>
#include <limits>

namespace mockex::core {

class Timestamp {
 public:
  constexpr Timestamp() = default;  // the epoch

  static constexpr Timestamp from_micros(std::int64_t micros) { return Timestamp{micros}; }
  static constexpr Timestamp from_millis(std::int64_t millis) { return Timestamp{millis * 1000}; }
  static constexpr Timestamp max() { return Timestamp{std::numeric_limits<std::int64_t>::max()}; }

  constexpr std::int64_t micros() const { return micros_; }
  // Whole milliseconds, rounded toward negative infinity (what Binance puts in "T" and "E").
  constexpr std::int64_t millis() const {
    return micros_ >= 0 ? micros_ / 1000 : -((-micros_ + 999) / 1000);
  }

  friend constexpr auto operator<=>(const Timestamp&, const Timestamp&) = default;

  constexpr Timestamp& operator+=(std::chrono::microseconds d) {
    micros_ += d.count();
    return *this;
  }
  constexpr Timestamp& operator-=(std::chrono::microseconds d) {
    micros_ -= d.count();
    return *this;
  }
  friend constexpr Timestamp operator+(Timestamp t, std::chrono::microseconds d) { return t += d; }
  friend constexpr Timestamp operator-(Timestamp t, std::chrono::microseconds d) { return t -= d; }
  friend constexpr std::chrono::microseconds operator-(Timestamp a, Timestamp b) {
    return std::chrono::microseconds{a.micros_ - b.micros_};
  }

 private:
  constexpr explicit Timestamp(std::int64_t micros) : micros_(micros) {}

  std::int64_t micros_ = 0;
};

}  // namespace mockex::core
