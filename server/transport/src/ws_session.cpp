#include "ws_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/error.hpp>

namespace mockex::transport::detail {
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

WsSession::WsSession(tcp::socket socket, http::request<http::string_body> upgrade,
                     std::shared_ptr<core::WsHandler> handler, std::shared_ptr<SharedState> state,
                     std::string remote)
    : ws_(std::move(socket)),
      upgrade_(std::move(upgrade)),
      handler_(std::move(handler)),
      state_(std::move(state)),
      remote_(std::move(remote)) {}

WsSession::~WsSession() {
  if (!finished_) finish();
}

void WsSession::start() {
  registry_id_ = state_->registry.add(weak_from_this());
  beast::get_lowest_layer(ws_).expires_never();
  auto timeout = websocket::stream_base::timeout::suggested(beast::role_type::server);
  // Beast pings after half the idle timeout without a frame from the peer and closes after all
  // of it: a ping every `ws_ping_interval` of silence, and the end after two (spec §10.3).
  timeout.idle_timeout = 2 * state_->limits.ws_ping_interval;
  timeout.keep_alive_pings = true;
  ws_.set_option(timeout);
  ws_.read_message_max(state_->limits.max_ws_message_bytes);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& response) { response.set(http::field::server, "mockexd"); }));
  net::dispatch(ws_.get_executor(), [self = shared_from_this()] {
    self->ws_.async_accept(self->upgrade_,
                           beast::bind_front_handler(&WsSession::on_accept, self));
  });
}

void WsSession::on_accept(beast::error_code ec) {
  if (ec) {
    finish();
    return;
  }
  open_ = true;
  state_->metrics.websocket_opened();
  handler_->on_open(shared_from_this());
  if (state_->registry.draining() && !pending_close_) {
    pending_close_ = websocket::close_reason(websocket::close_code::going_away, "server shutting down");
  }
  do_read();
  do_write();
}

void WsSession::do_read() {
  ws_.async_read(buffer_, beast::bind_front_handler(&WsSession::on_read, shared_from_this()));
}

void WsSession::on_read(beast::error_code ec, std::size_t bytes) {
  if (finished_) return;
  if (ec) {
    if (ec == websocket::error::message_too_big) {
      state_->metrics.limit_hit(LimitKind::ws_message_size);
    }
    finish();
    return;
  }
  state_->metrics.bytes_received(bytes);
  state_->metrics.ws_messages_received(1);
  auto message = beast::buffers_to_string(buffer_.data());
  buffer_.consume(buffer_.size());
  handler_->on_message(message, ws_.got_text());
  if (!finished_) do_read();
}

bool WsSession::send_text(std::string message) {
  if (finished_) return false;
  if (queued_.fetch_add(1) >= state_->limits.max_ws_send_queue) {
    queued_.fetch_sub(1);
    net::post(ws_.get_executor(), [self = shared_from_this()] { self->drop_slow_client(); });
    return false;
  }
  net::post(ws_.get_executor(), [self = shared_from_this(), message = std::move(message)]() mutable {
    if (self->finished_) return;
    self->outbox_.push_back(std::move(message));
    self->do_write();
  });
  return true;
}

void WsSession::close(std::uint16_t code, std::string reason) {
  net::post(ws_.get_executor(), [self = shared_from_this(), code, reason = std::move(reason)] {
    if (self->finished_ || self->pending_close_) return;
    self->pending_close_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
    self->do_write();
  });
}

void WsSession::drain() { close(websocket::close_code::going_away, "server shutting down"); }

void WsSession::do_write() {
  if (writing_ || !open_ || finished_ || close_sent_) return;
  if (outbox_.empty()) {
    if (!pending_close_) return;
    // Queued messages went out first; now the close frame.
    close_sent_ = true;
    writing_ = true;
    ws_.async_close(*pending_close_, [self = shared_from_this()](beast::error_code) {
      self->writing_ = false;
      self->finish();
    });
    return;
  }
  writing_ = true;
  ws_.text(true);
  ws_.async_write(net::buffer(outbox_.front()),
                  beast::bind_front_handler(&WsSession::on_write, shared_from_this()));
}

void WsSession::on_write(beast::error_code ec, std::size_t bytes) {
  writing_ = false;
  if (finished_) return;
  outbox_.pop_front();
  queued_.fetch_sub(1);
  if (ec) {
    finish();
    return;
  }
  state_->metrics.bytes_sent(bytes);
  state_->metrics.ws_messages_sent(1);
  do_write();
}

void WsSession::drop_slow_client() {
  if (finished_) return;
  state_->metrics.limit_hit(LimitKind::ws_slow_client);
  finish();
}

void WsSession::finish() {
  if (finished_.exchange(true)) return;
  beast::error_code ec;
  beast::get_lowest_layer(ws_).socket().close(ec);
  if (open_) {
    state_->metrics.websocket_closed();
    handler_->on_close();
  }
  // The handler may hold this connection; dropping it here breaks that cycle.
  handler_.reset();
  state_->metrics.connection_closed();
  state_->registry.remove(registry_id_);
}

}  // namespace mockex::transport::detail
