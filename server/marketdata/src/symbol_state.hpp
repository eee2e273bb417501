#pragma once
// Private: everything MarketData keeps for one symbol.

#include <optional>
#include <vector>

#include "kline_series.hpp"
#include "mockex/marketdata/market_data.hpp"
#include "mockex/marketdata/ring.hpp"

namespace mockex::marketdata {

struct MarketData::SymbolState {
  SymbolState(SymbolScales symbol_scales, const MarketDataLimits& limits)
      : scales(symbol_scales),
        trades(limits.trades),
        aggs(limits.agg_trades),
        minutes(Interval::m1, kRollingMinutes) {
    klines.reserve(kIntervalCount);
    for (Interval interval : kAllIntervals) klines.emplace_back(interval, limits.klines);
  }

  void clear() {
    trades.clear();
    aggs.clear();
    next_agg_id = 1;
    for (auto& series : klines) series.clear();
    minutes.clear();
    last.reset();
    latest_ms = 0;
  }

  SymbolScales scales;
  Ring<Trade> trades;
  Ring<AggTrade> aggs;
  std::uint64_t next_agg_id = 1;
  std::vector<detail::KlineSeries> klines;  // indexed by index_of(Interval)
  detail::KlineSeries minutes;              // rolling windows and avgPrice
  std::optional<Trade> last;
  std::int64_t latest_ms = 0;  // the latest trade time seen, for aggregation order
};

}  // namespace mockex::marketdata
