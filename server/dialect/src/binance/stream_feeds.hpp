#pragma once
// The per-stream memory the market streams need between pushes: diff-depth accumulators,
// the last bookTicker and aggregate trade sent, the open kline of each kline stream and which
// symbols the all-market arrays last reported. Pure: values in, payload text out.

#include "stream_payloads.hpp"

#include <mockex/marketdata/market_data.hpp>
#include <mockex/venue/events.hpp>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mockex::dialect::binance {

// The changes of one diff-depth interval, merged: the first and last update ids and each
// touched level's final quantity.
class DepthAccumulator {
 public:
  void add(const venue::DepthUpdate& update);
  bool empty() const { return last_id_ == 0; }
  // The depthUpdate payload of the interval, then starts the next one.
  std::string flush(const SymbolView& symbol, std::int64_t event_ms);

 private:
  std::uint64_t first_id_ = 0;
  std::uint64_t last_id_ = 0;
  std::map<core::Price, core::Qty, std::greater<>> bids_;
  std::map<core::Price, core::Qty> asks_;
};

class StreamFeeds {
 public:
  // Sized for `symbols` symbols; forgets everything.
  void reset(std::size_t symbols);

  // Diff depth at one cadence (100 or 1000 ms) of one symbol: collects while started.
  void start_depth(venue::SymbolId symbol, int update_ms);
  void stop_depth(venue::SymbolId symbol, int update_ms);
  void on_depth(const venue::DepthUpdate& update);
  // The merged event of the interval just ended, or nothing when the book did not change.
  std::optional<std::string> flush_depth(venue::SymbolId symbol, int update_ms,
                                         const SymbolView& view, std::int64_t event_ms);

  // The aggregates that are new or grew since the last call (the first call only marks where
  // the stream starts).
  std::vector<std::string> agg_trades(venue::SymbolId symbol, const marketdata::MarketData& data,
                                      const SymbolView& view, std::int64_t event_ms);
  void start_agg_trades(venue::SymbolId symbol, const marketdata::MarketData& data);

  // The bookTicker when the best bid or ask (price or quantity) differs from the last sent.
  std::optional<std::string> book_ticker(venue::SymbolId symbol, const book::TopOfBook& top,
                                         const SymbolView& view);

  // The kline pushes of one kline stream (keyed by its name): the bucket that just closed
  // (x=true) if the open one moved on, then the open one.
  std::vector<std::string> klines(const std::string& stream, venue::SymbolId symbol,
                                  marketdata::Interval interval, std::chrono::minutes zone,
                                  std::string_view interval_name,
                                  const marketdata::MarketData& data, const SymbolView& view,
                                  core::Timestamp now);
  void forget(const std::string& stream) {
    kline_open_.erase(stream);
    reported_.erase(stream);
  }

  // For an all-market array stream: whether `symbol` traded since this stream last reported it,
  // marking it reported.
  bool changed_since_report(const std::string& stream, venue::SymbolId symbol,
                            core::TradeId last_trade);

 private:
  struct Symbol {
    std::array<std::optional<DepthAccumulator>, 2> depth;  // [0]: 100 ms, [1]: 1000 ms
    std::optional<std::pair<std::uint64_t, core::TradeId>> agg_cursor;  // (id, last trade id)
    std::optional<std::array<std::int64_t, 4>> top;  // bid price, bid qty, ask price, ask qty
  };
  static std::size_t cadence(int update_ms) { return update_ms == 100 ? 0 : 1; }

  std::vector<Symbol> symbols_;
  std::map<std::string, std::int64_t> kline_open_;                    // stream -> open time sent
  std::map<std::string, std::vector<std::uint64_t>> reported_;        // stream -> last trade ids
};

}  // namespace mockex::dialect::binance
