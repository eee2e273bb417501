#include "mockex/marketdata/interval.hpp"

#include <charconv>

namespace mockex::marketdata {
namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
// 1970-01-01 was a Thursday; weeks open on Monday, three days later in the cycle.
constexpr std::int64_t kWeekShift = 3 * kDay;

constexpr std::array<std::string_view, kIntervalCount> kNames{"1s", "1m", "3m", "5m", "15m", "30m",
                                                              "1h", "2h", "4h", "6h", "8h",  "12h",
                                                              "1d", "3d", "1w", "1M"};

constexpr std::array<std::int64_t, kIntervalCount> kLengths{
    kSecond,   kMinute,   3 * kMinute, 5 * kMinute, 15 * kMinute, 30 * kMinute, kHour,    2 * kHour,
    4 * kHour, 6 * kHour, 8 * kHour,   12 * kHour,  kDay,         3 * kDay,     7 * kDay, 0};

std::int64_t floor_to(std::int64_t ms, std::int64_t length) {
  std::int64_t q = ms / length;
  if (ms % length < 0) --q;
  return q * length;
}

std::int64_t month_open(std::int64_t ms, int month_offset) {
  using namespace std::chrono;
  const auto day = floor<days>(sys_time<milliseconds>{milliseconds{ms}});
  const year_month_day ymd{day};
  const year_month first = year_month{ymd.year(), ymd.month()} + months{month_offset};
  const sys_days open{first / 1};
  return duration_cast<milliseconds>(open.time_since_epoch()).count();
}

}  // namespace

std::optional<Interval> parse_interval(std::string_view text) {
  for (std::size_t i = 0; i < kIntervalCount; ++i) {
    if (kNames[i] == text) return kAllIntervals[i];
  }
  return std::nullopt;
}

std::string_view to_string(Interval interval) { return kNames[index_of(interval)]; }

std::int64_t bucket_open(Interval interval, std::int64_t ms) {
  if (interval == Interval::mo1) return month_open(ms, 0);
  if (interval == Interval::w1) return floor_to(ms + kWeekShift, 7 * kDay) - kWeekShift;
  return floor_to(ms, kLengths[index_of(interval)]);
}

std::int64_t next_open(Interval interval, std::int64_t open) {
  if (interval == Interval::mo1) return month_open(open, 1);
  return open + kLengths[index_of(interval)];
}

std::int64_t previous_open(Interval interval, std::int64_t open) {
  if (interval == Interval::mo1) return month_open(open, -1);
  return open - kLengths[index_of(interval)];
}

std::int64_t bucket_open(Interval interval, std::int64_t ms, std::chrono::minutes offset) {
  const std::int64_t shift = std::chrono::milliseconds{offset}.count();
  return bucket_open(interval, ms + shift) - shift;
}

std::int64_t next_open(Interval interval, std::int64_t open, std::chrono::minutes offset) {
  const std::int64_t shift = std::chrono::milliseconds{offset}.count();
  return next_open(interval, open + shift) - shift;
}

std::int64_t previous_open(Interval interval, std::int64_t open, std::chrono::minutes offset) {
  const std::int64_t shift = std::chrono::milliseconds{offset}.count();
  return previous_open(interval, open + shift) - shift;
}

std::int64_t fixed_length_ms(Interval interval) { return kLengths[index_of(interval)]; }

std::optional<std::chrono::minutes> parse_time_zone(std::string_view text) {
  int sign = 1;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    sign = text.front() == '-' ? -1 : 1;
    text.remove_prefix(1);
  }
  const auto number = [](std::string_view digits, int& out) {
    if (digits.empty() || digits.size() > 2 || digits.front() < '0' || digits.front() > '9') {
      return false;
    }
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return ec == std::errc{} && end == digits.data() + digits.size();
  };
  int hours = 0;
  int minutes = 0;
  const auto colon = text.find(':');
  if (!number(text.substr(0, colon), hours)) return std::nullopt;
  if (colon != std::string_view::npos) {
    const std::string_view rest = text.substr(colon + 1);
    if (rest.size() != 2 || !number(rest, minutes) || minutes > 59) return std::nullopt;
  }
  const int total = sign * (hours * 60 + minutes);
  if (total < -12 * 60 || total > 14 * 60) return std::nullopt;
  return std::chrono::minutes{total};
}

std::optional<std::chrono::minutes> parse_window_size(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  const char unit = text.back();
  const std::string_view digits = text.substr(0, text.size() - 1);
  int count = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (ec != std::errc{} || end != digits.data() + digits.size() || digits.front() == '0') {
    return std::nullopt;
  }
  switch (unit) {
    case 'm':
      if (count >= 1 && count <= 59) return std::chrono::minutes{count};
      break;
    case 'h':
      if (count >= 1 && count <= 23) return std::chrono::hours{count};
      break;
    case 'd':
      if (count >= 1 && count <= 7) return std::chrono::days{count};
      break;
    default:
      break;
  }
  return std::nullopt;
}

}  // namespace mockex::marketdata
