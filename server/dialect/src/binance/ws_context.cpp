#include "ws_context.hpp"

#include "fault_replies.hpp"
#include "rest_faults.hpp"

#include <mockex/core/url.hpp>
#include <mockex/dialect/binance/errors.hpp>

#include <boost/asio/post.hpp>

namespace mockex::dialect::binance {

namespace {

// A ws_refuse fault answers the upgrade with its status, in Binance's error format. Decided off
// the session's strand (upgrades are answered on the connection's), journaled on it.
std::optional<core::HttpResponse> upgrade_faults(const std::shared_ptr<session::Session>& session,
                                                 const core::HttpRequest& upgrade) {
  auto& faults = session->faults();
  if (!faults.watches(fault::Stage::ws_upgrade)) return std::nullopt;
  fault::Point point;
  point.stage = fault::Stage::ws_upgrade;
  auto path = venue_path(upgrade);
  point.protocol = path.starts_with("/ws-api") ? "ws-api" : "ws";
  point.path = path;
  point.api_key = upgrade.header("X-MBX-APIKEY").value_or("");
  auto fired = faults.decide_off_strand(point);
  if (fired.empty()) return std::nullopt;
  boost::asio::post(session->executor(), [session, fired, target = "upgrade " + std::string(path)] {
    if (!session->closed()) session->faults().record(fired, target);
  });
  for (const auto& one : fired) {
    if (const auto* refuse = std::get_if<fault::WsRefuse>(&one.effect)) {
      fault::ErrorReply reply;
      reply.status = refuse->status;
      auto wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
      return to_response(fault_error(reply, session->scenario(), wall_ms));
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<std::shared_ptr<session::Session>, core::HttpResponse> upgrade_session(
    session::SessionRegistry& registry, const core::HttpRequest& upgrade) {
  auto id = upgrade.param("session");
  auto session = id ? registry.find(*id) : registry.default_session();
  if (!session || session->closed()) {
    auto error = make_error(Error::not_found, {upgrade.path});
    error.msg = "Unknown session: " + std::string(id.value_or("default"));
    return to_response(error);
  }
  if (auto refusal = upgrade_faults(session, upgrade)) return std::move(*refusal);
  return session;
}

SessionSocket::SessionSocket(std::shared_ptr<session::Session> session,
                             const core::HttpRequest& upgrade)
    : session_(std::move(session)),
      path_(upgrade.path),
      query_(upgrade.query),
      remote_(upgrade.remote_address),
      api_key_(upgrade.header("X-MBX-APIKEY").value_or("")) {}

void SessionSocket::on_open(std::shared_ptr<core::WsConnection> connection) {
  connection_ = std::move(connection);
  boost::asio::post(session_->executor(), [self = shared_from_this()] {
    auto& session = *self->session_;
    if (session.closed()) {
      self->connection_->close(1001, "session closed");
      return;
    }
    session.connection_opened();
    session.touch();
    self->id_ = self->state().next_connection++;
    self->opened();
    if (self->max_lifetime_.count() > 0) {
      self->lifetime_.emplace(session.executor(), self->max_lifetime_);
      self->lifetime_->async_wait([self](const boost::system::error_code& ec) {
        if (!ec && !self->session_->closed()) self->lifetime_over();
      });
    }
    session.journal().record_ws_open(session.stamp(), {.conn_id = self->id_,
                                                       .remote = self->remote_,
                                                       .api_key = self->api_key_,
                                                       .path = self->path_,
                                                       .streams = self->url_streams()});
  });
}

void SessionSocket::on_message(std::string_view message, bool) {
  if (!admit(message)) return;
  boost::asio::post(session_->executor(),
                    [self = shared_from_this(), text = std::string(message)] {
                      auto& session = *self->session_;
                      if (session.closed() || self->id_ == 0) return;
                      session.touch();
                      journal::WsMessageRecord record;
                      record.direction = journal::WsDirection::in;
                      record.conn_id = self->id_;
                      record.text = text;
                      self->annotate(text, record);
                      session.journal().record_ws_message(session.stamp(), record);
                      self->handle(text);
                    });
}

void SessionSocket::on_close() {
  boost::asio::post(session_->executor(), [self = shared_from_this()] {
    if (self->id_ == 0) return;
    if (self->lifetime_) self->lifetime_->cancel();
    auto& session = *self->session_;
    session.connection_closed();
    if (session.closed()) return;
    self->closed();
    session.journal().record_ws_close(
        session.stamp(), {.conn_id = self->id_,
                          .remote = self->remote_,
                          .api_key = self->api_key_,
                          .by = self->closed_by_server_ ? "server" : "client"});
  });
}

void SessionSocket::reply(std::string text, std::string_view what) {
  session_->journal().record_ws_message(session_->stamp(), {.direction = journal::WsDirection::out,
                                                            .conn_id = id_,
                                                            .stream = std::string(what),
                                                            .text = text});
  connection_->send_text(std::move(text));
}

void SessionSocket::close(std::uint16_t code, std::string reason) {
  // Through the session's strand, so replies already queued there go out first.
  boost::asio::post(session_->executor(),
                    [self = shared_from_this(), code, reason = std::move(reason)]() mutable {
                      self->closed_by_server_ = true;
                      self->connection_->close(code, std::move(reason));
                    });
}

std::optional<std::string> query_value(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    auto eq = pair.find('=');
    if (pair.substr(0, eq) != name) continue;
    return core::percent_decode(eq == std::string_view::npos ? std::string_view{}
                                                             : pair.substr(eq + 1));
  }
  return std::nullopt;
}

}  // namespace mockex::dialect::binance
