#pragma once
// The market-stream payloads of spec §10.4, rendered once per event as JSON text with Binance's
// field order. Pure: every value arrives as an argument (event time included).

#include "rest_context.hpp"

#include <mockex/book/types.hpp>
#include <mockex/marketdata/records.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mockex::dialect::binance {

// What every payload of one symbol needs: its name as payloads carry it and its scales.
struct SymbolView {
  std::string_view symbol;  // upper case
  Scales scales;
};

// A price level change of a diff-depth event: price and the level's new quantity (0: removed).
using LevelQty = std::pair<core::Price, core::Qty>;

std::string trade_payload(const SymbolView& s, const marketdata::Trade& trade, std::int64_t event_ms);
std::string agg_trade_payload(const SymbolView& s, const marketdata::AggTrade& agg,
                              std::int64_t event_ms);
// bids best (highest) first and asks best (lowest) first, as Binance orders them.
std::string depth_update_payload(const SymbolView& s, std::uint64_t first_id, std::uint64_t last_id,
                                 const std::vector<LevelQty>& bids,
                                 const std::vector<LevelQty>& asks, std::int64_t event_ms);
std::string partial_depth_payload(const SymbolView& s, const book::DepthSnapshot& depth);
std::string book_ticker_payload(const SymbolView& s, const book::TopOfBook& top);
std::string kline_payload(const SymbolView& s, std::string_view interval,
                          const marketdata::Kline& kline, std::int64_t event_ms);
std::string mini_ticker_payload(const SymbolView& s, const marketdata::Ticker& ticker,
                                std::int64_t event_ms);
// @ticker: the 24hr ticker with the book's best bid and ask.
std::string ticker_payload(const SymbolView& s, const marketdata::Ticker& ticker,
                           const book::TopOfBook& top, std::int64_t event_ms);
// @ticker_<1h|4h|1d>: event type "1hTicker", ...
std::string window_ticker_payload(const SymbolView& s, std::string_view window,
                                  const marketdata::Ticker& ticker, std::int64_t event_ms);
std::string avg_price_payload(const SymbolView& s, const marketdata::AvgPrice& avg,
                              std::int64_t event_ms);
// {"e":"serverShutdown","E":ms}: sent before the server ends a connection it planned to end.
std::string server_shutdown_payload(std::int64_t event_ms);

// {"stream":"<name>","data":<payload>}
std::string combined_frame(std::string_view stream, std::string_view payload);
// "[p1,p2,...]" of already rendered payloads (the all-market array streams).
std::string array_of(const std::vector<std::string>& payloads);

}  // namespace mockex::dialect::binance
