#include <gtest/gtest.h>

#include "mockex/core/rng.hpp"
#include "mockex/venue/venue.hpp"
#include "support.hpp"

namespace mockex::marketdata {
namespace {

using namespace testing;

std::vector<std::uint64_t> ids(const std::vector<Trade>& trades) {
  std::vector<std::uint64_t> out;
  for (const auto& t : trades) out.push_back(t.id.value());
  return out;
}

std::vector<std::uint64_t> agg_ids(const std::vector<AggTrade>& aggs) {
  std::vector<std::uint64_t> out;
  for (const auto& a : aggs) out.push_back(a.id);
  return out;
}

TEST(RecentTrades, records_price_qty_exact_quote_qty_time_and_side) {
  auto md = make_market_data();
  // 123.45 * 0.007 = 0.86415 -> 4 decimals half-even: 0.8642 (5 rounds to even 2).
  md.on_trade(trade(7, 12345, 7, kT0 + 5, true));
  const auto trades = md.recent_trades(kSym, 500);
  ASSERT_EQ(trades.size(), 1U);
  EXPECT_EQ(trades[0].id, core::TradeId{7});
  EXPECT_EQ(trades[0].price, core::Price{12345});
  EXPECT_EQ(trades[0].qty, core::Qty{7});
  EXPECT_EQ(trades[0].quote_qty, core::Amount{8642});
  EXPECT_EQ(trades[0].time_ms, kT0 + 5);
  EXPECT_TRUE(trades[0].buyer_is_maker);
}

TEST(RecentTrades, ring_keeps_only_the_newest_and_limit_takes_the_tail) {
  auto md = make_market_data(MarketDataLimits{.trades = 5, .agg_trades = 5, .klines = 10});
  for (std::uint64_t id = 1; id <= 12; ++id)
    md.on_trade(trade(id, 100, 1, kT0 + 10 * static_cast<std::int64_t>(id)));
  EXPECT_EQ(ids(md.recent_trades(kSym, 500)), (std::vector<std::uint64_t>{8, 9, 10, 11, 12}));
  EXPECT_EQ(ids(md.recent_trades(kSym, 2)), (std::vector<std::uint64_t>{11, 12}));
  EXPECT_EQ(md.last_trade(kSym)->id, core::TradeId{12});
}

TEST(HistoricalTrades, from_id_returns_the_first_limit_from_that_id_or_the_oldest_kept) {
  auto md = make_market_data(MarketDataLimits{.trades = 5, .agg_trades = 5, .klines = 10});
  for (std::uint64_t id = 1; id <= 12; ++id) md.on_trade(trade(id, 100, 1, kT0));
  EXPECT_EQ(ids(md.historical_trades(kSym, core::TradeId{9}, 2)),
            (std::vector<std::uint64_t>{9, 10}));
  EXPECT_EQ(ids(md.historical_trades(kSym, core::TradeId{1}, 2)),
            (std::vector<std::uint64_t>{8, 9}));
  EXPECT_TRUE(md.historical_trades(kSym, core::TradeId{13}, 2).empty());
  EXPECT_EQ(ids(md.historical_trades(kSym, std::nullopt, 3)),
            (std::vector<std::uint64_t>{10, 11, 12}));
}

TEST(RecentTrades, unregistered_symbols_and_other_events_are_ignored) {
  auto md = make_market_data();
  venue::Events events;
  events.emplace_back(venue::DepthUpdate{});
  auto stray = trade(1, 100, 1, kT0);
  stray.symbol = venue::SymbolId{3};
  events.emplace_back(stray);
  events.emplace_back(trade(2, 100, 1, kT0));
  md.apply(events);
  EXPECT_EQ(ids(md.recent_trades(kSym, 10)), (std::vector<std::uint64_t>{2}));
  EXPECT_FALSE(md.has_symbol(venue::SymbolId{3}));
  EXPECT_TRUE(md.recent_trades(venue::SymbolId{3}, 10).empty());
}

TEST(AggTrades, same_price_side_and_millisecond_aggregate_into_one) {
  auto md = make_market_data();
  md.on_trade(trade(1, 100, 2, kT0));
  md.on_trade(trade(2, 100, 3, kT0));
  md.on_trade(trade(3, 100, 4, kT0));
  const auto aggs = md.agg_trades(kSym, {});
  ASSERT_EQ(aggs.size(), 1U);
  EXPECT_EQ(aggs[0].id, 1U);
  EXPECT_EQ(aggs[0].price, core::Price{100});
  EXPECT_EQ(aggs[0].qty, core::Qty{9});
  EXPECT_EQ(aggs[0].first_id, core::TradeId{1});
  EXPECT_EQ(aggs[0].last_id, core::TradeId{3});
  EXPECT_EQ(aggs[0].time_ms, kT0);
  EXPECT_FALSE(aggs[0].buyer_is_maker);
}

TEST(AggTrades, a_different_price_side_or_millisecond_starts_a_new_aggregate) {
  auto md = make_market_data();
  md.on_trade(trade(1, 100, 1, kT0));
  md.on_trade(trade(2, 101, 1, kT0));            // price
  md.on_trade(trade(3, 101, 1, kT0, true));      // taker side
  md.on_trade(trade(4, 101, 1, kT0 + 1, true));  // millisecond
  md.on_trade(trade(5, 101, 1, kT0 + 1, true));  // joins 4
  md.on_trade(trade(6, 100, 1, kT0 + 1, true));  // not consecutive with 1 at the same price
  const auto aggs = md.agg_trades(kSym, {});
  ASSERT_EQ(aggs.size(), 5U);
  EXPECT_EQ(agg_ids(aggs), (std::vector<std::uint64_t>{1, 2, 3, 4, 5}));
  EXPECT_EQ(aggs[3].first_id, core::TradeId{4});
  EXPECT_EQ(aggs[3].last_id, core::TradeId{5});
  EXPECT_EQ(aggs[3].qty, core::Qty{2});
  EXPECT_EQ(md.last_agg_trade(kSym)->id, 5U);
}

TEST(AggTrades, queries_by_from_id_time_range_and_limit) {
  auto md = make_market_data();
  // Aggregates 1..10 at kT0 + 100 * i.
  for (std::uint64_t i = 1; i <= 10; ++i) {
    md.on_trade(
        trade(i, 100 + static_cast<std::int64_t>(i), 1, kT0 + 100 * static_cast<std::int64_t>(i)));
  }
  EXPECT_EQ(agg_ids(md.agg_trades(kSym, {.limit = 3})), (std::vector<std::uint64_t>{8, 9, 10}));
  EXPECT_EQ(agg_ids(md.agg_trades(kSym, {.from_id = 4, .limit = 3})),
            (std::vector<std::uint64_t>{4, 5, 6}));
  EXPECT_EQ(agg_ids(md.agg_trades(kSym, {.start_time_ms = kT0 + 250, .end_time_ms = kT0 + 500})),
            (std::vector<std::uint64_t>{3, 4, 5}));
  EXPECT_EQ(agg_ids(md.agg_trades(kSym, {.start_time_ms = kT0 + 700, .limit = 2})),
            (std::vector<std::uint64_t>{7, 8}));
  EXPECT_EQ(agg_ids(md.agg_trades(kSym, {.end_time_ms = kT0 + 300, .limit = 2})),
            (std::vector<std::uint64_t>{2, 3}));
  EXPECT_TRUE(md.agg_trades(kSym, {.start_time_ms = kT0 + 1001}).empty());
}

TEST(AggTrades, ring_is_bounded_and_ids_keep_counting) {
  auto md = make_market_data(MarketDataLimits{.trades = 10, .agg_trades = 3, .klines = 10});
  for (std::uint64_t i = 1; i <= 7; ++i)
    md.on_trade(trade(i, 100, 1, kT0 + static_cast<std::int64_t>(i)));
  EXPECT_EQ(agg_ids(md.agg_trades(kSym, {})), (std::vector<std::uint64_t>{5, 6, 7}));
  EXPECT_EQ(agg_ids(md.agg_trades(kSym, {.from_id = 1, .limit = 2})),
            (std::vector<std::uint64_t>{5, 6}));
}

TEST(MarketData, reset_forgets_trades_and_restarts_agg_ids_but_keeps_symbols) {
  auto md = make_market_data();
  md.on_trade(trade(1, 100, 1, kT0));
  md.on_trade(trade(2, 101, 1, kT0 + 1));
  md.reset();
  EXPECT_TRUE(md.has_symbol(kSym));
  EXPECT_TRUE(md.recent_trades(kSym, 10).empty());
  EXPECT_TRUE(md.agg_trades(kSym, {}).empty());
  EXPECT_FALSE(md.last_trade(kSym));
  EXPECT_FALSE(md.ticker_24h(kSym, at_ms(kT0 + 5)));
  EXPECT_FALSE(md.current_kline(kSym, Interval::m1, at_ms(kT0 + 5)));
  md.on_trade(trade(3, 102, 1, kT0 + 2));
  EXPECT_EQ(md.last_agg_trade(kSym)->id, 1U);
  EXPECT_EQ(md.klines(kSym, Interval::m1, {}, at_ms(kT0 + 5)).size(), 1U);
}

TEST(MarketData, add_symbols_takes_price_qty_and_quote_asset_scales_from_the_venue) {
  venue::Venue v(core::Rng(1));
  ASSERT_FALSE(v.add_asset(venue::AssetSpec{"BTC", core::Scale{8}}));
  ASSERT_FALSE(v.add_asset(venue::AssetSpec{"USDT", core::Scale{6}}));
  venue::InstrumentSpec spec;
  spec.symbol = "BTCUSDT";
  spec.base_asset = "BTC";
  spec.quote_asset = "USDT";
  spec.price_scale = core::Scale{2};
  spec.qty_scale = core::Scale{5};
  ASSERT_FALSE(v.add_instrument(spec));
  MarketData md;
  md.add_symbols(v);
  ASSERT_TRUE(md.has_symbol(kSym));
  // 50000.00 x 0.00123 = 61.5 at the quote scale 6.
  md.on_trade(trade(1, 5'000'000, 123, kT0));
  EXPECT_EQ(md.last_trade(kSym)->quote_qty, core::Amount{61'500'000});
}

TEST(AggTrades, a_trade_stamped_before_the_latest_aggregates_as_if_at_the_latest_time) {
  auto md = make_market_data();
  md.on_trade(trade(1, 100, 1, kT0 + 10));
  md.on_trade(trade(2, 100, 1, kT0 + 5));
  const auto aggs = md.agg_trades(kSym, {});
  ASSERT_EQ(aggs.size(), 1U);
  EXPECT_EQ(aggs[0].last_id, core::TradeId{2});
  EXPECT_EQ(md.last_trade(kSym)->time_ms, kT0 + 5);  // the record keeps its own time
}

}  // namespace
}  // namespace mockex::marketdata
