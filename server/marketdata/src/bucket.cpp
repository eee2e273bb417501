#include "bucket.hpp"

#include <limits>

namespace mockex::marketdata::detail {

std::int64_t saturate(core::Int128 value) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  if (value > kMax) return kMax;
  if (value < kMin) return kMin;
  return static_cast<std::int64_t>(value);
}

namespace {

std::int64_t rounded(core::Int128 numerator, core::Int128 denominator) {
  const auto quotient = core::divide(numerator, denominator, core::Rounding::half_even);
  if (quotient) return *quotient;
  // Only overflow is possible here (denominators are non-zero): saturate.
  return (numerator < 0) != (denominator < 0) ? std::numeric_limits<std::int64_t>::min()
                                              : std::numeric_limits<std::int64_t>::max();
}

}  // namespace

core::Amount to_quote(core::Int128 exact, const SymbolScales& scales) {
  const int from = scales.price.decimals + scales.qty.decimals;
  const int to = scales.quote.decimals;
  if (from >= to)
    return core::Amount{rounded(exact, core::pow10_128(static_cast<unsigned>(from - to)))};
  return core::Amount{saturate(exact * core::pow10_128(static_cast<unsigned>(to - from)))};
}

core::Price weighted_average(core::Int128 quote, core::Int128 volume, core::Price fallback) {
  if (volume == 0) return fallback;
  return core::Price{rounded(quote, volume)};
}

Percent change_percent(core::Price open, core::Price last) {
  if (open.is_zero()) return Percent{};
  const core::Int128 change = core::Int128{last.units()} - open.units();
  return Percent{rounded(change * 100 * 1000, open.units())};
}

Kline to_kline(const Bucket& bucket, const SymbolScales& scales, std::int64_t now_ms) {
  Kline kline;
  kline.open_time_ms = bucket.open_ms;
  kline.close_time_ms = bucket.next_ms - 1;
  kline.open = bucket.open;
  kline.high = bucket.high;
  kline.low = bucket.low;
  kline.close = bucket.close;
  kline.volume = core::Qty{bucket.volume};
  kline.quote_volume = to_quote(bucket.quote, scales);
  kline.trades = bucket.count;
  kline.taker_buy_volume = core::Qty{bucket.taker_buy_volume};
  kline.taker_buy_quote_volume = to_quote(bucket.taker_buy_quote, scales);
  kline.first_id = bucket.first_id;
  kline.last_id = bucket.last_id;
  kline.is_closed = kline.close_time_ms < now_ms;
  return kline;
}

Kline empty_kline(std::int64_t open_ms, std::int64_t next_ms, core::Price previous_close,
                  std::int64_t now_ms) {
  Kline kline;
  kline.open_time_ms = open_ms;
  kline.close_time_ms = next_ms - 1;
  kline.open = kline.high = kline.low = kline.close = previous_close;
  kline.is_closed = kline.close_time_ms < now_ms;
  return kline;
}

}  // namespace mockex::marketdata::detail
