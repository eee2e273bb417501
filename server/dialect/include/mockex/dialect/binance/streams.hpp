#pragma once
// Market stream names (spec §10.4): what `btcusdt@depth@100ms` asks for, parsed once so the
// stream hub never handles strings. Matching ignores case; payloads carry upper-case symbols.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mockex::dialect::binance {

struct StreamSpec {
  enum class Kind {
    trade,             // <s>@trade
    agg_trade,         // <s>@aggTrade
    kline,             // <s>@kline_<interval>
    mini_ticker,       // <s>@miniTicker
    all_mini_tickers,  // !miniTicker@arr
    ticker,            // <s>@ticker
    window_ticker,     // <s>@ticker_<1h|4h|1d>
    all_window_tickers,// !ticker_<1h|4h|1d>@arr
    book_ticker,       // <s>@bookTicker
    avg_price,         // <s>@avgPrice
    partial_depth,     // <s>@depth<5|10|20>[@100ms]
    diff_depth,        // <s>@depth[@100ms]
  };
  Kind kind = Kind::trade;
  std::string symbol;    // upper case; empty for the all-market streams
  std::string interval;  // kline interval ("1m") or ticker window ("1h")
  std::string time_zone; // kline time zone as written after the interval ("+08:00"), or empty
  int levels = 0;        // partial depth: 5, 10 or 20
  int update_ms = 1000;  // depth streams: 1000 or 100

  // The canonical (lower-case symbol) name, as LIST_SUBSCRIPTIONS reports it.
  std::string name() const;
  friend bool operator==(const StreamSpec&, const StreamSpec&) = default;
};

// Parses a stream name; nothing when it is not one (then `/ws/<token>` is a plain connection).
std::optional<StreamSpec> parse_stream(std::string_view name);

// Kline intervals Binance accepts (spec §7.2), and their length in milliseconds (1M = 30 days
// is not fixed-length: months are handled by the kline builder; here it gives 0).
bool is_kline_interval(std::string_view interval);
std::int64_t kline_interval_ms(std::string_view interval);

}  // namespace mockex::dialect::binance
