#pragma once
// Reads a TCP socket through recvmsg with SO_TIMESTAMPNS, so the kernel also says when the bytes
// read reached the host. An injected delay counts from then: time a request spent in the socket
// buffer while the daemon was busy with other connections is time its client has already waited.
//
// A read tries the socket at once only when bytes are likely waiting (the connection's first read,
// or the last read filled its buffer); otherwise it waits until readable and then reads. A
// request-response client sends its next request after our answer, so trying first would cost a
// recvmsg that finds nothing, on every request.
//
// An AsyncReadStream for Beast's http::async_read; writes go to the socket directly. Completions
// never run inside the call that started them.

#include <sys/socket.h>
#include <sys/uio.h>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/error.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <utility>

namespace mockex::transport::detail {

class StampedReader {
 public:
  using executor_type = boost::asio::ip::tcp::socket::executor_type;

  // `socket` must outlive the reader's reads. Without timestamps (the option refused), reads
  // still work and waited() stays zero.
  explicit StampedReader(boost::asio::ip::tcp::socket& socket) : socket_(socket) {
    int on = 1;
    ::setsockopt(socket_.native_handle(), SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);
  }

  executor_type get_executor() noexcept { return socket_.get_executor(); }

  // How long ago the last bytes read so far reached the host, by the wall clock the kernel
  // stamps with; zero when no read carried a stamp. Clamped to [0, 1 s] against clock steps.
  std::chrono::nanoseconds waited() const {
    if (stamp_.tv_sec == 0 && stamp_.tv_nsec == 0) return {};
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    auto waited = std::chrono::seconds(now.tv_sec - stamp_.tv_sec) +
                  std::chrono::nanoseconds(now.tv_nsec - stamp_.tv_nsec);
    if (waited < std::chrono::nanoseconds::zero()) return {};
    return std::min<std::chrono::nanoseconds>(waited, std::chrono::seconds(1));
  }

  template <class MutableBuffers, class Token>
  auto async_read_some(const MutableBuffers& buffers, Token&& token) {
    return boost::asio::async_initiate<Token, void(boost::beast::error_code, std::size_t)>(
        [this](auto handler, const MutableBuffers& into) {
          boost::beast::error_code ec;
          std::size_t bytes = 0;
          if (std::exchange(try_first_, false) && try_read(into, ec, bytes)) {
            auto executor = boost::asio::get_associated_executor(handler, get_executor());
            boost::asio::post(executor, [handler = std::move(handler), ec, bytes]() mutable {
              std::move(handler)(ec, bytes);
            });
            return;
          }
          wait(std::move(handler), into);
        },
        token, buffers);
  }

 private:
  template <class Handler, class MutableBuffers>
  void wait(Handler handler, const MutableBuffers& into) {
    auto executor = boost::asio::get_associated_executor(handler, get_executor());
    socket_.async_wait(
        boost::asio::ip::tcp::socket::wait_read,
        boost::asio::bind_executor(
            executor, [this, handler = std::move(handler), into](boost::beast::error_code ec) mutable {
              std::size_t bytes = 0;
              if (ec || try_read(into, ec, bytes)) {
                std::move(handler)(ec, bytes);
                return;
              }
              wait(std::move(handler), into);  // readable, then taken by nobody: wait again
            }));
  }

  // One non-blocking recvmsg into `into`; false when nothing is waiting (EAGAIN).
  template <class MutableBuffers>
  bool try_read(const MutableBuffers& into, boost::beast::error_code& ec, std::size_t& bytes) {
    constexpr int max_pieces = 16;
    iovec pieces[max_pieces];
    int count = 0;
    for (auto it = boost::asio::buffer_sequence_begin(into);
         it != boost::asio::buffer_sequence_end(into) && count < max_pieces; ++it) {
      boost::asio::mutable_buffer piece(*it);
      if (piece.size() == 0) continue;
      pieces[count++] = iovec{piece.data(), piece.size()};
    }
    if (count == 0) return true;  // as Asio: a read into nothing completes at once with 0
    std::size_t room = 0;
    for (int i = 0; i < count; ++i) room += pieces[i].iov_len;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
    msghdr message{};
    message.msg_iov = pieces;
    message.msg_iovlen = static_cast<std::size_t>(count);
    for (;;) {
      message.msg_control = control;
      message.msg_controllen = sizeof control;
      auto got = ::recvmsg(socket_.native_handle(), &message, MSG_DONTWAIT);
      if (got > 0) {
        bytes = static_cast<std::size_t>(got);
        try_first_ = bytes == room;  // a full buffer: more may be waiting
        take_stamp(message);
        return true;
      }
      if (got == 0) {
        ec = boost::asio::error::eof;
        return true;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) return false;
      ec = boost::beast::error_code(errno, boost::asio::error::get_system_category());
      return true;
    }
  }

  void take_stamp(msghdr& message) {
    for (auto* cmsg = CMSG_FIRSTHDR(&message); cmsg != nullptr; cmsg = CMSG_NXTHDR(&message, cmsg)) {
      if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_TIMESTAMPNS &&
          cmsg->cmsg_len >= CMSG_LEN(sizeof(timespec))) {
        std::memcpy(&stamp_, CMSG_DATA(cmsg), sizeof stamp_);
      }
    }
  }

  boost::asio::ip::tcp::socket& socket_;
  timespec stamp_{};  // CLOCK_REALTIME arrival of the last bytes read
  bool try_first_ = true;
};

}  // namespace mockex::transport::detail
