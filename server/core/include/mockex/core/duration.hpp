#pragma once
// Durations as people write them in config and scenario files: "250ms", "5s", "2m", "1h", "1.5s",
// and a bare "0". Parsing is exact (integer arithmetic, no double round trip) and only whole
// milliseconds are accepted, so what is written is what runs. Pure: no I/O.

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace mockex::core {

// The result of parse_duration: a value, or a message saying what is wrong with the text.
struct ParsedDuration {
  std::optional<std::chrono::milliseconds> value;
  std::string error;  // empty when `value` is set

  explicit operator bool() const { return value.has_value(); }
};

// The largest duration parse_duration accepts: what still converts to std::chrono::microseconds
// (scenario time) without overflow, about 292,000 years.
inline constexpr std::chrono::milliseconds kMaxDuration{
    std::chrono::microseconds::max().count() / 1000};

namespace detail {

inline ParsedDuration duration_error(std::string_view text, std::string_view why) {
  ParsedDuration result;
  result.error = "invalid duration \"";
  result.error += text;
  result.error += "\": ";
  result.error += why;
  return result;
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace detail

// Parses `<number><unit>`: the number is decimal with an optional fraction ("1.5"), the unit one of
// ms, s, m, h. A bare "0" needs no unit. Negative durations, fractions of a millisecond and values
// beyond kMaxDuration are errors.
inline ParsedDuration parse_duration(std::string_view text) {
  using detail::duration_error;
  using detail::is_digit;
  using Rep = std::chrono::milliseconds::rep;
  constexpr std::string_view units_hint = " (use ms, s, m or h)";

  if (text.empty()) return duration_error(text, "empty");
  if (text.front() == '-') return duration_error(text, "must not be negative");

  std::size_t pos = 0;
  std::uint64_t whole = 0;
  bool whole_overflow = false;
  while (pos < text.size() && is_digit(text[pos])) {
    const auto digit = static_cast<std::uint64_t>(text[pos] - '0');
    if (whole > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) whole_overflow = true;
    whole = whole * 10 + digit;
    ++pos;
  }
  const std::size_t whole_digits = pos;

  // The fraction is kept as `fraction / 10^fraction_digits`, trailing zeros dropped.
  std::uint64_t fraction = 0;
  unsigned fraction_digits = 0;
  bool fraction_too_fine = false;
  bool has_point = false;
  if (pos < text.size() && text[pos] == '.') {
    has_point = true;
    ++pos;
    const std::size_t start = pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    if (pos == start) return duration_error(text, "expected digits after the decimal point");
    std::size_t end = pos;
    while (end > start && text[end - 1] == '0') --end;
    // Nine significant decimals are more than any unit here can turn into whole milliseconds.
    if (end - start > 9) {
      fraction_too_fine = true;
    } else {
      for (std::size_t i = start; i < end; ++i) {
        fraction = fraction * 10 + static_cast<std::uint64_t>(text[i] - '0');
        ++fraction_digits;
      }
    }
  }
  if (whole_digits == 0 && !has_point) return duration_error(text, "expected a number");
  if (whole_digits == 0) return duration_error(text, "expected a digit before the decimal point");

  const std::string_view unit = text.substr(pos);
  std::uint64_t unit_ms = 0;
  if (unit == "ms") {
    unit_ms = 1;
  } else if (unit == "s") {
    unit_ms = 1'000;
  } else if (unit == "m") {
    unit_ms = 60'000;
  } else if (unit == "h") {
    unit_ms = 3'600'000;
  } else if (unit.empty()) {
    if (whole == 0 && fraction == 0 && !whole_overflow && !fraction_too_fine) {
      return ParsedDuration{std::chrono::milliseconds{0}, {}};
    }
    return duration_error(text, std::string("missing unit").append(units_hint));
  } else {
    return duration_error(text, std::string("unknown unit \"")
                                    .append(unit)
                                    .append("\"")
                                    .append(units_hint));
  }

  if (fraction_too_fine) return duration_error(text, "not a whole number of milliseconds");
  std::uint64_t scale = 1;
  for (unsigned i = 0; i < fraction_digits; ++i) scale *= 10;
  const std::uint64_t fraction_scaled = fraction * unit_ms;  // < 10^9 * 3.6e6: fits
  if (fraction_scaled % scale != 0) return duration_error(text, "not a whole number of milliseconds");
  const std::uint64_t fraction_ms = fraction_scaled / scale;

  constexpr auto max_ms = static_cast<std::uint64_t>(kMaxDuration.count());
  if (whole_overflow || whole > (max_ms - fraction_ms) / unit_ms) {
    return duration_error(text, "too large");
  }
  return ParsedDuration{std::chrono::milliseconds{static_cast<Rep>(whole * unit_ms + fraction_ms)},
                        {}};
}

// Formats with the largest unit that represents `d` exactly, so parse_duration(format_duration(d))
// gives `d` back: 0 -> "0", 90'000 ms -> "90s", 120'000 ms -> "2m", 1'500 ms -> "1500ms".
inline std::string format_duration(std::chrono::milliseconds d) {
  auto count = d.count();
  if (count == 0) return "0";
  std::string sign;
  if (count < 0) {
    if (count == std::numeric_limits<decltype(count)>::min()) return std::to_string(count) + "ms";
    sign = "-";
    count = -count;
  }
  if (count % 3'600'000 == 0) return sign + std::to_string(count / 3'600'000) + "h";
  if (count % 60'000 == 0) return sign + std::to_string(count / 60'000) + "m";
  if (count % 1'000 == 0) return sign + std::to_string(count / 1'000) + "s";
  return sign + std::to_string(count) + "ms";
}

}  // namespace mockex::core
