#pragma once
// What MarketData answers: plain values with fixed-point fields at the symbol's scales (prices at
// the price scale, base quantities at the qty scale, quote amounts at the quote asset's scale) and
// times in Unix milliseconds. JSON rendering is the dialect's job.
//
// Rounding, everywhere a value is not exact at its scale: half to even (banker's rounding). That
// applies to quote amounts (price * qty at the quote scale), weighted averages (at the price scale)
// and percentages (at 3 decimals, Binance's "-95.960"). Sums are kept exact (128-bit, at the
// price scale + qty scale) and rounded once on the way out.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"

namespace mockex::marketdata {

// The scales of one symbol, from the venue's instrument and quote asset.
struct SymbolScales {
  core::Scale price{8};
  core::Scale qty{8};
  core::Scale quote{8};
};

// A percentage with 3 decimals: units 1234 is "1.234" (%). See format_percent.
struct Percent {
  static constexpr core::Scale kScale{3};
  std::int64_t units = 0;
  friend constexpr auto operator<=>(const Percent&, const Percent&) = default;
};

// /trades, /historicalTrades, @trade. isBestMatch is always true.
struct Trade {
  core::TradeId id;
  core::Price price;
  core::Qty qty;
  core::Amount quote_qty;  // price * qty at the quote scale
  std::int64_t time_ms = 0;
  bool buyer_is_maker = false;
};

// /aggTrades, @aggTrade: consecutive trades at one price, one taker side and one millisecond.
struct AggTrade {
  std::uint64_t id = 0;  // "a": 1, 2, ... per symbol
  core::Price price;
  core::Qty qty;  // the sum of the trades' quantities
  core::TradeId first_id;
  core::TradeId last_id;
  std::int64_t time_ms = 0;  // "T": the trades' time
  bool buyer_is_maker = false;
};

// One kline bucket. A bucket without trades (after the symbol's first trade) carries the previous
// close as open/high/low/close, zero volumes and count, and invalid (0) first/last ids, which
// Binance prints as -1.
struct Kline {
  std::int64_t open_time_ms = 0;
  std::int64_t close_time_ms = 0;  // the next bucket's open time - 1
  core::Price open;
  core::Price high;
  core::Price low;
  core::Price close;
  core::Qty volume;
  core::Amount quote_volume;
  std::uint64_t trades = 0;
  core::Qty taker_buy_volume;  // trades whose buyer was the taker
  core::Amount taker_buy_quote_volume;
  core::TradeId first_id;
  core::TradeId last_id;
  // "x": the bucket has ended (close_time < now); the bucket containing `now` is open.
  bool is_closed = false;
};

// A rolling-window ticker (24hr FULL/MINI, /ticker?windowSize, @ticker, @miniTicker, @ticker_<w>).
// With no trade in the window: open/high/low/last/weighted average are the last price before it,
// volumes, count and change are zero, and first/last ids are invalid (printed as -1).
struct Ticker {
  core::Price price_change;        // last - open
  Percent price_change_percent;    // (last - open) / open * 100
  core::Price weighted_avg_price;  // quote volume / volume
  core::Price prev_close_price;    // the last price before the window; 0 when none is known
  core::Price last_price;
  core::Qty last_qty;
  core::Price open_price;
  core::Price high_price;
  core::Price low_price;
  core::Qty volume;
  core::Amount quote_volume;
  std::int64_t open_time_ms = 0;   // the window's start (a minute boundary, see MarketData)
  std::int64_t close_time_ms = 0;  // `now`
  core::TradeId first_id;
  core::TradeId last_id;
  std::uint64_t count = 0;
};

// /avgPrice and @avgPrice.
struct AvgPrice {
  int mins = 5;
  core::Price price;
  std::int64_t close_time_ms = 0;  // the last trade's time ("closeTime" and "T")
};

// /aggTrades parameters; unset fields are absent. The dialect checks Binance's own rules
// (endTime - startTime <= 1 h, limit 1..1000) before asking.
struct AggTradeQuery {
  std::optional<std::uint64_t> from_id{};
  std::optional<std::int64_t> start_time_ms{};
  std::optional<std::int64_t> end_time_ms{};
  std::size_t limit = 500;
};

// /klines parameters; unset fields are absent.
struct KlineQuery {
  static constexpr std::size_t kMaxLimit = 1000;  // larger limits are clamped to it
  std::optional<std::int64_t> start_time_ms{};
  std::optional<std::int64_t> end_time_ms{};
  std::size_t limit = 500;
  // Binance's timeZone (see parse_time_zone): intervals are read in it; times stay UTC.
  std::chrono::minutes time_zone{0};
};

}  // namespace mockex::marketdata
