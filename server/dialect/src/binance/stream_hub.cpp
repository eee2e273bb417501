#include "stream_hub.hpp"

#include <mockex/fault/glob.hpp>
#include <mockex/marketdata/interval.hpp>

#include <algorithm>

namespace mockex::dialect::binance {
namespace {

using Kind = StreamSpec::Kind;

// The "e" of a stream's events, as a fault's match.event sees it.
std::string_view event_type(StreamSpec::Kind kind) {
  switch (kind) {
    case Kind::trade: return "trade";
    case Kind::agg_trade: return "aggTrade";
    case Kind::kline: return "kline";
    case Kind::mini_ticker:
    case Kind::all_mini_tickers: return "24hrMiniTicker";
    case Kind::ticker: return "24hrTicker";
    case Kind::window_ticker:
    case Kind::all_window_tickers: return "windowTicker";
    case Kind::book_ticker: return "bookTicker";
    case Kind::avg_price: return "avgPrice";
    case Kind::partial_depth: return "depth";
    case Kind::diff_depth: return "depthUpdate";
  }
  return "";
}

constexpr std::int64_t tick_ms = 100;

bool due(std::int64_t now_ms, std::int64_t period_ms) { return now_ms % period_ms == 0; }

SymbolView view_of(const venue::Venue& venue, venue::SymbolId id) {
  return {venue.instrument(id).symbol, scales_of(venue, id)};
}

std::chrono::minutes window_of(const std::string& window) {
  return marketdata::parse_window_size(window).value_or(std::chrono::hours(24));
}

// The name of a symbol's stream that takes no interval or levels (trade, aggTrade, bookTicker).
std::string stream_name(Kind kind, const std::string& symbol) {
  StreamSpec spec;
  spec.kind = kind;
  spec.symbol = symbol;
  return spec.name();
}

}  // namespace

StreamHub::StreamHub(session::Session& session) : session_(session) {
  feeds_.reset(session_.venue().symbol_count());
  session_.listen([this](const venue::Events& events) { on_events(events); });
  session_.on_reset([this] {
    // A fresh venue restarts every update id: clients must reconnect and resynchronise.
    close_all(1012, "session reset");
    feeds_.reset(session_.venue().symbol_count());
    armed_ = false;
    ++clock_generation_;
  });
  session_.on_close([this] { close_all(1001, "session closed"); });
}

void StreamHub::add_client(ClientId id, std::shared_ptr<core::WsConnection> connection,
                           bool combined) {
  clients_[id] = Client{std::move(connection), combined, {}, {}};
}

void StreamHub::remove_client(ClientId id) {
  auto found = clients_.find(id);
  if (found == clients_.end()) return;
  for (const auto& name : found->second.streams) leave(name, id);
  clients_.erase(found);
}

bool StreamHub::subscribe(ClientId id, const StreamSpec& spec) {
  auto client = clients_.find(id);
  if (client == clients_.end()) return false;
  if (!spec.symbol.empty() && !session_.venue().find_symbol(spec.symbol)) return false;
  auto name = spec.name();
  auto& streams = client->second.streams;
  if (std::find(streams.begin(), streams.end(), name) != streams.end()) return true;
  streams.push_back(name);
  auto [stream, created] = streams_.try_emplace(name, Stream{spec, {}});
  stream->second.clients.push_back(id);
  if (created) activate(spec);
  return true;
}

void StreamHub::unsubscribe(ClientId id, const StreamSpec& spec) {
  auto client = clients_.find(id);
  if (client == clients_.end()) return;
  auto name = spec.name();
  auto& streams = client->second.streams;
  auto at = std::find(streams.begin(), streams.end(), name);
  if (at == streams.end()) return;
  streams.erase(at);
  leave(name, id);
}

void StreamHub::leave(const std::string& name, ClientId id) {
  auto stream = streams_.find(name);
  if (stream == streams_.end()) return;
  std::erase(stream->second.clients, id);
  if (stream->second.clients.empty()) {
    deactivate(stream->second.spec);
    streams_.erase(stream);
  }
}

std::vector<std::string> StreamHub::subscriptions(ClientId id) const {
  auto client = clients_.find(id);
  return client == clients_.end() ? std::vector<std::string>{} : client->second.streams;
}

void StreamHub::set_combined(ClientId id, bool combined) {
  if (auto client = clients_.find(id); client != clients_.end()) client->second.combined = combined;
}

bool StreamHub::combined(ClientId id) const {
  auto client = clients_.find(id);
  return client != clients_.end() && client->second.combined;
}

void StreamHub::send_to(ClientId id, std::string_view stream, const std::string& payload) {
  auto client = clients_.find(id);
  if (client == clients_.end()) return;
  ++messages_sent_;
  client->second.connection->send_text(client->second.combined ? combined_frame(stream, payload)
                                                               : payload);
}

std::vector<StreamHub::ClientId> StreamHub::disconnect(std::string_view stream_glob,
                                                       const fault::WsDisconnect& how) {
  std::vector<ClientId> ended;
  for (const auto& [id, client] : clients_) {
    bool matches = stream_glob.empty() ||
                   std::any_of(client.streams.begin(), client.streams.end(), [&](const auto& name) {
                     return fault::glob_match(stream_glob, name);
                   });
    if (!matches) continue;
    end_connection(*client.connection, how);
    ended.push_back(id);
  }
  return ended;
}

void StreamHub::close_all(std::uint16_t code, const std::string& reason) {
  auto shutdown = server_shutdown_payload(session_.clock().now().millis());
  for (auto& [id, client] : clients_) {
    client.connection->send_text(client.combined ? combined_frame("!serverShutdown", shutdown)
                                                 : shutdown);
    client.connection->close(code, reason);
  }
  clients_.clear();
  for (auto& [name, stream] : streams_) deactivate(stream.spec);
  streams_.clear();
}

void StreamHub::deliver(const Stream& stream, const std::string& payload) {
  // Rendered once, shared by every connection.
  std::shared_ptr<const std::string> plain;
  std::shared_ptr<const std::string> wrapped;
  const auto name = stream.spec.name();
  if (session_.faults().watches(fault::Stage::market_data)) {
    // A stale fault freezes the stream: nothing goes out while the market moves on.
    auto frozen = ws_out_point(name, {}, stream.spec.symbol);
    frozen.stage = fault::Stage::market_data;
    if (session_.faults().first<fault::Stale>(frozen, [&] { return "stream " + name; })) return;
  }
  bool faulty = session_.faults().watches(fault::Stage::ws_out);
  auto point = ws_out_point(name, event_type(stream.spec.kind), stream.spec.symbol);
  for (auto id : stream.clients) {
    auto client = clients_.find(id);
    if (client == clients_.end()) continue;
    auto& frame = client->second.combined ? wrapped : plain;
    if (!frame) {
      frame = std::make_shared<const std::string>(
          client->second.combined ? combined_frame(name, payload) : payload);
    }
    auto& faults = client->second.faults;
    if (faulty || faults.held || !faults.gap_left.empty()) {
      send_with_faults(session_, client->second.connection, faults, point, frame, id);
    } else {
      client->second.connection->send_shared(frame);
    }
  }
  messages_sent_ += stream.clients.size();
  session_.journal().record_ws_message(
      session_.stamp(), {.direction = journal::WsDirection::out,
                         .recipients = stream.clients.size(),
                         .stream = name,
                         .text = payload});
}

void StreamHub::deliver(const std::string& name, const std::string& payload) {
  if (auto stream = streams_.find(name); stream != streams_.end()) deliver(stream->second, payload);
}

bool StreamHub::periodic(const StreamSpec& spec) const {
  switch (spec.kind) {
    case Kind::trade:
    case Kind::agg_trade:
    case Kind::book_ticker: return false;
    default: return true;
  }
}

void StreamHub::activate(const StreamSpec& spec) {
  auto symbol = spec.symbol.empty() ? std::nullopt : session_.venue().find_symbol(spec.symbol);
  if (spec.kind == Kind::diff_depth && symbol) feeds_.start_depth(*symbol, spec.update_ms);
  if (spec.kind == Kind::agg_trade && symbol) {
    feeds_.start_agg_trades(*symbol, session_.market_data());
  }
  if (periodic(spec)) {
    ++periodic_streams_;
    arm();
  }
}

void StreamHub::deactivate(const StreamSpec& spec) {
  auto symbol = spec.symbol.empty() ? std::nullopt : session_.venue().find_symbol(spec.symbol);
  if (spec.kind == Kind::diff_depth && symbol) feeds_.stop_depth(*symbol, spec.update_ms);
  feeds_.forget(spec.name());
  if (periodic(spec)) --periodic_streams_;
}

void StreamHub::on_events(const venue::Events& events) {
  if (streams_.empty()) return;
  const auto& venue = session_.venue();
  auto now_ms = session_.clock().now().millis();
  std::vector<venue::SymbolId> traded;
  std::vector<venue::SymbolId> moved;
  auto note = [](std::vector<venue::SymbolId>& list, venue::SymbolId id) {
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
  };
  for (const auto& event : events) {
    if (const auto* trade = std::get_if<venue::PublicTrade>(&event)) {
      note(traded, trade->symbol);
      auto name = stream_name(Kind::trade, venue.instrument(trade->symbol).symbol);
      if (!streams_.contains(name)) continue;
      marketdata::Trade record{trade->id,         trade->price, trade->qty, {},
                               trade->time.millis(), trade->buyer_is_maker};
      deliver(name, trade_payload(view_of(venue, trade->symbol), record, now_ms));
    } else if (const auto* depth = std::get_if<venue::DepthUpdate>(&event)) {
      feeds_.on_depth(*depth);
      note(moved, depth->symbol);
    }
  }
  for (auto id : traded) {
    auto name = stream_name(Kind::agg_trade, venue.instrument(id).symbol);
    if (!streams_.contains(name)) continue;
    for (const auto& payload :
         feeds_.agg_trades(id, session_.market_data(), view_of(venue, id), now_ms)) {
      deliver(name, payload);
    }
  }
  for (auto id : moved) {
    auto name = stream_name(Kind::book_ticker, venue.instrument(id).symbol);
    if (!streams_.contains(name)) continue;
    if (auto payload = feeds_.book_ticker(id, venue.book(id).top(), view_of(venue, id))) {
      deliver(name, *payload);
    }
  }
}

void StreamHub::arm() {
  if (armed_ || periodic_streams_ == 0) return;
  auto now_ms = session_.clock().now().millis();
  auto next = core::Timestamp::from_micros((now_ms / tick_ms + 1) * tick_ms * 1000);
  auto generation = clock_generation_;
  auto timer = session_.clock().schedule_at(next, [this, next, generation] {
    if (generation != clock_generation_) return;
    armed_ = false;
    tick(next);
  });
  armed_ = timer.ok();
}

void StreamHub::tick(core::Timestamp at) {
  auto now_ms = at.millis();
  for (auto& [name, stream] : streams_) push_periodic(stream, now_ms);
  if (!clients_.empty()) session_.touch();
  arm();
}

void StreamHub::push_periodic(Stream& stream, std::int64_t now_ms) {
  const auto& spec = stream.spec;
  const auto& venue = session_.venue();
  const auto& data = session_.market_data();
  auto now = core::Timestamp::from_micros(now_ms * 1000);
  if (spec.kind == Kind::all_mini_tickers || spec.kind == Kind::all_window_tickers) {
    if (!due(now_ms, 1000)) return;
    std::vector<std::string> payloads;
    for (std::uint32_t i = 0; i < venue.symbol_count(); ++i) {
      venue::SymbolId id{i};
      auto last = data.last_trade(id);
      if (!last || !feeds_.changed_since_report(stream.spec.name(), id, last->id)) continue;
      auto view = view_of(venue, id);
      if (spec.kind == Kind::all_mini_tickers) {
        if (auto t = data.ticker_24h(id, now)) payloads.push_back(mini_ticker_payload(view, *t, now_ms));
      } else if (auto t = data.ticker(id, window_of(spec.interval), now)) {
        payloads.push_back(window_ticker_payload(view, spec.interval, *t, now_ms));
      }
    }
    if (!payloads.empty()) deliver(stream, array_of(payloads));
    return;
  }
  auto found = venue.find_symbol(spec.symbol);
  if (!found) return;
  auto id = *found;
  auto view = view_of(venue, id);
  switch (spec.kind) {
    case Kind::diff_depth:
      if (!due(now_ms, spec.update_ms)) return;
      if (auto payload = feeds_.flush_depth(id, spec.update_ms, view, now_ms)) {
        deliver(stream, *payload);
      }
      return;
    case Kind::partial_depth:
      if (!due(now_ms, spec.update_ms)) return;
      deliver(stream, partial_depth_payload(view, venue.book(id).depth(spec.levels)));
      return;
    case Kind::kline: {
      if (!due(now_ms, spec.interval == "1s" ? 1000 : 2000)) return;
      auto interval = marketdata::parse_interval(spec.interval);
      auto zone = spec.time_zone.empty() ? std::chrono::minutes{0}
                                         : marketdata::parse_time_zone(spec.time_zone).value();
      for (const auto& payload : feeds_.klines(stream.spec.name(), id, *interval, zone,
                                               spec.interval, data, view, now)) {
        deliver(stream, payload);
      }
      return;
    }
    default: break;
  }
  if (!due(now_ms, 1000)) return;
  switch (spec.kind) {
    case Kind::mini_ticker:
      if (auto t = data.ticker_24h(id, now)) deliver(stream, mini_ticker_payload(view, *t, now_ms));
      return;
    case Kind::ticker:
      if (auto t = data.ticker_24h(id, now)) {
        deliver(stream, ticker_payload(view, *t, venue.book(id).top(), now_ms));
      }
      return;
    case Kind::window_ticker:
      if (auto t = data.ticker(id, window_of(spec.interval), now)) {
        deliver(stream, window_ticker_payload(view, spec.interval, *t, now_ms));
      }
      return;
    case Kind::avg_price:
      if (auto avg = data.avg_price(id, now)) deliver(stream, avg_price_payload(view, *avg, now_ms));
      return;
    default: return;
  }
}

}  // namespace mockex::dialect::binance
