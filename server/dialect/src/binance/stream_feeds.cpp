#include "stream_feeds.hpp"

namespace mockex::dialect::binance {

void DepthAccumulator::add(const venue::DepthUpdate& update) {
  if (first_id_ == 0) first_id_ = update.update_id;
  last_id_ = update.update_id;
  if (update.side == venue::Side::buy) {
    bids_[update.price] = update.qty;
  } else {
    asks_[update.price] = update.qty;
  }
}

std::string DepthAccumulator::flush(const SymbolView& symbol, std::int64_t event_ms) {
  std::vector<LevelQty> bids(bids_.begin(), bids_.end());
  std::vector<LevelQty> asks(asks_.begin(), asks_.end());
  auto payload = depth_update_payload(symbol, first_id_, last_id_, bids, asks, event_ms);
  *this = DepthAccumulator{};
  return payload;
}

void StreamFeeds::reset(std::size_t symbols) {
  symbols_.assign(symbols, Symbol{});
  kline_open_.clear();
  reported_.clear();
}

void StreamFeeds::start_depth(venue::SymbolId symbol, int update_ms) {
  symbols_.at(symbol.value).depth[cadence(update_ms)].emplace();
}

void StreamFeeds::stop_depth(venue::SymbolId symbol, int update_ms) {
  symbols_.at(symbol.value).depth[cadence(update_ms)].reset();
}

void StreamFeeds::on_depth(const venue::DepthUpdate& update) {
  if (update.symbol.value >= symbols_.size()) return;
  for (auto& accumulator : symbols_[update.symbol.value].depth) {
    if (accumulator) accumulator->add(update);
  }
}

std::optional<std::string> StreamFeeds::flush_depth(venue::SymbolId symbol, int update_ms,
                                                    const SymbolView& view,
                                                    std::int64_t event_ms) {
  auto& accumulator = symbols_.at(symbol.value).depth[cadence(update_ms)];
  if (!accumulator || accumulator->empty()) return std::nullopt;
  return accumulator->flush(view, event_ms);
}

void StreamFeeds::start_agg_trades(venue::SymbolId symbol, const marketdata::MarketData& data) {
  auto last = data.last_agg_trade(symbol);
  symbols_.at(symbol.value).agg_cursor =
      last ? std::pair{last->id, last->last_id} : std::pair{std::uint64_t{0}, core::TradeId{}};
}

std::vector<std::string> StreamFeeds::agg_trades(venue::SymbolId symbol,
                                                 const marketdata::MarketData& data,
                                                 const SymbolView& view, std::int64_t event_ms) {
  std::vector<std::string> out;
  auto& cursor = symbols_.at(symbol.value).agg_cursor;
  if (!cursor) {
    start_agg_trades(symbol, data);
    return out;
  }
  marketdata::AggTradeQuery query;
  query.from_id = std::max<std::uint64_t>(cursor->first, 1);
  query.limit = 1000;
  for (const auto& agg : data.agg_trades(symbol, query)) {
    if (agg.id < cursor->first || (agg.id == cursor->first && agg.last_id <= cursor->second)) {
      continue;
    }
    out.push_back(agg_trade_payload(view, agg, event_ms));
    cursor = std::pair{agg.id, agg.last_id};
  }
  return out;
}

std::optional<std::string> StreamFeeds::book_ticker(venue::SymbolId symbol,
                                                    const book::TopOfBook& top,
                                                    const SymbolView& view) {
  std::array<std::int64_t, 4> now{top.bid.price.units(), top.bid.qty.units(),
                                  top.ask.price.units(), top.ask.qty.units()};
  auto& last = symbols_.at(symbol.value).top;
  if (last && *last == now) return std::nullopt;
  last = now;
  return book_ticker_payload(view, top);
}

std::vector<std::string> StreamFeeds::klines(const std::string& stream, venue::SymbolId symbol,
                                             marketdata::Interval interval,
                                             std::chrono::minutes zone,
                                             std::string_view interval_name,
                                             const marketdata::MarketData& data,
                                             const SymbolView& view, core::Timestamp now) {
  std::vector<std::string> out;
  auto current = data.current_kline(symbol, interval, now, zone);
  if (!current) return out;
  auto event_ms = now.millis();
  auto sent = kline_open_.find(stream);
  if (sent != kline_open_.end() && sent->second != current->open_time_ms) {
    if (auto closed = data.kline_at(symbol, interval, sent->second, now, zone)) {
      closed->is_closed = true;
      out.push_back(kline_payload(view, interval_name, *closed, event_ms));
    }
  }
  out.push_back(kline_payload(view, interval_name, *current, event_ms));
  kline_open_[stream] = current->open_time_ms;
  return out;
}

bool StreamFeeds::changed_since_report(const std::string& stream, venue::SymbolId symbol,
                                       core::TradeId last_trade) {
  auto& ids = reported_[stream];
  if (ids.size() < symbols_.size()) ids.resize(symbols_.size(), 0);
  auto& reported = ids.at(symbol.value);
  if (!last_trade.is_valid() || reported == last_trade.value()) return false;
  reported = last_trade.value();
  return true;
}

}  // namespace mockex::dialect::binance
