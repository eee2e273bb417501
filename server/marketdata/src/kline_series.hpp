#pragma once
// Private: the buckets of one symbol at one interval. Only buckets that saw a trade are stored
// (the last `capacity` of them); the empty buckets between them are synthesised on query from the
// previous stored close. So memory is bounded by trades, not by elapsed time, and a query can
// reach back to the oldest stored bucket.
//
// A series also answers for a coarser or time-zone-shifted interval (a Shape) whose buckets are
// unions of its own: klines at +08:00 are merged from a UTC series whose buckets nest in theirs.

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include "bucket.hpp"
#include "mockex/marketdata/interval.hpp"
#include "mockex/marketdata/records.hpp"
#include "mockex/marketdata/ring.hpp"

namespace mockex::marketdata::detail {

// The buckets a query asks for: an interval read in a time zone.
struct Shape {
  Interval interval = Interval::m1;
  std::chrono::minutes offset{0};

  std::int64_t open(std::int64_t ms) const { return bucket_open(interval, ms, offset); }
  std::int64_t next(std::int64_t open) const { return next_open(interval, open, offset); }
  std::int64_t previous(std::int64_t open) const { return previous_open(interval, open, offset); }
};

// The UTC interval whose stored buckets nest in `shape`'s buckets, the coarsest such: the
// interval itself when the offset does not move its boundaries.
Interval source_interval(const Shape& shape);

class KlineSeries {
 public:
  KlineSeries(Interval interval, std::size_t capacity) : interval_(interval), buckets_(capacity) {}

  // Trades arrive in time order (the caller clamps a trade that goes back in time to the latest).
  void add(const TradeView& trade) {
    if (!buckets_.empty() && trade.time_ms < buckets_.back().next_ms) {
      add_trade(buckets_.back(), trade);
      return;
    }
    const std::int64_t open = bucket_open(interval_, trade.time_ms);
    Bucket bucket = start_bucket(open, next_open(interval_, open), trade);
    add_trade(bucket, trade);
    buckets_.push_back(bucket);
  }

  void clear() { buckets_.clear(); }
  const Ring<Bucket>& buckets() const { return buckets_; }

  // The kline of `shape` opening at `open_ms` (aligned), merged or synthesised; none before the
  // first complete one this series covers. `shape` must nest (see source_interval).
  std::optional<Kline> at(const Shape& shape, std::int64_t open_ms, std::int64_t now_ms,
                          const SymbolScales& scales) const;
  // Binance's /klines over [first covered bucket, the bucket containing `now`]: with startTime,
  // the first `limit` klines with openTime >= startTime; otherwise the last `limit` with
  // openTime <= endTime (or now); both bounds apply when both are given.
  std::vector<Kline> query(const Shape& shape, const KlineQuery& query, std::int64_t now_ms,
                           const SymbolScales& scales) const;
  // The open time of the first bucket of `shape` that this series covers entirely; requires a
  // stored bucket.
  std::int64_t first_open(const Shape& shape) const;

 private:
  Interval interval_;
  Ring<Bucket> buckets_;
};

}  // namespace mockex::marketdata::detail
