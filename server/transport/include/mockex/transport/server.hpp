#pragma once
// The listening side of mockexd: one port for HTTP/1.1 and WebSocket, connections on their own
// strands of the caller's io_context (or on its own executor when one thread runs it), and a
// graceful drain on shutdown.

#include <mockex/transport/limits.hpp>
#include <mockex/transport/metrics.hpp>
#include <mockex/transport/router.hpp>

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <system_error>

namespace mockex::transport {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 0;  // 0 picks a free port; port() tells which
  Limits limits;
  // The io_context is run by exactly one thread (and nothing else touches the connections): they
  // then share its executor instead of a strand each, which saves a strand hop per handler.
  bool one_thread = false;
};

class Server {
 public:
  // `router` and `metrics` must outlive the server and every connection it opened (they are used
  // until the io_context has stopped).
  Server(boost::asio::io_context& io, const Router& router, TransportMetrics& metrics,
         ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens, binds and listens. On failure returns the error; `what` then says which step failed.
  std::error_code listen(std::string& what);
  std::uint16_t port() const;

  // Starts accepting connections (call after listen succeeded).
  void start();

  // Stops accepting. Idle connections close at once; a connection with requests in flight answers
  // them (the last response says Connection: close) and then closes; WebSockets get a 1001 close
  // frame. `on_drained` runs on an io_context thread once no connection is left (at once if none
  // is open). Safe to call from any thread, more than once (later calls only add no callback).
  void shutdown(std::function<void()> on_drained);

  // After the io_context has stopped (its threads joined): closes the connections still open,
  // for a shutdown that the drain deadline cut short, so nothing they hold outlives the server.
  void abort_connections();

  std::size_t open_connections() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace mockex::transport
