#pragma once
// Reads a TCP socket through recvmsg with SO_TIMESTAMPNS, so the kernel also says when the bytes
// read reached the host. An injected delay counts from then: time a request spent in the socket
// buffer while the daemon was busy with other connections is time its client has already waited.
//
// The read is an operation of Asio's own reactor (the epoll reactor of Linux builds), so it costs
// what Asio's async_read_some costs: one recvmsg when bytes are there, and no syscall at all to
// wait, since the socket stays registered for readiness. (Waiting with async_wait instead re-arms
// the registration with an epoll_ctl on every request.) Asio has no public way to read with
// control messages; the operation uses its reactor_op and start_op, as its own reads do.
//
// An AsyncReadStream for Beast's http::async_read; writes go to the socket directly. Completions
// never run inside the call that started them.

#include <sys/socket.h>
#include <sys/uio.h>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/detail/bind_handler.hpp>
#include <boost/asio/detail/handler_work.hpp>
#include <boost/asio/detail/reactor.hpp>
#include <boost/asio/detail/reactor_op.hpp>
#include <boost/asio/detail/reactive_socket_service.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/execution/context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/query.hpp>
#include <boost/beast/core/error.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <memory>
#include <utility>

#if defined(BOOST_ASIO_HAS_IOCP) || defined(BOOST_ASIO_HAS_IO_URING_AS_DEFAULT) || \
    defined(BOOST_ASIO_WINDOWS_RUNTIME)
#error "StampedReader reads through Asio's reactor (epoll): other back ends are not supported"
#endif

namespace mockex::transport::detail {

class StampedReader {
 public:
  using executor_type = boost::asio::ip::tcp::socket::executor_type;

  // `socket` must outlive the reader's reads. Without timestamps (the option refused), reads
  // still work and waited() stays zero.
  explicit StampedReader(boost::asio::ip::tcp::socket& socket)
      : socket_(socket),
        reactor_(boost::asio::use_service<boost::asio::detail::reactor>(
            boost::asio::query(socket.get_executor(), boost::asio::execution::context))) {
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
          using Op = ReadOp<decltype(handler), MutableBuffers>;
          auto op = std::make_unique<Op>(*this, std::move(handler), into);
          auto& socket = implementation();
          // Speculative: Asio reads at once unless the last read found the socket drained.
          reactor_.start_op(boost::asio::detail::reactor::read_op, socket.socket_,
                            socket.reactor_data_, op.release(), false, true);
        },
        token, buffers);
  }

 private:
  // One read in Asio's reactor: perform() is the recvmsg, run when the socket is readable (or
  // at once); do_complete() hands the result to the handler on its executor, or only frees the
  // operation when the io_context is destroyed with it pending (owner == nullptr).
  template <class Handler, class MutableBuffers>
  class ReadOp : public boost::asio::detail::reactor_op {
   public:
    ReadOp(StampedReader& reader, Handler handler, const MutableBuffers& buffers)
        : reactor_op(boost::system::error_code(), &ReadOp::do_perform, &ReadOp::do_complete),
          reader_(reader),
          buffers_(buffers),
          handler_(std::move(handler)),
          work_(handler_, reader.socket_.get_executor()) {}

   private:
    static status do_perform(reactor_op* base) {
      auto* op = static_cast<ReadOp*>(base);
      std::size_t room = 0;
      if (!op->reader_.try_read(op->buffers_, op->ec_, op->bytes_transferred_, room)) {
        return not_done;
      }
      // Fewer bytes than asked for: the socket is drained, so the next read waits first.
      return !op->ec_ && op->bytes_transferred_ < room ? done_and_exhausted : done;
    }

    static void do_complete(void* owner, boost::asio::detail::operation* base,
                            const boost::system::error_code&, std::size_t) {
      std::unique_ptr<ReadOp> op(static_cast<ReadOp*>(base));
      auto work = std::move(op->work_);
      boost::asio::detail::binder2<Handler, boost::system::error_code, std::size_t> call(
          op->handler_, op->ec_, op->bytes_transferred_);
      op.reset();  // freed before the upcall, which may start the next read
      if (owner) work.complete(call, call.handler_);
    }

    StampedReader& reader_;
    MutableBuffers buffers_;
    Handler handler_;
    boost::asio::detail::handler_work<Handler, executor_type> work_;
  };

  // The socket's Asio implementation (descriptor and reactor registration), which basic_socket
  // keeps protected: reached through a member pointer named in a derived class.
  struct SocketAccess : boost::asio::ip::tcp::socket {
    static constexpr auto impl = &SocketAccess::impl_;
  };
  using SocketImplementation =
      boost::asio::detail::reactive_socket_service<boost::asio::ip::tcp>::implementation_type;
  SocketImplementation& implementation() {
    return (socket_.*SocketAccess::impl).get_implementation();
  }

// One non-blocking recvmsg into `into`; false when nothing is waiting (EAGAIN).
  // `room` is set to the buffers' total size.
  template <class MutableBuffers>
  bool try_read(const MutableBuffers& into, boost::beast::error_code& ec, std::size_t& bytes,
                std::size_t& room) {
    constexpr int max_pieces = 16;
    iovec pieces[max_pieces];
    int count = 0;
    for (auto it = boost::asio::buffer_sequence_begin(into);
         it != boost::asio::buffer_sequence_end(into) && count < max_pieces; ++it) {
      boost::asio::mutable_buffer piece(*it);
      if (piece.size() == 0) continue;
      pieces[count++] = iovec{piece.data(), piece.size()};
    }
    room = 0;
    for (int i = 0; i < count; ++i) room += pieces[i].iov_len;
    if (count == 0) return true;  // as Asio: a read into nothing completes at once with 0
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
  boost::asio::detail::reactor& reactor_;
  timespec stamp_{};  // CLOCK_REALTIME arrival of the last bytes read
};

}  // namespace mockex::transport::detail
