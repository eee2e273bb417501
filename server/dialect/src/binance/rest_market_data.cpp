// Binance REST: trades, aggregate trades, klines, average price and the rolling tickers
// (spec §7.2), served from the session's market data.

#include "rest_context.hpp"

#include <mockex/marketdata/format.hpp>
#include <mockex/marketdata/interval.hpp>

namespace mockex::dialect::binance {
namespace {

using nlohmann::json;
using marketdata::Interval;

// Trade ids that do not exist (empty klines and tickers) are printed as -1, as Binance does.
json trade_id(core::TradeId id) {
  return id.is_valid() ? json(id.value()) : json(-1);
}

json trade_json(const marketdata::Trade& trade, const Scales& s) {
  return {{"id", trade.id.value()},
          {"price", decimal(trade.price.units(), s.price)},
          {"qty", decimal(trade.qty.units(), s.qty)},
          {"quoteQty", decimal(trade.quote_qty.units(), s.quote)},
          {"time", trade.time_ms},
          {"isBuyerMaker", trade.buyer_is_maker},
          {"isBestMatch", true}};
}

template <class Fetch>
RestResult trades(RestCall& call, std::size_t fallback, Fetch fetch) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto limit = limit_param(call.params, fallback, 1000);
  if (auto* error = std::get_if<ApiError>(&limit)) return *error;
  auto symbol = std::get<venue::SymbolId>(id);
  auto s = scales_of(call.session.venue(), symbol);
  json out = json::array();
  for (const auto& trade : fetch(symbol, std::get<std::size_t>(limit))) {
    out.push_back(trade_json(trade, s));
  }
  return out;
}

RestResult recent_trades(RestCall& call) {
  return trades(call, 500, [&](venue::SymbolId symbol, std::size_t limit) {
    return call.session.market_data().recent_trades(symbol, limit);
  });
}

RestResult historical_trades(RestCall& call) {
  auto from = int_param(call.params, "fromId", 0, std::numeric_limits<std::int64_t>::max());
  if (auto* error = std::get_if<ApiError>(&from)) return *error;
  auto from_id = std::get<std::optional<std::int64_t>>(from);
  return trades(call, 500, [&](venue::SymbolId symbol, std::size_t limit) {
    std::optional<core::TradeId> start;
    if (from_id) start = core::TradeId{static_cast<std::uint64_t>(*from_id)};
    return call.session.market_data().historical_trades(symbol, start, limit);
  });
}

RestResult agg_trades(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  marketdata::AggTradeQuery query;
  auto limit = limit_param(call.params, 500, 1000);
  if (auto* error = std::get_if<ApiError>(&limit)) return *error;
  query.limit = std::get<std::size_t>(limit);
  constexpr auto most = std::numeric_limits<std::int64_t>::max();
  auto from = int_param(call.params, "fromId", 0, most);
  auto start = int_param(call.params, "startTime", 0, most);
  auto end = int_param(call.params, "endTime", 0, most);
  for (auto* parsed : {&from, &start, &end}) {
    if (auto* error = std::get_if<ApiError>(parsed)) return *error;
  }
  if (auto value = std::get<std::optional<std::int64_t>>(from)) {
    query.from_id = static_cast<std::uint64_t>(*value);
  }
  query.start_time_ms = std::get<std::optional<std::int64_t>>(start);
  query.end_time_ms = std::get<std::optional<std::int64_t>>(end);
  if (query.start_time_ms && query.end_time_ms &&
      *query.end_time_ms - *query.start_time_ms > 3'600'000) {
    return make_error(Error::invalid_combination);
  }
  auto symbol = std::get<venue::SymbolId>(id);
  auto s = scales_of(call.session.venue(), symbol);
  json out = json::array();
  for (const auto& agg : call.session.market_data().agg_trades(symbol, query)) {
    out.push_back({{"a", agg.id},
                   {"p", decimal(agg.price.units(), s.price)},
                   {"q", decimal(agg.qty.units(), s.qty)},
                   {"f", agg.first_id.value()},
                   {"l", agg.last_id.value()},
                   {"T", agg.time_ms},
                   {"m", agg.buyer_is_maker},
                   {"M", true}});
  }
  return out;
}

RestResult klines(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto interval_text = call.params.non_empty("interval");
  if (!interval_text) return make_error(Error::mandatory_parameter, {"interval"});
  auto interval = marketdata::parse_interval(*interval_text);
  if (!interval) return make_error(Error::invalid_interval);
  marketdata::KlineQuery query;
  auto limit = limit_param(call.params, 500, marketdata::KlineQuery::kMaxLimit);
  if (auto* error = std::get_if<ApiError>(&limit)) return *error;
  query.limit = std::get<std::size_t>(limit);
  constexpr auto most = std::numeric_limits<std::int64_t>::max();
  auto start = int_param(call.params, "startTime", 0, most);
  auto end = int_param(call.params, "endTime", 0, most);
  for (auto* parsed : {&start, &end}) {
    if (auto* error = std::get_if<ApiError>(parsed)) return *error;
  }
  query.start_time_ms = std::get<std::optional<std::int64_t>>(start);
  query.end_time_ms = std::get<std::optional<std::int64_t>>(end);
  if (auto zone = call.params.non_empty("timeZone")) {
    auto offset = marketdata::parse_time_zone(*zone);
    if (!offset) return make_error(Error::illegal_characters, {"timeZone", "-12:00 to +14:00"});
    query.time_zone = *offset;
  }
  auto symbol = std::get<venue::SymbolId>(id);
  auto s = scales_of(call.session.venue(), symbol);
  json out = json::array();
  for (const auto& k : call.session.market_data().klines(symbol, *interval, query,
                                                          call.session.clock().now())) {
    out.push_back({k.open_time_ms, decimal(k.open.units(), s.price),
                   decimal(k.high.units(), s.price), decimal(k.low.units(), s.price),
                   decimal(k.close.units(), s.price), decimal(k.volume.units(), s.qty),
                   k.close_time_ms, decimal(k.quote_volume.units(), s.quote), k.trades,
                   decimal(k.taker_buy_volume.units(), s.qty),
                   decimal(k.taker_buy_quote_volume.units(), s.quote), "0"});
  }
  return out;
}

RestResult avg_price(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto symbol = std::get<venue::SymbolId>(id);
  auto s = scales_of(call.session.venue(), symbol);
  auto avg = call.session.market_data().avg_price(symbol, call.session.clock().now());
  if (!avg) return json{{"mins", 5}, {"price", decimal(0, s.price)}, {"closeTime", call.now_ms}};
  return json{{"mins", avg->mins},
              {"price", decimal(avg->price.units(), s.price)},
              {"closeTime", avg->close_time_ms}};
}

// A ticker as /ticker/24hr (FULL or MINI) and /ticker (rolling window) write it.
json ticker_json(RestCall& call, venue::SymbolId symbol, const marketdata::Ticker& t,
                 bool full, bool with_book) {
  const auto& venue = call.session.venue();
  auto s = scales_of(venue, symbol);
  auto price = [&](core::Price p) { return decimal(p.units(), s.price); };
  json out{{"symbol", venue.instrument(symbol).symbol}};
  if (full) {
    out["priceChange"] = price(t.price_change);
    out["priceChangePercent"] = marketdata::format_percent(t.price_change_percent);
    out["weightedAvgPrice"] = price(t.weighted_avg_price);
  }
  if (with_book) {
    out["prevClosePrice"] = price(t.prev_close_price);
  }
  out["lastPrice"] = price(t.last_price);
  if (with_book) {
    out["lastQty"] = decimal(t.last_qty.units(), s.qty);
    const auto& book = venue.book(symbol);
    auto bid = book.best_bid();
    auto ask = book.best_ask();
    out["bidPrice"] = price(bid ? bid->price : core::Price{});
    out["bidQty"] = decimal(bid ? bid->qty.units() : 0, s.qty);
    out["askPrice"] = price(ask ? ask->price : core::Price{});
    out["askQty"] = decimal(ask ? ask->qty.units() : 0, s.qty);
  }
  out["openPrice"] = price(t.open_price);
  out["highPrice"] = price(t.high_price);
  out["lowPrice"] = price(t.low_price);
  out["volume"] = decimal(t.volume.units(), s.qty);
  out["quoteVolume"] = decimal(t.quote_volume.units(), s.quote);
  out["openTime"] = t.open_time_ms;
  out["closeTime"] = t.close_time_ms;
  out["firstId"] = trade_id(t.first_id);
  out["lastId"] = trade_id(t.last_id);
  out["count"] = t.count;
  return out;
}

// A ticker for a symbol that has not traded yet: everything zero, ids -1.
marketdata::Ticker empty_ticker(std::int64_t now_ms) {
  marketdata::Ticker t;
  t.open_time_ms = now_ms - 86'400'000;
  t.close_time_ms = now_ms;
  return t;
}

RestResult ticker_24hr(RestCall& call) {
  auto type = call.params.non_empty("type").value_or("FULL");
  if (type != "FULL" && type != "MINI") {
    return make_error(Error::illegal_characters, {"type", "FULL|MINI"});
  }
  bool full = type == "FULL";
  return per_symbol(call, [&](venue::SymbolId id) {
    auto t = call.session.market_data().ticker_24h(id, call.session.clock().now());
    return ticker_json(call, id, t.value_or(empty_ticker(call.now_ms)), full, full);
  });
}

RestResult rolling_ticker(RestCall& call) {
  std::chrono::minutes window{24 * 60};
  if (auto text = call.params.non_empty("windowSize")) {
    auto parsed = marketdata::parse_window_size(*text);
    if (!parsed) return make_error(Error::illegal_characters, {"windowSize", "1m-59m, 1h-23h, 1d-7d"});
    window = *parsed;
  }
  auto type = call.params.non_empty("type").value_or("FULL");
  bool full = type == "FULL";
  return per_symbol(call, [&](venue::SymbolId id) {
    auto t = call.session.market_data().ticker(id, window, call.session.clock().now());
    return ticker_json(call, id, t.value_or(empty_ticker(call.now_ms)), full, false);
  });
}

int ticker_24hr_weight(const Params& params) {
  if (params.has("symbol")) return 2;
  auto symbols = params.get("symbols");
  if (!symbols) return 80;
  auto count = parse_string_array(*symbols).value_or(std::vector<std::string>{}).size();
  return count <= 20 ? 2 : count <= 100 ? 40 : 80;
}

int rolling_ticker_weight(const Params& params) {
  if (params.has("symbol")) return 4;
  auto symbols = params.get("symbols");
  auto count = symbols ? parse_string_array(*symbols).value_or(std::vector<std::string>{}).size()
                       : std::size_t{50};
  return static_cast<int>(std::min<std::size_t>(count * 4, 200));
}

}  // namespace

void add_market_data_routes(const core::RouteAdder& add, session::SessionRegistry& registry) {
  auto route = [&](const std::string& path, Weight weight, RestBody body) {
    add_both(add, "GET", path, rest_handler(registry, std::move(weight), std::move(body)));
  };
  route("/api/v3/trades", fixed_weight(25), recent_trades);
  route("/api/v3/historicalTrades", fixed_weight(25), historical_trades);
  route("/api/v3/aggTrades", fixed_weight(4), agg_trades);
  route("/api/v3/klines", fixed_weight(2), klines);
  route("/api/v3/uiKlines", fixed_weight(2), klines);
  route("/api/v3/avgPrice", fixed_weight(2), avg_price);
  route("/api/v3/ticker/24hr", ticker_24hr_weight, ticker_24hr);
  route("/api/v3/ticker", rolling_ticker_weight, rolling_ticker);
}

}  // namespace mockex::dialect::binance
