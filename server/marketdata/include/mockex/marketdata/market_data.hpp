#pragma once
// Market-data state for one session: recent trades, aggregate trades, klines at every interval,
// rolling tickers and the 5-minute average price, per symbol, fed by the venue's PublicTrade
// events. Pure: no I/O, no clock reads (the caller passes `now`), no threads, no exceptions. Lives
// on the session's strand, so it needs no locks.
//
// Memory is bounded per symbol (see MarketDataLimits):
//  - the last `trades` trades and the last `agg_trades` aggregate trades;
//  - per kline interval, the last `klines` buckets that saw a trade; empty buckets between them
//    are synthesised on query (previous close, zero volume), so a query reaches back to the
//    oldest stored bucket and forward to the bucket containing `now`;
//  - for rolling tickers and avgPrice, the last 7 days + 1 minute of one-minute buckets.
// A bucket is 128 bytes, so with the default limits a busy symbol tops out near 3.5 MB; storage
// grows on demand, so a quiet one costs a few kB.
//
// Rolling windows (24hr, /ticker?windowSize=, @ticker_<w>, avgPrice): Binance documents that a
// rolling window opens at the start of a minute and closes at the request time, so the effective
// window is up to 59,999 ms wider than its size. We do exactly that for every window, 24hr
// included: the trades with time in [floor_minute(now - window), now]. This is exact at every
// size from 1m to 7d (no coarser buckets are used). The 5-minute avgPrice uses the same rule.
//
// Trades are expected in time order (venue time never goes backwards); a trade stamped earlier
// than the latest seen is aggregated as if at the latest time (its own record keeps its time).

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "mockex/core/ids.hpp"
#include "mockex/core/timestamp.hpp"
#include "mockex/marketdata/interval.hpp"
#include "mockex/marketdata/records.hpp"
#include "mockex/venue/events.hpp"
#include "mockex/venue/types.hpp"

namespace mockex::venue {
class Venue;
}

namespace mockex::marketdata {

struct MarketDataLimits {
  std::size_t trades = 1000;      // recent trades kept per symbol
  std::size_t agg_trades = 1000;  // aggregate trades kept per symbol
  std::size_t klines = 1000;      // buckets with trades kept per symbol and interval
};

// One-minute buckets kept for rolling windows: 7 days and the partial minute before them.
inline constexpr std::size_t kRollingMinutes = 7 * 24 * 60 + 1;
inline constexpr std::chrono::minutes kAvgPriceWindow{5};

class MarketData {
 public:
  explicit MarketData(MarketDataLimits limits = {});
  ~MarketData();
  MarketData(MarketData&&) noexcept;
  MarketData& operator=(MarketData&&) noexcept;
  MarketData(const MarketData&) = delete;
  MarketData& operator=(const MarketData&) = delete;

  // --- configuration ---

  // Registers (or re-registers, forgetting its data) a symbol with its scales.
  void add_symbol(venue::SymbolId symbol, SymbolScales scales);
  // Registers every instrument of `venue` with its price, qty and quote-asset scales.
  void add_symbols(const venue::Venue& venue);
  bool has_symbol(venue::SymbolId symbol) const;
  // Session reset: forgets every trade and aggregate; symbols stay registered.
  void reset();

  // --- input ---

  // Takes the PublicTrade events of `events`, in order; ignores every other event, and trades of
  // unregistered symbols.
  void apply(const venue::Events& events);
  void on_trade(const venue::PublicTrade& trade);

  // --- queries (an unregistered symbol answers as one without trades) ---

  // /trades: the last `limit` trades, oldest first.
  std::vector<Trade> recent_trades(venue::SymbolId symbol, std::size_t limit) const;
  // /historicalTrades: from `from_id` on (the first `limit` with id >= from_id), or the last
  // `limit` without it. Ids older than the kept ones start at the oldest kept.
  std::vector<Trade> historical_trades(venue::SymbolId symbol, std::optional<core::TradeId> from_id,
                                       std::size_t limit) const;
  std::optional<Trade> last_trade(venue::SymbolId symbol) const;

  // /aggTrades: with fromId or startTime, the first `limit` matching (id >= fromId, startTime <=
  // T <= endTime); with neither, the last `limit` matching (T <= endTime when given).
  std::vector<AggTrade> agg_trades(venue::SymbolId symbol, const AggTradeQuery& query) const;
  // The newest aggregate (possibly still growing while trades of the same ms arrive).
  std::optional<AggTrade> last_agg_trade(venue::SymbolId symbol) const;

  // /klines and /uiKlines; see the class comment for the range. With a time zone whose offset
  // moves the interval's boundaries, klines are merged from the coarsest UTC interval that nests
  // in them (1h for 1d at +08:00, 15m at +05:45), so they reach back as far as that one is kept.
  std::vector<Kline> klines(venue::SymbolId symbol, Interval interval, const KlineQuery& query,
                            core::Timestamp now) const;
  // The bucket containing `now` (is_closed false), for @kline pushes (@kline_<i>@<tz> passes the
  // time zone); none before the first trade, nor for a merged bucket whose start is no longer kept.
  std::optional<Kline> current_kline(venue::SymbolId symbol, Interval interval, core::Timestamp now,
                                     std::chrono::minutes time_zone = {}) const;
  // The bucket containing `time_ms`, e.g. the previous bucket for its final push with is_closed
  // true; none before the oldest kept bucket.
  std::optional<Kline> kline_at(venue::SymbolId symbol, Interval interval, std::int64_t time_ms,
                                core::Timestamp now, std::chrono::minutes time_zone = {}) const;

  // Rolling ticker over `window` (1 minute to 7 days; clamped); none before the first trade.
  std::optional<Ticker> ticker(venue::SymbolId symbol, std::chrono::minutes window,
                               core::Timestamp now) const;
  std::optional<Ticker> ticker_24h(venue::SymbolId symbol, core::Timestamp now) const {
    return ticker(symbol, std::chrono::hours{24}, now);
  }
  // Volume-weighted average over the last 5 minutes (same window rule); with no trade there, the
  // last price. None before the first trade.
  std::optional<AvgPrice> avg_price(venue::SymbolId symbol, core::Timestamp now) const;

 private:
  struct SymbolState;

  const SymbolState* find(venue::SymbolId symbol) const;

  MarketDataLimits limits_;
  std::vector<std::unique_ptr<SymbolState>> symbols_;  // indexed by SymbolId::value
};

}  // namespace mockex::marketdata
