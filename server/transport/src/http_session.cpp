#include "http_session.hpp"

#include "response_head.hpp"
#include "ws_session.hpp"

#include <mockex/transport/beast_request.hpp>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <exception>

namespace mockex::transport::detail {
namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// How long a closing connection waits for the client's FIN before it closes the socket, so that
// unread request bytes do not turn the close into an RST that discards the last response.
constexpr std::chrono::milliseconds linger_time{500};

// A static string: Beast's name of a method it knows, else "other".
std::string_view method_label(const http::request<http::string_body>& request) {
  // Only methods Beast knows become labels, so junk methods cannot grow the metric families.
  if (request.method() == http::verb::unknown) return "other";
  auto name = request.method_string();
  return {name.data(), name.size()};
}

std::string endpoint_string(const tcp::socket& socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  if (ec) return "unknown";
  return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

bool is_http_parse_error(const beast::error_code& ec) {
  return &ec.category() == &beast::error_code(http::error::bad_target).category() &&
         ec != http::error::partial_message && ec != http::error::end_of_stream;
}

// Completes a request once, from any thread; a handler that drops its responder without calling
// it gets a 500 sent for it, so a pipelined connection can never stall on a forgotten request.
// `Completion` is held in place (one allocation with the shared state, none of its own).
template <class Completion>
class PendingResponse {
 public:
  explicit PendingResponse(Completion completion) : completion_(std::move(completion)) {}
  ~PendingResponse() {
    if (!done_.exchange(true)) {
      completion_(Router::error_response(500, "internal", "the request was not answered"));
    }
  }
  PendingResponse(const PendingResponse&) = delete;
  PendingResponse& operator=(const PendingResponse&) = delete;

  void respond(core::HttpResponse response) {
    if (!done_.exchange(true)) completion_(std::move(response));
  }

 private:
  Completion completion_;
  std::atomic<bool> done_{false};
};

}  // namespace

HttpSession::HttpSession(tcp::socket socket, std::shared_ptr<SharedState> state)
    : socket_(std::move(socket)),
      state_(std::move(state)),
      remote_(endpoint_string(socket_)),
      deadline_(socket_.get_executor()),
      pacer_(socket_.get_executor()) {}

HttpSession::~HttpSession() {
  if (!closed_ && !upgraded_) close_now();
}

void HttpSession::start() {
  registry_id_ = state_->registry.add(weak_from_this());
  net::dispatch(socket_.get_executor(), [self = shared_from_this()] {
    if (self->state_->registry.draining()) {
      self->draining_ = true;
      self->close_gracefully();
      return;
    }
    self->do_read();
  });
}

void HttpSession::drain() {
  net::post(socket_.get_executor(), [self = shared_from_this()] {
    if (self->closed_ || self->upgraded_) return;
    self->draining_ = true;
    self->read_done_ = true;
    if (self->hanging_) {
      // A hang never answers, so there is nothing to finish: it simply ends.
      self->close_now();
      return;
    }
    self->finish_drain_if_idle();
  });
}

bool HttpSession::request_in_flight() {
  // Bytes of a request already parsed, or waiting in the socket: either way the client sent it
  // before it could know we are shutting down, so it is read and answered.
  boost::system::error_code ec;
  return (reading_ && parser_ && parser_->got_some()) || socket_.available(ec) > 0;
}

void HttpSession::finish_drain_if_idle() {
  if (!draining_ || closed_ || lingering_ || writing_ || !queue_.empty()) return;
  if (request_in_flight()) {
    do_read();  // no-op when the read is already pending
    return;
  }
  if (reading_) {
    // Bytes may be between the kernel and the parser right now; cancelling the pending read
    // settles it: on_read either gets them (and answers the request) or is aborted empty-handed.
    boost::system::error_code ec;
    socket_.cancel(ec);
    return;
  }
  close_gracefully();
}

bool HttpSession::waiting_for_client() const {
  // A deadline runs only while the client owes us something: the next request (nothing queued)
  // or reading our response. Waiting for a handler, an injected delay or a slow body's next
  // chunk is not idleness, and a hang is silence by design (never a 408).
  if (hanging_ || pacing_) return false;
  return writing_ || (reading_ && queue_.empty());
}

void HttpSession::arm_deadline() {
  if (lingering_) return;  // the linger timer owns the deadline now
  if (closed_ || !waiting_for_client()) {
    deadline_due_.reset();  // a wait in flight finds nothing due
    return;
  }
  // Moving the deadline only moves a time point: the wait in flight, when it fires, waits again
  // for what is left. No cancel and new wait per request.
  deadline_due_ = std::chrono::steady_clock::now() + state_->limits.idle_timeout;
  if (!deadline_waiting_) wait_deadline();
}

void HttpSession::wait_deadline() {
  deadline_waiting_ = true;
  deadline_.expires_at(*deadline_due_);
  deadline_.async_wait([self = shared_from_this(), generation = ++deadline_generation_](
                           beast::error_code ec) {
    if (generation != self->deadline_generation_) return;  // stopped, or superseded
    self->deadline_waiting_ = false;
    if (!ec) self->on_deadline();
  });
}

void HttpSession::stop_deadline() {
  ++deadline_generation_;
  deadline_waiting_ = false;
  deadline_due_.reset();
  deadline_.cancel();
}

void HttpSession::on_deadline() {
  if (closed_ || lingering_ || !deadline_due_) return;
  if (std::chrono::steady_clock::now() < *deadline_due_) {
    wait_deadline();  // moved later since this wait began
    return;
  }
  deadline_due_.reset();
  if (writing_) {
    // The client stopped reading its responses.
    state_->metrics.limit_hit(LimitKind::idle_timeout);
    close_now();
  } else if (reading_ && parser_ && parser_->got_some()) {
    reject(408, "request_timeout", LimitKind::idle_timeout, "the request was not completed in time");
  } else {
    close_gracefully();
  }
}

void HttpSession::do_read() {
  if (reading_ || closed_ || queue_.size() >= state_->limits.max_pipelined) return;
  // Once reading is done, only a drain still reads: the one request already in flight.
  if (read_done_ && !(draining_ && request_in_flight())) return;
  if (!parser_ || !parser_->got_some() || parser_->is_done()) {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_->limits.max_header_bytes));
    parser_->body_limit(state_->limits.max_body_bytes);
  }
  reading_ = true;
  arm_deadline();
  http::async_read(reader_, buffer_, *parser_,
                   beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t bytes) {
  reading_ = false;
  if (bytes > 0) state_->metrics.bytes_received(bytes);
  if (closed_) return;
  if (lingering_) {
    close_now();
    return;
  }
  if (hanging_) {
    // What the client sends now is never answered; its close (or a failure) ends the connection.
    if (ec) {
      close_now();
    } else {
      do_discard();
    }
    return;
  }
  // Reading stopped early (a rejection is on its way): what completes now is not answered.
  if (read_done_ && !draining_) return;
  if (ec) {
    if (ec == http::error::header_limit) {
      reject(431, "header_too_large", LimitKind::header_size,
             "request headers exceed " + std::to_string(state_->limits.max_header_bytes) + " bytes");
    } else if (ec == http::error::body_limit) {
      reject(413, "body_too_large", LimitKind::body_size,
             "request body exceeds " + std::to_string(state_->limits.max_body_bytes) + " bytes");
    } else if (is_http_parse_error(ec)) {
      reject(400, "malformed_request", LimitKind::malformed, "malformed HTTP request: " + ec.message());
    } else if (ec == http::error::end_of_stream) {
      // The client closed its side; answer what it already sent, then close.
      read_done_ = true;
      if (queue_.empty() && !writing_) close_now();
    } else if (ec == net::error::operation_aborted) {
      // Cancelled by a drain (see finish_drain_if_idle): go on with what arrived, or close.
      finish_drain_if_idle();
    } else {
      close_now();
    }
    return;
  }
  auto request = parser_->release();
  if (boost::beast::websocket::is_upgrade(request)) {
    upgrade(std::move(request));
    return;
  }
  dispatch(std::move(request));
  do_read();
  arm_deadline();
}

HttpSession::Slot& HttpSession::enqueue(std::string_view route, std::string_view method,
                                        bool keep_alive) {
  auto& slot = queue_.emplace_back();
  slot.sequence = next_sequence_++;
  slot.route = route;
  slot.method = method;
  slot.keep_alive = keep_alive;
  slot.received = std::chrono::steady_clock::now() - reader_.waited();
  return slot;
}

void HttpSession::dispatch(http::request<http::string_body>&& request) {
  bool keep_alive = request.keep_alive() && !draining_;
  if (!keep_alive) read_done_ = true;
  auto method = method_label(request);
  auto core_request = to_core_request(request, remote_);
  auto match = state_->router.match(core_request.method, core_request.path);
  auto sequence =
      enqueue(match.handler ? match.route : "unmatched", method, keep_alive)
          .sequence;
  if (match.handler == nullptr) {
    complete(sequence, std::move(*match.error));
    return;
  }
  core_request.params = std::move(match.params);
  auto complete_here = [self = shared_from_this(), sequence](core::HttpResponse response) {
    net::dispatch(self->socket_.get_executor(),
                  [self, sequence, response = std::move(response)]() mutable {
                    self->complete(sequence, std::move(response));
                  });
  };
  auto pending =
      std::make_shared<PendingResponse<decltype(complete_here)>>(std::move(complete_here));
  core::Responder respond = [pending](core::HttpResponse response) {
    pending->respond(std::move(response));
  };
  try {
    (*match.handler)(std::move(core_request), respond);
  } catch (const std::exception& e) {
    spdlog::error("handler for {} threw: {}", match.route, e.what());
    respond(Router::error_response(500, "internal", "internal error"));
  }
}

void HttpSession::upgrade(http::request<http::string_body>&& request) {
  auto method = method_label(request);
  auto core_request = to_core_request(request, remote_);
  auto match = state_->router.match_websocket(core_request.path);
  auto refuse = [&](core::HttpResponse response) {
    read_done_ = true;
    auto sequence = enqueue(match.factory ? match.route : "unmatched", method, false).sequence;
    complete(sequence, std::move(response));
  };
  if (match.factory == nullptr) {
    refuse(Router::error_response(404, "not_found",
                                  "no WebSocket endpoint at " + core_request.path));
    return;
  }
  if (draining_) {
    refuse(Router::error_response(503, "shutting_down", "the server is shutting down"));
    return;
  }
  if (!queue_.empty() || writing_) {
    // Earlier responses first (the client may have read the last one before our write finished).
    pending_upgrade_ = std::move(request);
    return;
  }
  core_request.params = std::move(match.params);
  auto accepted = (*match.factory)(core_request);
  if (auto* refusal = std::get_if<core::HttpResponse>(&accepted)) {
    refuse(std::move(*refusal));
    return;
  }
  upgraded_ = true;
  stop_deadline();
  state_->registry.remove(registry_id_);
  std::make_shared<WsSession>(std::move(socket_), std::move(request),
                              std::get<std::shared_ptr<core::WsHandler>>(std::move(accepted)),
                              state_, remote_)
      ->start();
}

void HttpSession::complete(std::uint64_t sequence, core::HttpResponse response) {
  if (closed_) return;
  Slot* slot = nullptr;
  for (auto& candidate : queue_) {
    if (candidate.sequence == sequence) slot = &candidate;
  }
  if (slot == nullptr || slot->response) return;
  if (!status_has_body(response.status)) response.body.clear();
  slot->response.emplace(Response{response.status, std::move(response.headers),
                                  std::move(response.body), slot->keep_alive});
  auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - slot->received);
  state_->metrics.request_done(slot->route, slot->method, response.status, elapsed.count());
  slot->effect = response.effect;
  if (slot->effect.action == core::WireEffect::Action::hang) {
    // A hung server takes no further requests; those already read stay unanswered behind it.
    read_done_ = true;
  }
  if (slot->effect.delay > std::chrono::microseconds::zero()) {
    // Over the cap the delay is skipped (and counted): the response goes out as if undelayed.
    if (auto permit = FaultDelayPermit::try_acquire(*state_)) {
      slot->delay_permit = std::move(permit);
      slot->delaying = true;
      slot->delay = std::make_unique<net::steady_timer>(socket_.get_executor());
      auto& timer = *slot->delay;
      // Counted from when the request reached the host, as the client counts it: time it waited
      // in the socket buffer, was queued before the handler and spent in it is part of the
      // delay, not added to it.
      timer.expires_at(slot->received + slot->effect.delay);
      timer.async_wait([self = shared_from_this(), sequence](beast::error_code) {
        self->on_delay_done(sequence);
      });
    }
  }
  do_write();
}

void HttpSession::on_delay_done(std::uint64_t sequence) {
  for (auto& slot : queue_) {
    if (slot.sequence != sequence) continue;
    slot.delaying = false;
    slot.delay_permit.reset();
    break;
  }
  do_write();  // no-op once closed
}

void HttpSession::reject(int status, std::string_view code, LimitKind kind,
                         std::string_view message) {
  state_->metrics.limit_hit(kind);
  read_done_ = true;
  auto sequence = enqueue("rejected", "other", false).sequence;
  complete(sequence, Router::error_response(status, code, message));
}

void HttpSession::do_write() {
  if (writing_ || closed_ || hanging_ || queue_.empty() || !queue_.front().ready()) return;
  auto& slot = queue_.front();
  auto& response = *slot.response;
  if (draining_ && queue_.size() == 1 && !request_in_flight()) response.keep_alive = false;
  using Action = core::WireEffect::Action;
  const auto action = slot.effect.action;
  if (action == Action::hang) return hang();
  if (action == Action::reset) return reset();
  write_response_head(head_, response.status, response.headers, response.body.size(),
                      response.keep_alive);
  writing_ = true;
  arm_deadline();
  if (action != Action::none) {
    // close_after_headers, truncate, slow_body: the header alone first (with the full
    // Content-Length); the body is then cut or paced.
    net::async_write(
        socket_, net::buffer(head_),
        beast::bind_front_handler(&HttpSession::on_header_written, shared_from_this()));
    return;
  }
  std::array<net::const_buffer, 2> pieces{net::buffer(head_), net::buffer(response.body)};
  net::async_write(socket_, pieces,
                   beast::bind_front_handler(&HttpSession::on_write, shared_from_this()));
}

void HttpSession::on_write(beast::error_code ec, std::size_t bytes) {
  writing_ = false;
  state_->metrics.bytes_sent(bytes);
  if (closed_) return;
  if (ec) {
    close_now();
    return;
  }
  on_response_sent();
}

void HttpSession::hang() {
  hanging_ = true;
  read_done_ = true;
  stop_deadline();
  if (draining_) {
    close_now();
    return;
  }
  // A read pending since before the hang now lands in on_read, which discards from then on.
  if (!reading_) do_discard();
}

void HttpSession::do_discard() {
  // Reads only to notice the client leaving; what it sends is dropped unparsed.
  reading_ = true;
  buffer_.consume(buffer_.size());
  socket_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](
                                                     beast::error_code ec, std::size_t bytes) {
    self->reading_ = false;
    self->state_->metrics.bytes_received(bytes);
    if (self->closed_) return;
    if (ec) {
      self->close_now();
      return;
    }
    self->do_discard();
  });
}

void HttpSession::reset() {
  // SO_LINGER {on, 0}: close() sends an RST instead of a FIN, so the client's read fails with
  // ECONNRESET.
  beast::error_code ec;
  socket_.set_option(net::socket_base::linger(true, 0), ec);
  close_now();
}

void HttpSession::on_header_written(beast::error_code ec, std::size_t bytes) {
  state_->metrics.bytes_sent(bytes);
  if (closed_ || ec) {
    writing_ = false;
    close_now();
    return;
  }
  auto& slot = queue_.front();
  const auto& body = slot.response->body;
  using Action = core::WireEffect::Action;
  if (slot.effect.action == Action::slow_body) {
    body_sent_ = 0;
    body_started_ = std::chrono::steady_clock::now();
    pace_next_chunk();
    return;
  }
  auto keep = slot.effect.action == Action::truncate ? std::min(slot.effect.keep_bytes, body.size())
                                                     : std::size_t{0};
  if (keep == 0) {
    writing_ = false;
    close_gracefully();
    return;
  }
  net::async_write(socket_, net::buffer(body.data(), keep),
                   [self = shared_from_this()](beast::error_code write_ec, std::size_t written) {
                     self->writing_ = false;
                     self->state_->metrics.bytes_sent(written);
                     if (self->closed_) return;
                     if (write_ec) {
                       self->close_now();
                     } else {
                       self->close_gracefully();
                     }
                   });
}

// A slow body goes out in chunk_bytes pieces, piece i (from 0) at slow_total * (i + 1) / pieces
// after the header: the last byte leaves slow_total after the header, and waits do not drift.
void HttpSession::pace_next_chunk() {
  auto& slot = queue_.front();
  const auto& body = slot.response->body;
  if (body_sent_ >= body.size()) {
    writing_ = false;
    on_response_sent();
    return;
  }
  const auto chunk = std::max<std::size_t>(slot.effect.chunk_bytes, 1);
  const auto pieces = static_cast<std::int64_t>((body.size() + chunk - 1) / chunk);
  const auto index = static_cast<std::int64_t>(body_sent_ / chunk);
  pacing_ = true;
  arm_deadline();
  pacer_.expires_at(body_started_ + slot.effect.slow_total * (index + 1) / pieces);
  pacer_.async_wait([self = shared_from_this()](beast::error_code ec) {
    self->pacing_ = false;
    if (ec || self->closed_) return;
    self->write_chunk();
  });
}

void HttpSession::write_chunk() {
  auto& slot = queue_.front();
  const auto& body = slot.response->body;
  const auto chunk = std::max<std::size_t>(slot.effect.chunk_bytes, 1);
  const auto size = std::min(chunk, body.size() - body_sent_);
  arm_deadline();  // the client must take each piece within the idle timeout
  net::async_write(socket_, net::buffer(body.data() + body_sent_, size),
                   [self = shared_from_this()](beast::error_code ec, std::size_t written) {
                     self->state_->metrics.bytes_sent(written);
                     if (self->closed_ || ec) {
                       self->writing_ = false;
                       self->close_now();
                       return;
                     }
                     self->body_sent_ += written;
                     self->pace_next_chunk();
                   });
}

void HttpSession::on_response_sent() {
  bool keep_alive = queue_.front().response->keep_alive;
  queue_.pop_front();
  if (draining_ && keep_alive) {
    finish_drain_if_idle();
    if (lingering_ || closed_) return;
  } else if (!keep_alive || (queue_.empty() && read_done_)) {
    close_gracefully();
    return;
  }
  if (pending_upgrade_) {
    if (queue_.empty()) {
      auto request = std::move(*pending_upgrade_);
      pending_upgrade_.reset();
      upgrade(std::move(request));
      return;
    }
    do_write();
    return;
  }
  do_read();
  do_write();
  arm_deadline();
}

void HttpSession::close_gracefully() {
  if (closed_) return;
  lingering_ = true;  // from here on, anything read is discarded (see on_read)
  read_done_ = true;
  beast::error_code ec;
  socket_.shutdown(tcp::socket::shutdown_send, ec);
  if (ec) {
    close_now();
    return;
  }
  // Wait for the client's FIN (or the linger time) before closing.
  stop_deadline();
  deadline_.expires_after(linger_time);
  deadline_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
    if (!wait_ec) self->close_now();
  });
  if (!reading_) {
    reading_ = true;
    buffer_.consume(buffer_.size());
    socket_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](beast::error_code, std::size_t) {
                              self->reading_ = false;
                              self->close_now();
                            });
  }
}

void HttpSession::close_now() {
  if (closed_) return;
  closed_ = true;
  read_done_ = true;
  stop_deadline();
  pacer_.cancel();
  for (auto& slot : queue_) {
    if (slot.delay) slot.delay->cancel();
    slot.delay_permit.reset();  // the cap counts waiting delays, not dead connections
  }
  beast::error_code ec;
  socket_.close(ec);
  state_->metrics.connection_closed();
  state_->registry.remove(registry_id_);
}

}  // namespace mockex::transport::detail

namespace mockex::transport {

core::HttpRequest to_core_request(BeastRequest& request, const std::string& remote) {
  core::HttpRequest out;
  out.method = std::string(request.method_string());
  out.target = std::string(request.target());
  auto question = out.target.find('?');
  out.path = out.target.substr(0, question);
  if (question != std::string::npos) out.query = out.target.substr(question + 1);
  out.headers.reserve(8);
  for (const auto& field : request) {
    out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = std::move(request.body());
  out.remote_address = remote;
  return out;
}

}  // namespace mockex::transport
