#include <mockex/dialect/binance/streams.hpp>

#include <gtest/gtest.h>

namespace mockex::dialect::binance {
namespace {

using Kind = StreamSpec::Kind;

TEST(BinanceStreams, census_stream_names_parse) {
  struct Case {
    std::string_view name;
    Kind kind;
    std::string_view symbol;
    int levels;
    int update_ms;
  };
  for (const auto& c : std::initializer_list<Case>{
           {"btcusdt@depth@100ms", Kind::diff_depth, "BTCUSDT", 0, 100},
           {"btcusdt@depth", Kind::diff_depth, "BTCUSDT", 0, 1000},
           {"btcusdt@depth5", Kind::partial_depth, "BTCUSDT", 5, 1000},
           {"btcusdt@depth5@100ms", Kind::partial_depth, "BTCUSDT", 5, 100},
           {"ethusdt@depth20", Kind::partial_depth, "ETHUSDT", 20, 1000},
           {"btcusdt@trade", Kind::trade, "BTCUSDT", 0, 1000},
           {"btcusdt@aggTrade", Kind::agg_trade, "BTCUSDT", 0, 1000},
           {"btcusdt@miniTicker", Kind::mini_ticker, "BTCUSDT", 0, 1000},
           {"btcusdt@ticker", Kind::ticker, "BTCUSDT", 0, 1000},
           {"ethusdt@bookTicker", Kind::book_ticker, "ETHUSDT", 0, 1000},
           {"btcusdt@avgPrice", Kind::avg_price, "BTCUSDT", 0, 1000},
           {"!miniTicker@arr", Kind::all_mini_tickers, "", 0, 1000},
       }) {
    auto spec = parse_stream(c.name);
    ASSERT_TRUE(spec) << c.name;
    EXPECT_EQ(spec->kind, c.kind) << c.name;
    EXPECT_EQ(spec->symbol, c.symbol) << c.name;
    EXPECT_EQ(spec->levels, c.levels) << c.name;
    EXPECT_EQ(spec->update_ms, c.update_ms) << c.name;
    EXPECT_EQ(spec->name(), c.name) << "the canonical name round-trips";
  }
}

TEST(BinanceStreams, matching_ignores_case_but_kline_months_keep_theirs) {
  auto spec = parse_stream("BTCUSDT@BOOKTICKER");
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->name(), "btcusdt@bookTicker");
  EXPECT_EQ(parse_stream("btcusdt@kline_1m")->interval, "1m");
  EXPECT_EQ(parse_stream("btcusdt@kline_1M")->interval, "1M");
  EXPECT_EQ(parse_stream("btcusdt@kline_1m@+08:00")->interval, "1m");
}

TEST(BinanceStreams, ticker_windows_parse) {
  auto one = parse_stream("btcusdt@ticker_1h");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->kind, Kind::window_ticker);
  EXPECT_EQ(one->interval, "1h");
  auto all = parse_stream("!ticker_4h@arr");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->kind, Kind::all_window_tickers);
  EXPECT_FALSE(parse_stream("btcusdt@ticker_2h"));
}

TEST(BinanceStreams, non_streams_are_not_parsed) {
  // ccxt connects to /ws/0, /ws/1, ...: those are connection counters, not streams.
  for (std::string_view name : {"0", "1", "", "btcusdt", "btcusdt@", "@trade", "btcusdt@trades",
                                "btcusdt@depth7", "btcusdt@depth@250ms", "btcusdt@kline_2m",
                                "!ticker@arr", "btc usdt@trade"}) {
    EXPECT_FALSE(parse_stream(name)) << name;
  }
}

TEST(BinanceStreams, kline_interval_lengths) {
  EXPECT_EQ(kline_interval_ms("1s"), 1000);
  EXPECT_EQ(kline_interval_ms("1m"), 60'000);
  EXPECT_EQ(kline_interval_ms("1w"), 7 * 86'400'000LL);
  EXPECT_TRUE(is_kline_interval("1M"));
  EXPECT_FALSE(is_kline_interval("2m"));
}

}  // namespace
}  // namespace mockex::dialect::binance
