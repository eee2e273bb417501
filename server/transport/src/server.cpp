#include <mockex/transport/server.hpp>

#include "connection.hpp"
#include "http_session.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <spdlog/spdlog.h>

namespace mockex::transport {
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace detail {

std::uint64_t ConnectionRegistry::add(std::weak_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  auto id = next_id_++;
  live_.emplace(id, std::move(connection));
  return id;
}

void ConnectionRegistry::remove(std::uint64_t id) {
  std::vector<std::function<void()>> callbacks;
  {
    std::lock_guard lock(mutex_);
    if (live_.erase(id) == 0) return;
    if (live_.empty() && draining()) callbacks.swap(on_drained_);
  }
  for (auto& callback : callbacks) callback();
}

std::size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return live_.size();
}

void ConnectionRegistry::drain_all(std::function<void()> on_drained) {
  std::vector<std::shared_ptr<Connection>> live;
  bool already_empty = false;
  {
    std::lock_guard lock(mutex_);
    draining_.store(true, std::memory_order_release);
    already_empty = live_.empty();
    if (!already_empty) {
      on_drained_.push_back(std::move(on_drained));
      for (auto& [id, weak] : live_) {
        if (auto connection = weak.lock()) live.push_back(std::move(connection));
      }
    }
  }
  if (already_empty) {
    on_drained();
    return;
  }
  for (auto& connection : live) connection->drain();
}

void ConnectionRegistry::abort_all() {
  std::vector<std::shared_ptr<Connection>> live;
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, weak] : live_) {
      if (auto connection = weak.lock()) live.push_back(std::move(connection));
    }
  }
  for (auto& connection : live) connection->abort();
}

}  // namespace detail

namespace {

// Answers a connection over the limit with a fixed 503 and closes it; costs no session.
void turn_away(tcp::socket socket) {
  static const std::string response = [] {
    std::string body =
        R"({"error":{"code":"too_many_connections","message":"connection limit reached"}})";
    return "HTTP/1.1 503 Service Unavailable\r\n"
           "Content-Type: application/json\r\n"
           "Connection: close\r\n"
           "Retry-After: 1\r\n"
           "Content-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
  }();
  auto held = std::make_shared<tcp::socket>(std::move(socket));
  net::async_write(*held, net::buffer(response), [held](boost::system::error_code, std::size_t) {
    boost::system::error_code ec;
    held->shutdown(tcp::socket::shutdown_send, ec);
    held->close(ec);
  });
}

}  // namespace

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(net::io_context& io_context, const Router& router, TransportMetrics& metrics,
       ServerOptions opts)
      : io(io_context),
        options(std::move(opts)),
        state(std::make_shared<detail::SharedState>(router, metrics, options.limits)),
        acceptor(net::make_strand(io_context)),
        retry_timer(acceptor.get_executor()) {}

  void do_accept() {
    auto executor = options.one_thread ? net::any_io_executor(io.get_executor())
                                       : net::any_io_executor(net::make_strand(io));
    acceptor.async_accept(executor,
                          [self = shared_from_this()](boost::system::error_code ec,
                                                      tcp::socket socket) {
                            self->on_accept(ec, std::move(socket));
                          });
  }

  void on_accept(boost::system::error_code ec, tcp::socket socket) {
    if (stopped) return;
    if (ec) {
      if (ec == net::error::operation_aborted) return;
      // Out of file descriptors and the like: back off briefly instead of spinning.
      spdlog::warn("accept failed: {}", ec.message());
      retry_timer.expires_after(std::chrono::milliseconds(50));
      retry_timer.async_wait([self = shared_from_this()](boost::system::error_code wait_ec) {
        if (!wait_ec && !self->stopped) self->do_accept();
      });
      return;
    }
    if (state->registry.size() >= options.limits.max_connections) {
      state->metrics.limit_hit(LimitKind::connections);
      turn_away(std::move(socket));
    } else {
      boost::system::error_code nodelay_ec;
      socket.set_option(tcp::no_delay(true), nodelay_ec);
      state->metrics.connection_opened();
      std::make_shared<detail::HttpSession>(std::move(socket), state)->start();
    }
    do_accept();
  }

  net::io_context& io;
  ServerOptions options;
  std::shared_ptr<detail::SharedState> state;
  tcp::acceptor acceptor;
  net::steady_timer retry_timer;
  bool stopped = false;  // touched only on the acceptor's strand
};

Server::Server(net::io_context& io, const Router& router, TransportMetrics& metrics,
               ServerOptions options)
    : impl_(std::make_shared<Impl>(io, router, metrics, std::move(options))) {}

Server::~Server() {
  boost::system::error_code ec;
  impl_->acceptor.close(ec);
}

std::error_code Server::listen(std::string& what) {
  boost::system::error_code ec;
  auto address = net::ip::make_address(impl_->options.bind, ec);
  if (ec) {
    what = "invalid bind address '" + impl_->options.bind + "'";
    return ec;
  }
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  auto fail = [&](const char* step) {
    what = std::string(step) + " " + impl_->options.bind + ":" +
           std::to_string(impl_->options.port);
    boost::system::error_code close_ec;
    acceptor.close(close_ec);
    return ec;
  };
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return fail("cannot open a socket for");
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return fail("cannot configure");
  acceptor.bind(endpoint, ec);
  if (ec) return fail("cannot listen on");
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail("cannot listen on");
  return {};
}

std::uint16_t Server::port() const {
  boost::system::error_code ec;
  auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void Server::start() {
  net::post(impl_->acceptor.get_executor(), [impl = impl_] { impl->do_accept(); });
}

void Server::shutdown(std::function<void()> on_drained) {
  net::post(impl_->acceptor.get_executor(), [impl = impl_, on_drained = std::move(on_drained)] {
    impl->stopped = true;
    boost::system::error_code ec;
    impl->acceptor.close(ec);
    impl->retry_timer.cancel();
    impl->state->registry.drain_all(on_drained);
  });
}

void Server::abort_connections() { impl_->state->registry.abort_all(); }

std::size_t Server::open_connections() const { return impl_->state->registry.size(); }

}  // namespace mockex::transport
