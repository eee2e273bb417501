#include "stream_payloads.hpp"

#include "json_writer.hpp"

#include <mockex/marketdata/format.hpp>

namespace mockex::dialect::binance {
namespace {

std::int64_t id_or_minus_one(core::TradeId id) {
  return id.is_valid() ? static_cast<std::int64_t>(id.value()) : -1;
}

void levels(JsonWriter& w, const std::vector<LevelQty>& side, const Scales& s) {
  w.begin_array();
  for (const auto& [price, qty] : side) {
    w.begin_array().string(decimal(price.units(), s.price)).string(decimal(qty.units(), s.qty));
    w.end_array();
  }
  w.end_array();
}

void levels(JsonWriter& w, const std::vector<book::LevelInfo>& side, const Scales& s) {
  w.begin_array();
  for (const auto& level : side) {
    w.begin_array()
        .string(decimal(level.price.units(), s.price))
        .string(decimal(level.qty.units(), s.qty));
    w.end_array();
  }
  w.end_array();
}

JsonWriter& event_head(JsonWriter& w, std::string_view type, std::int64_t event_ms,
                       std::string_view symbol) {
  return w.begin_object().field("e", type).field("E", event_ms).field("s", symbol);
}

std::string price(core::Price p, const Scales& s) { return decimal(p.units(), s.price); }
std::string qty(core::Qty q, const Scales& s) { return decimal(q.units(), s.qty); }
std::string quote(core::Amount a, const Scales& s) { return decimal(a.units(), s.quote); }

// The volumes, window and trade range every rolling ticker ends with: v q O C F L n.
JsonWriter& window_totals(JsonWriter& w, const marketdata::Ticker& t, const Scales& s) {
  return w.field("v", qty(t.volume, s))
      .field("q", quote(t.quote_volume, s))
      .field("O", t.open_time_ms)
      .field("C", t.close_time_ms)
      .field("F", id_or_minus_one(t.first_id))
      .field("L", id_or_minus_one(t.last_id))
      .field("n", t.count);
}

}  // namespace

std::string trade_payload(const SymbolView& s, const marketdata::Trade& trade,
                          std::int64_t event_ms) {
  JsonWriter w;
  event_head(w, "trade", event_ms, s.symbol)
      .field("t", trade.id.value())
      .field("p", price(trade.price, s.scales))
      .field("q", qty(trade.qty, s.scales))
      .field("T", trade.time_ms)
      .field("m", trade.buyer_is_maker)
      .field("M", true)
      .end_object();
  return w.take();
}

std::string agg_trade_payload(const SymbolView& s, const marketdata::AggTrade& agg,
                              std::int64_t event_ms) {
  JsonWriter w;
  event_head(w, "aggTrade", event_ms, s.symbol)
      .field("a", agg.id)
      .field("p", price(agg.price, s.scales))
      .field("q", qty(agg.qty, s.scales))
      .field("f", agg.first_id.value())
      .field("l", agg.last_id.value())
      .field("T", agg.time_ms)
      .field("m", agg.buyer_is_maker)
      .field("M", true)
      .end_object();
  return w.take();
}

std::string depth_update_payload(const SymbolView& s, std::uint64_t first_id,
                                 std::uint64_t last_id, const std::vector<LevelQty>& bids,
                                 const std::vector<LevelQty>& asks, std::int64_t event_ms) {
  JsonWriter w;
  event_head(w, "depthUpdate", event_ms, s.symbol).field("U", first_id).field("u", last_id);
  w.key("b");
  levels(w, bids, s.scales);
  w.key("a");
  levels(w, asks, s.scales);
  w.end_object();
  return w.take();
}

std::string partial_depth_payload(const SymbolView& s, const book::DepthSnapshot& depth) {
  JsonWriter w;
  w.begin_object().field("lastUpdateId", depth.update_id).key("bids");
  levels(w, depth.bids, s.scales);
  w.key("asks");
  levels(w, depth.asks, s.scales);
  w.end_object();
  return w.take();
}

std::string book_ticker_payload(const SymbolView& s, const book::TopOfBook& top) {
  JsonWriter w;
  w.begin_object()
      .field("u", top.update_id)
      .field("s", s.symbol)
      .field("b", price(top.bid.price, s.scales))
      .field("B", qty(top.bid.qty, s.scales))
      .field("a", price(top.ask.price, s.scales))
      .field("A", qty(top.ask.qty, s.scales))
      .end_object();
  return w.take();
}

std::string kline_payload(const SymbolView& s, std::string_view interval,
                          const marketdata::Kline& k, std::int64_t event_ms) {
  JsonWriter w;
  event_head(w, "kline", event_ms, s.symbol)
      .key("k")
      .begin_object()
      .field("t", k.open_time_ms)
      .field("T", k.close_time_ms)
      .field("s", s.symbol)
      .field("i", interval)
      .field("f", id_or_minus_one(k.first_id))
      .field("L", id_or_minus_one(k.last_id))
      .field("o", price(k.open, s.scales))
      .field("c", price(k.close, s.scales))
      .field("h", price(k.high, s.scales))
      .field("l", price(k.low, s.scales))
      .field("v", qty(k.volume, s.scales))
      .field("n", k.trades)
      .field("x", k.is_closed)
      .field("q", quote(k.quote_volume, s.scales))
      .field("V", qty(k.taker_buy_volume, s.scales))
      .field("Q", quote(k.taker_buy_quote_volume, s.scales))
      .field("B", std::string_view("0"))
      .end_object()
      .end_object();
  return w.take();
}

std::string mini_ticker_payload(const SymbolView& s, const marketdata::Ticker& t,
                                std::int64_t event_ms) {
  JsonWriter w;
  event_head(w, "24hrMiniTicker", event_ms, s.symbol)
      .field("c", price(t.last_price, s.scales))
      .field("o", price(t.open_price, s.scales))
      .field("h", price(t.high_price, s.scales))
      .field("l", price(t.low_price, s.scales))
      .field("v", qty(t.volume, s.scales))
      .field("q", quote(t.quote_volume, s.scales))
      .end_object();
  return w.take();
}

std::string ticker_payload(const SymbolView& s, const marketdata::Ticker& t,
                           const book::TopOfBook& top, std::int64_t event_ms) {
  JsonWriter w;
  event_head(w, "24hrTicker", event_ms, s.symbol)
      .field("p", price(t.price_change, s.scales))
      .field("P", marketdata::format_percent(t.price_change_percent))
      .field("w", price(t.weighted_avg_price, s.scales))
      .field("x", price(t.prev_close_price, s.scales))
      .field("c", price(t.last_price, s.scales))
      .field("Q", qty(t.last_qty, s.scales))
      .field("b", price(top.bid.price, s.scales))
      .field("B", qty(top.bid.qty, s.scales))
      .field("a", price(top.ask.price, s.scales))
      .field("A", qty(top.ask.qty, s.scales))
      .field("o", price(t.open_price, s.scales))
      .field("h", price(t.high_price, s.scales))
      .field("l", price(t.low_price, s.scales));
  window_totals(w, t, s.scales).end_object();
  return w.take();
}

std::string window_ticker_payload(const SymbolView& s, std::string_view window,
                                  const marketdata::Ticker& t, std::int64_t event_ms) {
  JsonWriter w;
  event_head(w, std::string(window) + "Ticker", event_ms, s.symbol)
      .field("p", price(t.price_change, s.scales))
      .field("P", marketdata::format_percent(t.price_change_percent))
      .field("o", price(t.open_price, s.scales))
      .field("h", price(t.high_price, s.scales))
      .field("l", price(t.low_price, s.scales))
      .field("c", price(t.last_price, s.scales))
      .field("w", price(t.weighted_avg_price, s.scales));
  window_totals(w, t, s.scales).end_object();
  return w.take();
}

std::string avg_price_payload(const SymbolView& s, const marketdata::AvgPrice& avg,
                              std::int64_t event_ms) {
  JsonWriter w;
  event_head(w, "avgPrice", event_ms, s.symbol)
      .field("i", std::string_view("5m"))
      .field("w", price(avg.price, s.scales))
      .field("T", avg.close_time_ms)
      .end_object();
  return w.take();
}

std::string server_shutdown_payload(std::int64_t event_ms) {
  JsonWriter w;
  w.begin_object().field("e", std::string_view("serverShutdown")).field("E", event_ms).end_object();
  return w.take();
}

std::string combined_frame(std::string_view stream, std::string_view payload) {
  std::string out;
  out.reserve(stream.size() + payload.size() + 22);
  out += R"({"stream":")";
  out += stream;
  out += R"(","data":)";
  out += payload;
  out += '}';
  return out;
}

std::string array_of(const std::vector<std::string>& payloads) {
  std::string out = "[";
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    if (i > 0) out += ',';
    out += payloads[i];
  }
  out += ']';
  return out;
}

}  // namespace mockex::dialect::binance
