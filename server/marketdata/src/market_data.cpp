#include "mockex/marketdata/market_data.hpp"

#include <algorithm>
#include <variant>

#include "mockex/venue/venue.hpp"
#include "symbol_state.hpp"

namespace mockex::marketdata {

MarketData::MarketData(MarketDataLimits limits) : limits_(limits) {}
MarketData::~MarketData() = default;
MarketData::MarketData(MarketData&&) noexcept = default;
MarketData& MarketData::operator=(MarketData&&) noexcept = default;

void MarketData::add_symbol(venue::SymbolId symbol, SymbolScales scales) {
  if (symbols_.size() <= symbol.value) symbols_.resize(symbol.value + 1);
  symbols_[symbol.value] = std::make_unique<SymbolState>(scales, limits_);
}

void MarketData::add_symbols(const venue::Venue& venue) {
  for (std::uint32_t i = 0; i < venue.symbol_count(); ++i) {
    const venue::SymbolId symbol{i};
    const auto& spec = venue.instrument(symbol);
    add_symbol(symbol, SymbolScales{spec.price_scale, spec.qty_scale,
                                    venue.asset(venue.quote_asset(symbol)).scale});
  }
}

bool MarketData::has_symbol(venue::SymbolId symbol) const { return find(symbol) != nullptr; }

void MarketData::reset() {
  for (auto& state : symbols_) {
    if (state) state->clear();
  }
}

const MarketData::SymbolState* MarketData::find(venue::SymbolId symbol) const {
  if (symbol.value >= symbols_.size()) return nullptr;
  return symbols_[symbol.value].get();
}

void MarketData::apply(const venue::Events& events) {
  for (const auto& event : events) {
    if (const auto* trade = std::get_if<venue::PublicTrade>(&event)) on_trade(*trade);
  }
}

void MarketData::on_trade(const venue::PublicTrade& trade) {
  if (trade.symbol.value >= symbols_.size() || !symbols_[trade.symbol.value]) return;
  SymbolState& state = *symbols_[trade.symbol.value];

  detail::TradeView view;
  view.id = trade.id;
  view.price = trade.price;
  view.qty = trade.qty;
  view.notional = core::Int128{trade.price.units()} * trade.qty.units();
  view.time_ms = std::max(trade.time.millis(), state.latest_ms);
  view.buyer_is_maker = trade.buyer_is_maker;
  state.latest_ms = view.time_ms;

  Trade record{trade.id,
               trade.price,
               trade.qty,
               detail::to_quote(view.notional, state.scales),
               trade.time.millis(),
               trade.buyer_is_maker};
  state.trades.push_back(record);
  state.last = record;

  // Binance aggregates the fills of one taker order at one price; consecutive trades at the same
  // price, taker side and millisecond are our stand-in for that.
  AggTrade* agg = state.aggs.empty() ? nullptr : &state.aggs.back();
  if (agg && agg->price == view.price && agg->buyer_is_maker == view.buyer_is_maker &&
      agg->time_ms == view.time_ms) {
    agg->qty += view.qty;
    agg->last_id = view.id;
  } else {
    state.aggs.push_back(AggTrade{state.next_agg_id++, view.price, view.qty, view.id, view.id,
                                  view.time_ms, view.buyer_is_maker});
  }
  for (auto& series : state.klines) series.add(view);
  state.minutes.add(view);
}

namespace {

// The last `limit` of ring[first, ring.size()).
template <class T>
std::vector<T> tail(const Ring<T>& ring, std::size_t first, std::size_t limit) {
  const std::size_t count = std::min(limit, ring.size() - first);
  std::vector<T> out;
  out.reserve(count);
  for (std::size_t i = ring.size() - count; i < ring.size(); ++i) out.push_back(ring[i]);
  return out;
}

}  // namespace

std::vector<Trade> MarketData::recent_trades(venue::SymbolId symbol, std::size_t limit) const {
  const SymbolState* state = find(symbol);
  if (!state) return {};
  return tail(state->trades, 0, limit);
}

std::vector<Trade> MarketData::historical_trades(venue::SymbolId symbol,
                                                 std::optional<core::TradeId> from_id,
                                                 std::size_t limit) const {
  const SymbolState* state = find(symbol);
  if (!state) return {};
  if (!from_id) return tail(state->trades, 0, limit);
  const auto& trades = state->trades;
  std::size_t i =
      trades.lower_bound(*from_id, [](const Trade& t, core::TradeId id) { return t.id < id; });
  std::vector<Trade> out;
  for (; i < trades.size() && out.size() < limit; ++i) out.push_back(trades[i]);
  return out;
}

std::optional<Trade> MarketData::last_trade(venue::SymbolId symbol) const {
  const SymbolState* state = find(symbol);
  if (!state) return std::nullopt;
  return state->last;
}

std::vector<AggTrade> MarketData::agg_trades(venue::SymbolId symbol,
                                             const AggTradeQuery& query) const {
  const SymbolState* state = find(symbol);
  if (!state) return {};
  const auto& aggs = state->aggs;
  std::size_t first = 0;
  if (query.from_id) {
    first = aggs.lower_bound(*query.from_id,
                             [](const AggTrade& a, std::uint64_t id) { return a.id < id; });
  }
  if (query.start_time_ms) {
    first = std::max(
        first, aggs.lower_bound(*query.start_time_ms,
                                [](const AggTrade& a, std::int64_t t) { return a.time_ms < t; }));
  }
  std::size_t end = aggs.size();
  if (query.end_time_ms) {
    end = aggs.lower_bound(*query.end_time_ms + 1,
                           [](const AggTrade& a, std::int64_t t) { return a.time_ms < t; });
  }
  std::vector<AggTrade> out;
  if (first >= end) return out;
  if (query.from_id || query.start_time_ms) {
    for (std::size_t i = first; i < end && out.size() < query.limit; ++i) out.push_back(aggs[i]);
    return out;
  }
  const std::size_t count = std::min(query.limit, end - first);
  for (std::size_t i = end - count; i < end; ++i) out.push_back(aggs[i]);
  return out;
}

std::optional<AggTrade> MarketData::last_agg_trade(venue::SymbolId symbol) const {
  const SymbolState* state = find(symbol);
  if (!state || state->aggs.empty()) return std::nullopt;
  return state->aggs.back();
}

std::vector<Kline> MarketData::klines(venue::SymbolId symbol, Interval interval,
                                      const KlineQuery& query, core::Timestamp now) const {
  const SymbolState* state = find(symbol);
  if (!state) return {};
  const detail::Shape shape{interval, query.time_zone};
  return state->klines[index_of(detail::source_interval(shape))].query(shape, query, now.millis(),
                                                                       state->scales);
}

std::optional<Kline> MarketData::current_kline(venue::SymbolId symbol, Interval interval,
                                               core::Timestamp now,
                                               std::chrono::minutes time_zone) const {
  const SymbolState* state = find(symbol);
  if (!state) return std::nullopt;
  const detail::Shape shape{interval, time_zone};
  const auto& series = state->klines[index_of(detail::source_interval(shape))];
  if (series.buckets().empty()) return std::nullopt;
  // A trade stamped after `now` (a caller running slightly behind) belongs to a later bucket;
  // the current one is then the newest bucket.
  const std::int64_t open =
      std::max(shape.open(now.millis()), shape.open(series.buckets().back().open_ms));
  return series.at(shape, open, now.millis(), state->scales);
}

std::optional<Kline> MarketData::kline_at(venue::SymbolId symbol, Interval interval,
                                          std::int64_t time_ms, core::Timestamp now,
                                          std::chrono::minutes time_zone) const {
  const SymbolState* state = find(symbol);
  if (!state) return std::nullopt;
  const detail::Shape shape{interval, time_zone};
  return state->klines[index_of(detail::source_interval(shape))].at(shape, shape.open(time_ms),
                                                                    now.millis(), state->scales);
}

}  // namespace mockex::marketdata
