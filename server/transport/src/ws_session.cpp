#include "ws_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/error.hpp>

#include <algorithm>

namespace mockex::transport::detail {
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
// Bytes a connection may have waiting in its write-behind buffer before its writer waits; never
// more than the send queue's byte bound, so a small bound is not hidden behind this buffer.
constexpr std::size_t kCorkHighWater = 256 * 1024;

std::size_t cork_high_water(const Limits& limits) {
  return std::min(kCorkHighWater, limits.max_ws_send_queue_bytes);
}
}  // namespace

WsSession::WsSession(tcp::socket socket, http::request<http::string_body> upgrade,
                     std::shared_ptr<core::WsHandler> handler, std::shared_ptr<SharedState> state,
                     std::string remote)
    : ws_(std::move(socket), cork_high_water(state->limits)),
      upgrade_(std::move(upgrade)),
      handler_(std::move(handler)),
      state_(std::move(state)),
      remote_(std::move(remote)) {}

WsSession::~WsSession() {
  if (!finished_) finish();
}

void WsSession::start() {
  registry_id_ = state_->registry.add(weak_from_this());
  ws_.next_layer().set_owner(weak_from_this(), [this] { do_write(); });
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
    // A read that stop_reading() cancelled (or one failing after it): writes go on, and the
    // connection ends when one fails or it is closed.
    if (reads_stopped_) return;
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
  if (!finished_ && !reads_stopped_) do_read();
}

bool WsSession::send_text(std::string message) {
  return send_shared(std::make_shared<const std::string>(std::move(message)));
}

bool WsSession::send_shared(Message message) {
  if (finished_ || slow_) return false;
  // Reserve the message's place first, then check: concurrent senders each see the others'
  // reservations, so together they cannot pass a bound.
  const auto size = message->size();
  const auto messages_before = queued_.fetch_add(1);
  const auto bytes_before = queued_bytes_.fetch_add(size);
  const auto& limits = state_->limits;
  if (messages_before >= limits.max_ws_send_queue ||
      (bytes_before > 0 && bytes_before + size > limits.max_ws_send_queue_bytes)) {
    queued_.fetch_sub(1);
    queued_bytes_.fetch_sub(size);
    if (!slow_.exchange(true)) {
      net::post(ws_.get_executor(), [self = shared_from_this()] { self->drop_slow_client(); });
    }
    return false;
  }
  bool first = false;
  {
    std::lock_guard lock(inbox_mutex_);
    first = inbox_.empty();
    inbox_.push_back(std::move(message));
  }
  // One hop onto the strand per burst, not per message.
  if (first) net::post(ws_.get_executor(), [self = shared_from_this()] { self->take_inbox(); });
  return true;
}

void WsSession::take_inbox() {
  std::vector<Message> taken;
  {
    std::lock_guard lock(inbox_mutex_);
    taken.swap(inbox_);
  }
  if (finished_) return;
  for (auto& message : taken) outbox_.push_back(std::move(message));
  do_write();
}

void WsSession::close(std::uint16_t code, std::string reason) {
  net::post(ws_.get_executor(), [self = shared_from_this(), code, reason = std::move(reason)] {
    if (self->finished_ || self->pending_close_) return;
    self->pending_close_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
    self->do_write();
  });
}

void WsSession::drain() { close(websocket::close_code::going_away, "server shutting down"); }

void WsSession::abort_connection() {
  net::post(ws_.get_executor(), [self = shared_from_this()] {
    if (self->finished_) return;
    {
      std::lock_guard lock(self->inbox_mutex_);
      self->inbox_.clear();
    }
    self->outbox_.clear();
    // No close frame: finish() closes the TCP socket, and with it what was not yet written.
    self->finish();
  });
}

void WsSession::stop_reading() {
  net::post(ws_.get_executor(), [self = shared_from_this()] {
    if (self->finished_ || self->reads_stopped_) return;
    self->reads_stopped_ = true;
    // Beast's keep-alive pings and idle timeout count on frames we no longer read: a silent
    // client must not be timed out (or pinged) because of it.
    auto timeout = websocket::stream_base::timeout::suggested(beast::role_type::server);
    timeout.handshake_timeout = websocket::stream_base::none();
    timeout.idle_timeout = websocket::stream_base::none();
    timeout.keep_alive_pings = false;
    self->ws_.set_option(timeout);
    self->ws_.next_layer().stop_reading();
  });
}

// Moves queued messages into the write-behind buffer while it has room, as frames of our own,
// and flushes them in one round; the round's end calls back here for the rest. Once the queue
// is empty, a pending close goes out through Beast's close handshake (or, once reads have
// stopped, as a close frame of our own).
void WsSession::do_write() {
  if (!open_ || finished_ || close_sent_) return;
  auto& out = ws_.next_layer();
  if (out.failed()) return finish();
  const auto high_water = cork_high_water(state_->limits);
  std::size_t messages = 0;
  std::size_t payload = 0;
  std::size_t bytes = 0;
  while (!outbox_.empty() && out.pending_bytes() < high_water) {
    payload += outbox_.front()->size();
    bytes += out.append_text_frame(*outbox_.front());
    outbox_.pop_front();
    ++messages;
  }
  if (messages > 0) {
    queued_.fetch_sub(messages);
    queued_bytes_.fetch_sub(payload);
    state_->metrics.bytes_sent(bytes);
    state_->metrics.ws_messages_sent(messages);
    out.flush();
  }
  if (!outbox_.empty() || !pending_close_) return;
  close_sent_ = true;
  if (reads_stopped_) {
    close_without_handshake();
    return;
  }
  ws_.async_close(*pending_close_, [self = shared_from_this()](beast::error_code) {
    self->finish();
  });
}

void WsSession::close_without_handshake() {
  auto& out = ws_.next_layer();
  const auto& reason = pending_close_->reason;
  out.append_close_frame(pending_close_->code, std::string_view(reason.data(), reason.size()));
  out.when_flushed([self = shared_from_this()](beast::error_code) {
    beast::error_code ec;
    beast::get_lowest_layer(self->ws_).socket().shutdown(tcp::socket::shutdown_send, ec);
    self->finish();
  });
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
