#pragma once
// The market streams of one session (spec §10, §12.4): which connection is subscribed to which
// stream, and the fan-out of every venue event batch and every periodic push to them. Each
// payload is rendered once per event and sent to every subscriber (wrapped once more for the
// combined ones).
//
// Realtime streams (trade, aggTrade, bookTicker) go out at the end of each venue event batch.
// Periodic ones run on the session's scenario clock, on 100 ms boundaries, only while someone
// is subscribed: diff depth (the changes of its interval merged: U of the first, u of the last,
// each level's final quantity) and partial depth every 100 or 1000 ms, tickers, miniTickers and
// avgPrice every 1 s, klines every 2 s (1 s for 1s klines), with a final closed push when a
// kline's bucket ends. A diff-depth stream keeps one accumulator shared by its subscribers, so
// every connection sees U = previous u + 1, and the ids are the book's own, as REST depth's
// lastUpdateId is.
//
// On the session's strand.

#include "stream_feeds.hpp"
#include "ws_out_faults.hpp"

#include <mockex/core/http.hpp>
#include <mockex/dialect/binance/streams.hpp>
#include <mockex/session/session.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace mockex::dialect::binance {

class StreamHub {
 public:
  using ClientId = std::uint64_t;

  explicit StreamHub(session::Session& session);
  StreamHub(const StreamHub&) = delete;
  StreamHub& operator=(const StreamHub&) = delete;

  // A connection joins; `combined` wraps its frames as {"stream","data"}.
  void add_client(ClientId id, std::shared_ptr<core::WsConnection> connection, bool combined);
  // Forgets a connection and its subscriptions (it is closed or closing).
  void remove_client(ClientId id);
  bool has_client(ClientId id) const { return clients_.contains(id); }

  // Subscribing twice is a no-op (ccxt re-subscribes after a gap); so is unsubscribing a stream
  // the client does not have. A spec whose symbol the session does not trade is refused.
  bool subscribe(ClientId id, const StreamSpec& spec);
  void unsubscribe(ClientId id, const StreamSpec& spec);
  // The client's streams in subscription order (LIST_SUBSCRIPTIONS).
  std::vector<std::string> subscriptions(ClientId id) const;
  void set_combined(ClientId id, bool combined);
  bool combined(ClientId id) const;

  // Sends a payload that belongs to one client only (user data on a listen-key socket), wrapped
  // as stream `stream` when the client is combined.
  void send_to(ClientId id, std::string_view stream, const std::string& payload);
  // Ends the connections subscribed to a stream that matches `stream_glob` (all when empty)
  // as `how` says (a ws_disconnect fault whose window opened). Returns their ids.
  std::vector<ClientId> disconnect(std::string_view stream_glob, const fault::WsDisconnect& how);
  // Ends every connection with `code`, after a serverShutdown event (session reset or close).
  void close_all(std::uint16_t code, const std::string& reason);

  std::size_t client_count() const { return clients_.size(); }
  // Messages handed to connections since the hub began (for the journal and tests).
  std::uint64_t messages_sent() const { return messages_sent_; }

 private:
  struct Client {
    std::shared_ptr<core::WsConnection> connection;
    bool combined = false;
    std::vector<std::string> streams;  // subscription order
    WsOutState faults;
  };
  struct Stream {
    StreamSpec spec;
    std::vector<ClientId> clients;
  };

  void on_events(const venue::Events& events);
  void deliver(const Stream& stream, const std::string& payload);
  void deliver(const std::string& name, const std::string& payload);
  // Takes a client off one stream's list; the last one out ends the stream.
  void leave(const std::string& name, ClientId id);
  void activate(const StreamSpec& spec);
  void deactivate(const StreamSpec& spec);
  bool periodic(const StreamSpec& spec) const;
  void arm();
  void tick(core::Timestamp at);
  void push_periodic(Stream& stream, std::int64_t now_ms);

  session::Session& session_;
  std::unordered_map<ClientId, Client> clients_;
  std::map<std::string, Stream> streams_;  // by canonical name
  StreamFeeds feeds_;
  std::size_t periodic_streams_ = 0;
  bool armed_ = false;
  std::uint64_t clock_generation_ = 0;  // a reset brings a new clock: timers on the old are gone
  std::uint64_t messages_sent_ = 0;
};

}  // namespace mockex::dialect::binance
