#pragma once
// Private: the exact running sums of one time bucket, and the rounding that turns them into
// Binance's numbers (half to even, see records.hpp).

#include <cstdint>

#include "mockex/core/arithmetic.hpp"
#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"
#include "mockex/marketdata/records.hpp"

namespace mockex::marketdata::detail {

// One trade as the aggregates see it. `notional` is price.units * qty.units: exact, at the price
// scale + qty scale.
struct TradeView {
  core::TradeId id;
  core::Price price;
  core::Qty qty;
  core::Int128 notional = 0;
  std::int64_t time_ms = 0;
  bool buyer_is_maker = false;
};

// The 128-bit sums come first so that the struct packs into 128 bytes.
struct Bucket {
  core::Int128 quote = 0;  // exact, at price scale + qty scale
  core::Int128 taker_buy_quote = 0;
  std::int64_t open_ms = 0;
  std::int64_t next_ms = 0;  // the next bucket's open time
  core::Price open;
  core::Price high;
  core::Price low;
  core::Price close;
  core::Qty last_qty;       // the qty of the trade that set `close`
  std::int64_t volume = 0;  // qty units
  std::int64_t taker_buy_volume = 0;
  std::uint64_t count = 0;
  core::TradeId first_id;
  core::TradeId last_id;
};

// market_data.hpp quotes this size in its memory bound.
static_assert(sizeof(Bucket) <= 128);

inline Bucket start_bucket(std::int64_t open_ms, std::int64_t next_ms, const TradeView& trade) {
  Bucket bucket;
  bucket.open_ms = open_ms;
  bucket.next_ms = next_ms;
  bucket.open = bucket.high = bucket.low = bucket.close = trade.price;
  bucket.first_id = trade.id;
  return bucket;
}

inline void add_trade(Bucket& bucket, const TradeView& trade) {
  if (trade.price > bucket.high) bucket.high = trade.price;
  if (trade.price < bucket.low) bucket.low = trade.price;
  bucket.close = trade.price;
  bucket.last_qty = trade.qty;
  bucket.volume += trade.qty.units();
  bucket.quote += trade.notional;
  if (!trade.buyer_is_maker) {
    bucket.taker_buy_volume += trade.qty.units();
    bucket.taker_buy_quote += trade.notional;
  }
  ++bucket.count;
  bucket.last_id = trade.id;
}

// The int64 nearest to `value` (sums over many buckets are kept in 128 bits).
std::int64_t saturate(core::Int128 value);
// An exact notional (price scale + qty scale) at the quote scale, half to even; saturates at the
// int64 range (a quote volume beyond 9.2e18 units is not a test anyone writes).
core::Amount to_quote(core::Int128 exact, const SymbolScales& scales);
// quote / volume at the price scale, half to even; zero volume gives `fallback`.
core::Price weighted_average(core::Int128 quote, core::Int128 volume, core::Price fallback);
// (last - open) / open * 100 at 3 decimals, half to even; zero open gives 0.
Percent change_percent(core::Price open, core::Price last);

Kline to_kline(const Bucket& bucket, const SymbolScales& scales, std::int64_t now_ms);
// The bucket [open_ms, next_ms) without trades, after one that closed at `previous_close`.
Kline empty_kline(std::int64_t open_ms, std::int64_t next_ms, core::Price previous_close,
                  std::int64_t now_ms);

}  // namespace mockex::marketdata::detail
