#pragma once
// The user data streams of one session (spec §11.4, §7.5): which connection receives which
// account's executionReport, outboundAccountPosition and balanceUpdate events, and how each is
// framed. A WS API subscription gets {"subscriptionId":n,"event":…} and ends with an
// eventStreamTerminated; a legacy listen-key socket gets the bare payload (or, when it was opened
// as /stream?streams=<listenKey>, {"stream":"<listenKey>","data":…}) until its key expires in
// scenario time, then one listenKeyExpired and nothing more.
//
// Each event is rendered once and sent to every subscription of its account, in the venue's
// order. Session reset and close end every subscription without a message: the connections'
// owners close them. On the session's strand.

#include <mockex/core/http.hpp>
#include <mockex/core/ids.hpp>
#include <mockex/fault/point.hpp>
#include <mockex/session/session.hpp>

#include "ws_out_faults.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockex::dialect::binance {

// A legacy user data stream key (spec §7.5): valid until `expires_ms` of scenario time.
struct ListenKey {
  core::AccountId account;
  std::int64_t expires_ms = 0;
};
using ListenKeys = std::map<std::string, ListenKey, std::less<>>;

class UserDataHub {
 public:
  using ConnectionId = std::uint64_t;

  // `listen_keys` (the dialect's live keys, managed by the listenKey endpoints) must outlive it.
  // It listens to the session for the session's whole life, as the dialect state does.
  UserDataHub(session::Session& session, const ListenKeys& listen_keys);
  UserDataHub(const UserDataHub&) = delete;
  UserDataHub& operator=(const UserDataHub&) = delete;

  // WS API: `connection` receives `account`'s events as subscription `subscription_id`. False
  // (nothing changes) when the connection already has a subscription for that account.
  bool subscribe(ConnectionId connection, std::shared_ptr<core::WsConnection> socket,
                 core::AccountId account, std::int64_t subscription_id);
  // Legacy: `connection` receives the events of the account of `listen_key` until the key
  // expires. False when the key is not live.
  bool subscribe_listen_key(ConnectionId connection, std::shared_ptr<core::WsConnection> socket,
                            std::string_view listen_key, bool combined);
  // Ends the connection's WS API subscription `subscription_id` (every one of them when none is
  // given), each with an eventStreamTerminated. Returns how many ended.
  std::size_t unsubscribe(ConnectionId connection, std::optional<std::int64_t> subscription_id);
  // Ends the connections that carry user data of the account with `api_key` (every account's
  // when empty), as a ws_disconnect fault whose window opened says. Returns their ids.
  std::vector<ConnectionId> disconnect(std::string_view api_key, const fault::WsDisconnect& how);
  // The fill reports (executionReport TRADE) of the order with this client order id go out
  // `delay` late (a fill_delay fault in report mode), after the order's REST answer.
  void delay_reports(std::string_view client_order_id, std::chrono::microseconds delay);
  // Forgets the subscriptions of a connection that closed; nothing is sent.
  void remove_connection(ConnectionId connection);

  // The connection's WS API subscription ids, oldest first.
  std::vector<std::int64_t> subscriptions(ConnectionId connection) const;
  bool subscribed(ConnectionId connection, core::AccountId account) const;
  std::size_t size() const { return subscribers_.size(); }

 private:
  struct Subscriber {
    ConnectionId connection = 0;
    std::shared_ptr<core::WsConnection> socket;
    core::AccountId account;
    std::int64_t subscription_id = 0;  // WS API only
    std::string listen_key;            // legacy only; empty on the WS API
    bool combined = false;             // legacy on /stream
    mutable WsOutState faults;
  };

  void on_events(const venue::Events& events);
  // `point` says what the event is, for the faults (stream = event type, event =
  // "executionReport.<x>", symbol, client order id).
  void deliver(core::AccountId account, const std::string& payload, const fault::Point& point);
  void send(const Subscriber& subscriber, std::string_view payload,
            const fault::Point* point = nullptr);
  bool key_live(const std::string& key, std::int64_t now_ms) const;
  // Sends listenKeyExpired to, and drops, every legacy subscriber whose key is no longer live.
  void expire_keys();
  // Arms one timer for the earliest expiry of the legacy subscribers' keys.
  void arm();
  void clear();

  session::Session& session_;
  const ListenKeys& listen_keys_;
  std::vector<Subscriber> subscribers_;  // subscription order
  // fill_delay (report): client order id -> how late its fill reports go out.
  std::map<std::string, std::chrono::microseconds, std::less<>> report_delays_;
  std::uint64_t next_execution_id_ = 1;
  std::optional<std::int64_t> armed_for_ms_;
  std::uint64_t clock_generation_ = 0;  // a reset brings a new clock: timers on the old are gone
};

}  // namespace mockex::dialect::binance
