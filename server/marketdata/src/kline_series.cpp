#include "kline_series.hpp"

#include <algorithm>
#include <array>

namespace mockex::marketdata::detail {
namespace {

// Adds `from`, the next bucket in time, into `into`.
void merge(Bucket& into, const Bucket& from) {
  into.high = std::max(into.high, from.high);
  into.low = std::min(into.low, from.low);
  into.close = from.close;
  into.last_qty = from.last_qty;
  into.volume += from.volume;
  into.taker_buy_volume += from.taker_buy_volume;
  into.quote += from.quote;
  into.taker_buy_quote += from.taker_buy_quote;
  into.count += from.count;
  into.last_id = from.last_id;
}

}  // namespace

Interval source_interval(const Shape& shape) {
  constexpr std::int64_t kDayMs = 24 * 60 * 60 * 1000;
  const std::int64_t offset_ms = std::chrono::milliseconds{shape.offset}.count();
  const std::int64_t length = fixed_length_ms(shape.interval);
  if (offset_ms == 0 || (length != 0 && length <= kDayMs && offset_ms % length == 0)) {
    return shape.interval;
  }
  // 1d and longer (3d, 1w, 1M) open at local midnights: a UTC interval nests when it divides a
  // day and the offset. 1s divides every offset, so the search always ends.
  const std::int64_t span = (length == 0 || length > kDayMs) ? kDayMs : length;
  constexpr std::array<Interval, 13> kFinerFirst{
      Interval::d1, Interval::h12, Interval::h8,  Interval::h6,  Interval::h4,
      Interval::h2, Interval::h1,  Interval::m30, Interval::m15, Interval::m5,
      Interval::m3, Interval::m1,  Interval::s1};
  for (Interval candidate : kFinerFirst) {
    const std::int64_t step = fixed_length_ms(candidate);
    if (span % step == 0 && offset_ms % step == 0) return candidate;
  }
  return Interval::s1;
}

std::int64_t KlineSeries::first_open(const Shape& shape) const {
  const std::int64_t oldest = buckets_[0].open_ms;
  const std::int64_t open = shape.open(oldest);
  // A ring that never dropped a bucket holds the symbol's first trade: its bucket is complete.
  if (open == oldest || buckets_.size() < buckets_.capacity()) return open;
  return shape.next(open);
}

std::optional<Kline> KlineSeries::at(const Shape& shape, std::int64_t open_ms, std::int64_t now_ms,
                                     const SymbolScales& scales) const {
  if (buckets_.empty() || open_ms < first_open(shape)) return std::nullopt;
  const std::int64_t next_ms = shape.next(open_ms);
  std::size_t index = buckets_.lower_bound(
      open_ms, [](const Bucket& b, std::int64_t key) { return b.open_ms < key; });
  if (index < buckets_.size() && buckets_[index].open_ms < next_ms) {
    Bucket merged = buckets_[index];
    merged.open_ms = open_ms;
    merged.next_ms = next_ms;
    for (++index; index < buckets_.size() && buckets_[index].open_ms < next_ms; ++index) {
      merge(merged, buckets_[index]);
    }
    return to_kline(merged, scales, now_ms);
  }
  if (index == 0) return std::nullopt;  // not reachable past first_open; kept for safety
  return empty_kline(open_ms, next_ms, buckets_[index - 1].close, now_ms);
}

std::vector<Kline> KlineSeries::query(const Shape& shape, const KlineQuery& query,
                                      std::int64_t now_ms, const SymbolScales& scales) const {
  std::vector<Kline> out;
  if (buckets_.empty() || query.limit == 0) return out;
  std::int64_t lo = first_open(shape);
  std::int64_t hi = std::max(shape.open(now_ms), shape.open(buckets_.back().open_ms));
  if (query.start_time_ms) {
    const std::int64_t open = shape.open(*query.start_time_ms);
    lo = std::max(lo, open == *query.start_time_ms ? open : shape.next(open));
  }
  if (query.end_time_ms) hi = std::min(hi, shape.open(*query.end_time_ms));
  if (lo > hi) return out;
  const std::size_t limit = std::min(query.limit, KlineQuery::kMaxLimit);
  out.reserve(limit);
  if (query.start_time_ms) {
    for (std::int64_t open = lo; open <= hi && out.size() < limit; open = shape.next(open)) {
      if (auto kline = at(shape, open, now_ms, scales)) out.push_back(*kline);
    }
    return out;
  }
  for (std::int64_t open = hi; open >= lo && out.size() < limit; open = shape.previous(open)) {
    if (auto kline = at(shape, open, now_ms, scales)) out.push_back(*kline);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace mockex::marketdata::detail
