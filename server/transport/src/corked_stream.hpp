#pragma once
// A write-behind layer under Beast's WebSocket stream: bytes are appended to a buffer and go to
// the socket in one write per round, so a burst of frames costs one system call, not one each.
//
// Two writers share it, both on the connection's strand: Beast (pings, pongs, the close
// handshake), through async_write_some, which appends and completes at once; and the WebSocket
// session, which appends its data frames itself with append_text_frame() and then flush(). A
// frame is always appended whole, so frames never interleave. Beast keeps the handshake, reads,
// control frames and timeouts; data frames skip its per-message write operation.
//
// Bounded: the session appends only while pending_bytes() is under its limit and resumes from
// the on_flushed callback; a Beast write that finds more than `high_water` bytes waiting
// completes only after the round in flight has gone out.
//
// Reads can be stopped for good (stop_reading): the read in flight is cancelled and every later
// one fails with operation_aborted, so Beast sees no more frames (and answers no more pings)
// while writes go on.
//
// Completions never run inside the call that started them.

#include <boost/asio/async_result.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/teardown.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace mockex::transport::detail {

class CorkedStream {
 public:
  using next_layer_type = boost::beast::tcp_stream;
  using executor_type = next_layer_type::executor_type;

  CorkedStream(boost::asio::ip::tcp::socket socket, std::size_t high_water)
      : next_(std::move(socket)), high_water_(high_water) {}

  // What keeps the owner (and so this stream) alive while a round is in flight, and what it
  // wants to hear after each round (room for more).
  void set_owner(std::weak_ptr<void> owner, std::function<void()> on_flushed) {
    owner_ = std::move(owner);
    on_flushed_ = std::move(on_flushed);
  }

  // Appends one final, unmasked text frame (RFC 6455 §5.2, server to client); returns its size.
  std::size_t append_text_frame(std::string_view payload) {
    auto at = pending_.size();
    pending_.push_back('\x81');
    auto size = payload.size();
    if (size < 126) {
      pending_.push_back(static_cast<char>(size));
    } else if (size <= 0xFFFF) {
      pending_.push_back(static_cast<char>(126));
      for (int shift = 8; shift >= 0; shift -= 8) {
        pending_.push_back(static_cast<char>((size >> shift) & 0xFF));
      }
    } else {
      pending_.push_back(static_cast<char>(127));
      for (int shift = 56; shift >= 0; shift -= 8) {
        pending_.push_back(static_cast<char>((static_cast<std::uint64_t>(size) >> shift) & 0xFF));
      }
    }
    pending_.append(payload);
    return pending_.size() - at;
  }

  // Appends a close frame (RFC 6455 §5.5.1): `code`, then as much of `reason` as fits the 125
  // bytes a control frame may carry. For a close without Beast's handshake (see stop_reading).
  void append_close_frame(std::uint16_t code, std::string_view reason) {
    reason = reason.substr(0, std::min<std::size_t>(reason.size(), 123));
    pending_.push_back('\x88');
    pending_.push_back(static_cast<char>(2 + reason.size()));
    pending_.push_back(static_cast<char>(code >> 8));
    pending_.push_back(static_cast<char>(code & 0xFF));
    pending_.append(reason);
  }

  // Cancels the read in flight, if any, and fails every later one. On the strand.
  void stop_reading() {
    reads_stopped_ = true;
    read_cancel_.emit(boost::asio::cancellation_type::terminal);
  }

  // Starts a round with what is pending, unless one is in flight (its end starts the next).
  void flush() {
    if (flushing_ || pending_.empty() || error_) return;
    flushing_ = true;
    inflight_.swap(pending_);
    boost::asio::async_write(
        next_, boost::asio::buffer(inflight_),
        [this, keep = owner_.lock()](boost::beast::error_code ec, std::size_t) {
          on_flushed(ec);
        });
  }

  std::size_t pending_bytes() const { return pending_.size(); }
  bool failed() const { return static_cast<bool>(error_); }

  executor_type get_executor() noexcept { return next_.get_executor(); }
  next_layer_type& next_layer() noexcept { return next_; }
  const next_layer_type& next_layer() const noexcept { return next_; }

  // Beast reads one frame piece at a time, so at most one read is in flight: it carries the
  // slot that stop_reading() cancels.
  template <class MutableBuffers, class Token>
  auto async_read_some(const MutableBuffers& buffers, Token&& token) {
    return boost::asio::async_initiate<Token, void(boost::beast::error_code, std::size_t)>(
        [this](auto handler, const MutableBuffers& into) {
          if (reads_stopped_) {
            return complete(std::move(handler), boost::asio::error::operation_aborted, 0);
          }
          next_.async_read_some(
              into, boost::asio::bind_cancellation_slot(read_cancel_.slot(), std::move(handler)));
        },
        token, buffers);
  }

  template <class ConstBuffers, class Token>
  auto async_write_some(const ConstBuffers& buffers, Token&& token) {
    return boost::asio::async_initiate<Token, void(boost::beast::error_code, std::size_t)>(
        [this](auto handler, const ConstBuffers& data) {
          if (error_) return complete(std::move(handler), error_, 0);
          std::size_t size = boost::asio::buffer_size(data);
          auto at = pending_.size();
          pending_.resize(at + size);
          boost::asio::buffer_copy(boost::asio::buffer(pending_.data() + at, size), data);
          flush();
          if (pending_.size() > high_water_) {
            // Held in a std::function; Asio 1.81's any_completion_handler cannot be moved safely.
            auto held = std::make_shared<decltype(handler)>(std::move(handler));
            blocked_ = Blocked{[held](boost::beast::error_code ec, std::size_t bytes) {
                                 std::move (*held)(ec, bytes);
                               },
                               size};
            return;
          }
          complete(std::move(handler), {}, size);
        },
        token, buffers);
  }

  // Calls `done` once every byte written so far has reached the socket (or failed).
  void when_flushed(std::function<void(boost::beast::error_code)> done) {
    flush();
    if (!flushing_ && pending_.empty()) {
      boost::asio::post(get_executor(), [done = std::move(done), ec = error_] { done(ec); });
      return;
    }
    flushed_ = std::move(done);
  }

 private:
  struct Blocked {
    std::function<void(boost::beast::error_code, std::size_t)> handler;
    std::size_t bytes = 0;
  };

  // Beast's handlers belong to the connection's strand, which is this stream's executor too.
  template <class Handler>
  void complete(Handler handler, boost::beast::error_code ec, std::size_t bytes) {
    boost::asio::post(get_executor(), [handler = std::move(handler), ec, bytes]() mutable {
      std::move(handler)(ec, bytes);
    });
  }

  void on_flushed(boost::beast::error_code ec) {
    flushing_ = false;
    inflight_.clear();
    if (ec) {
      error_ = ec;
      pending_.clear();
    }
    flush();
    if (blocked_ && (error_ || pending_.size() <= high_water_)) {
      auto blocked = std::move(*blocked_);
      blocked_.reset();
      complete(std::move(blocked.handler), error_, error_ ? 0 : blocked.bytes);
    }
    if (on_flushed_ && !error_) on_flushed_();
    if (flushed_ && !flushing_) {
      auto done = std::move(flushed_);
      flushed_ = {};
      boost::asio::post(get_executor(), [done = std::move(done), ec = error_] { done(ec); });
    }
  }

  next_layer_type next_;
  std::size_t high_water_;
  std::weak_ptr<void> owner_;
  std::function<void()> on_flushed_;
  std::string pending_;   // written by Beast, not yet handed to the socket
  std::string inflight_;  // the round the socket is writing
  bool flushing_ = false;
  bool reads_stopped_ = false;
  boost::asio::cancellation_signal read_cancel_;
  boost::beast::error_code error_;  // the first failed round: every later write fails with it
  std::optional<Blocked> blocked_;
  std::function<void(boost::beast::error_code)> flushed_;
};

// Beast's WebSocket close handshake ends with a teardown of the next layer: wait until the
// buffered bytes (the close frame among them) are out, then tear the TCP stream down.
inline void teardown(boost::beast::role_type role, CorkedStream& stream,
                     boost::beast::error_code& ec) {
  using boost::beast::websocket::teardown;
  teardown(role, stream.next_layer().socket(), ec);
}

template <class TeardownHandler>
void async_teardown(boost::beast::role_type role, CorkedStream& stream, TeardownHandler&& handler) {
  auto held = std::make_shared<std::decay_t<TeardownHandler>>(std::forward<TeardownHandler>(handler));
  stream.when_flushed([role, &stream, held](boost::beast::error_code) {
    using boost::beast::websocket::async_teardown;
    async_teardown(role, stream.next_layer().socket(), std::move(*held));
  });
}

}  // namespace mockex::transport::detail
