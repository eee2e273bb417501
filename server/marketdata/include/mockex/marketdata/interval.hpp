#pragma once
// Kline intervals and rolling-window sizes, with Binance's bucket alignment. All times here are
// milliseconds since the Unix epoch, UTC.
//
// Alignment: 1s..1d and 3d are multiples of their length since the epoch (Binance's 3d klines are
// epoch-aligned); 1w opens on Monday 00:00 UTC; 1M opens on the 1st of each calendar month.

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace mockex::marketdata {

// Binance's kline intervals, in order of length; the comment is the wire name.
enum class Interval : std::uint8_t {
  s1,   // 1s
  m1,   // 1m
  m3,   // 3m
  m5,   // 5m
  m15,  // 15m
  m30,  // 30m
  h1,   // 1h
  h2,   // 2h
  h4,   // 4h
  h6,   // 6h
  h8,   // 8h
  h12,  // 12h
  d1,   // 1d
  d3,   // 3d
  w1,   // 1w
  mo1,  // 1M
};

inline constexpr std::size_t kIntervalCount = 16;
inline constexpr std::array<Interval, kIntervalCount> kAllIntervals{
    Interval::s1, Interval::m1, Interval::m3, Interval::m5, Interval::m15, Interval::m30,
    Interval::h1, Interval::h2, Interval::h4, Interval::h6, Interval::h8,  Interval::h12,
    Interval::d1, Interval::d3, Interval::w1, Interval::mo1};

constexpr std::size_t index_of(Interval interval) { return static_cast<std::size_t>(interval); }

// "1s", "1m", ..., "1M" (case-sensitive: "1m" is a minute, "1M" a month); nullopt otherwise.
std::optional<Interval> parse_interval(std::string_view text);
std::string_view to_string(Interval interval);

// Open time of the bucket that contains `ms`.
std::int64_t bucket_open(Interval interval, std::int64_t ms);
// Open time of the bucket after (before) the one opening at `open`, which must be aligned.
std::int64_t next_open(Interval interval, std::int64_t open);
std::int64_t previous_open(Interval interval, std::int64_t open);

// A kline time zone as Binance's timeZone parameter and @kline_<i>@<tz> streams take it: hours
// ("0", "8", "-3") or hours and minutes ("05:45", "-1:00", "+08:00"), in [-12:00, +14:00].
// The offset is added to UTC: "+08:00" is 480 minutes.
std::optional<std::chrono::minutes> parse_time_zone(std::string_view text);

// The same with intervals read in the time zone at `offset` (startTime/endTime stay UTC): a 1d
// bucket at +08:00 opens at 16:00 UTC.
std::int64_t bucket_open(Interval interval, std::int64_t ms, std::chrono::minutes offset);
std::int64_t next_open(Interval interval, std::int64_t open, std::chrono::minutes offset);
std::int64_t previous_open(Interval interval, std::int64_t open, std::chrono::minutes offset);

// The length of 1s..1w in ms; 0 for 1M (calendar months vary).
std::int64_t fixed_length_ms(Interval interval);

// A rolling-ticker window size as /api/v3/ticker takes it: "1m".."59m", "1h".."23h", "1d".."7d".
std::optional<std::chrono::minutes> parse_window_size(std::string_view text);

}  // namespace mockex::marketdata
