#pragma once
// What every Binance WebSocket shares: finding the session an upgrade addresses, and a handler
// base that moves each callback onto the session's strand with the connection's id, journals
// opens, messages in and out, and closes, and counts the connection against idle expiry.

#include "binance_state.hpp"

#include <mockex/core/http.hpp>
#include <mockex/session/registry.hpp>

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace mockex::dialect::binance {

// The session of an upgrade ({session} path parameter, else the default), or the refusal.
std::variant<std::shared_ptr<session::Session>, core::HttpResponse> upgrade_session(
    session::SessionRegistry& registry, const core::HttpRequest& upgrade);

class SessionSocket : public core::WsHandler, public std::enable_shared_from_this<SessionSocket> {
 public:
  SessionSocket(std::shared_ptr<session::Session> session, const core::HttpRequest& upgrade);

  // The connection is closed this long after it opened (Binance: 24 h), after the subclass's
  // lifetime_over() notice. Zero: never. Set before the connection opens.
  void set_max_lifetime(std::chrono::milliseconds lifetime) { max_lifetime_ = lifetime; }

  void on_open(std::shared_ptr<core::WsConnection> connection) final;
  void on_message(std::string_view message, bool is_text) final;
  void on_close() final;

 protected:
  // On the session's strand, in order.
  virtual void opened() = 0;
  virtual void handle(const std::string& message) = 0;
  virtual void closed() = 0;
  // On the connection's strand, before a message is posted: false drops it (the subclass has
  // closed the connection).
  virtual bool admit(std::string_view) { return true; }
  // Fills in what the journal's ws_in entry of `message` should say beyond its text (the method,
  // streams subscribed or unsubscribed). On the session's strand, before handle().
  virtual void annotate(const std::string&, journal::WsMessageRecord&) {}
  // The connection's lifetime is over: say so if the protocol has a way, then close().
  virtual void lifetime_over() { close(1000, "connection lifetime reached"); }
  // Streams the URL subscribed, for the ws_open entry.
  virtual std::vector<std::string> url_streams() const { return {}; }

  // Sends a reply and journals it.
  void reply(std::string text, std::string_view what = {});
  // Closes from the server side once the replies queued so far are sent (journaled as closed by
  // the server). Callable from either strand.
  void close(std::uint16_t code, std::string reason);

  session::Session& session() { return *session_; }
  BinanceState& state() { return binance_state(*session_); }
  const std::shared_ptr<core::WsConnection>& connection() const { return connection_; }
  std::uint64_t id() const { return id_; }
  const std::string& path() const { return path_; }
  const std::string& query() const { return query_; }

 private:
  std::shared_ptr<session::Session> session_;
  std::shared_ptr<core::WsConnection> connection_;
  std::string path_;
  std::string query_;
  std::string remote_;
  std::string api_key_;
  std::uint64_t id_ = 0;
  bool closed_by_server_ = false;
  std::chrono::milliseconds max_lifetime_{0};
  std::optional<boost::asio::steady_timer> lifetime_;  // on the session's strand
};

// The value of one query parameter, percent-decoded; nothing when absent or malformed.
std::optional<std::string> query_value(std::string_view query, std::string_view name);

// The WebSocket handler factories (one file each).
core::WsHandlerFactory stream_socket_factory(session::SessionRegistry& registry);
core::WsHandlerFactory ws_api_socket_factory(session::SessionRegistry& registry);

}  // namespace mockex::dialect::binance
