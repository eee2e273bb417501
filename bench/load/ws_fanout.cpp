// mockex_ws_fanout: N WebSocket subscribers on one stream path, counting what mockexd delivers
// (bench/README.md).
//
//   mockex_ws_fanout --port P --path '/stream?streams=btcusdt@depth@100ms/btcusdt@trade' -c 1000 -d 10
//
// Connects every subscriber first, waits --warmup seconds, then counts messages for -d seconds.
// Prints messages/s over all subscribers, the least and most any one subscriber got, and how many
// connections the server dropped (a slow subscriber is dropped, never waited for), as one JSON
// line.

#include "load_cli.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

namespace {

struct Options : mockex::bench::CommonOptions {
  int warmup = 2;
};

std::atomic<bool> counting{false};
std::atomic<int> open_connections{0};
std::atomic<int> dropped{0};

class Subscriber : public std::enable_shared_from_this<Subscriber> {
 public:
  Subscriber(net::io_context& io, const Options& options)
      : ws_(net::make_strand(io)), options_(options) {}

  void start(const tcp::resolver::results_type& endpoints) {
    beast::get_lowest_layer(ws_).async_connect(
        endpoints, [self = shared_from_this()](beast::error_code ec, const tcp::endpoint&) {
          if (ec) return self->lost();
          self->ws_.async_handshake(self->options_.host, self->options_.path,
                                    [self](beast::error_code handshake_ec) {
                                      if (handshake_ec) return self->lost();
                                      ++open_connections;
                                      self->read();
                                    });
        });
  }

  void stop() {
    stopping_ = true;
    beast::error_code ec;
    beast::get_lowest_layer(ws_).socket().close(ec);
  }
  std::uint64_t count() const { return count_; }

 private:
  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->lost();
      self->buffer_.clear();
      if (counting.load(std::memory_order_relaxed)) ++self->count_;
      self->read();
    });
  }
  void lost() {
    if (!stopping_) ++dropped;
  }

  websocket::stream<beast::tcp_stream> ws_;
  const Options& options_;
  beast::flat_buffer buffer_;
  std::uint64_t count_ = 0;
  bool stopping_ = false;
};

bool parse(int argc, char** argv, Options& o) {
  o.path = "/stream?streams=btcusdt@depth@100ms/btcusdt@trade";
  o.connections = 100;
  return mockex::bench::parse_flags(
      argc, argv, o, {{"--warmup", [&](const std::string& v) { o.warmup = std::stoi(v); }}});
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, options)) {
    std::cerr << "usage: mockex_ws_fanout --port P [--host H] [--path /stream?streams=...] "
                 "[-c 100] [-d 10] [--warmup 2] [-t 1]\n";
    return 2;
  }
  net::io_context io;
  auto endpoints = tcp::resolver(io).resolve(options.host, options.port);
  std::vector<std::shared_ptr<Subscriber>> subscribers;
  for (int i = 0; i < options.connections; ++i) {
    subscribers.push_back(std::make_shared<Subscriber>(io, options));
    subscribers.back()->start(endpoints);
  }
  net::steady_timer timer(io);
  double measured = 0;
  timer.expires_after(std::chrono::seconds(options.warmup));
  timer.async_wait([&](beast::error_code) {
    counting = true;
    auto from = std::chrono::steady_clock::now();
    timer.expires_after(std::chrono::seconds(options.seconds));
    timer.async_wait([&, from](beast::error_code) {
      counting = false;
      measured = std::chrono::duration<double>(std::chrono::steady_clock::now() - from).count();
      for (auto& subscriber : subscribers) {
        net::post(io, [subscriber] { subscriber->stop(); });
      }
    });
  });
  mockex::bench::run_threads(io, options.threads);

  std::uint64_t total = 0;
  std::uint64_t least = UINT64_MAX;
  std::uint64_t most = 0;
  for (const auto& subscriber : subscribers) {
    total += subscriber->count();
    least = std::min(least, subscriber->count());
    most = std::max(most, subscriber->count());
  }
  std::printf(
      "{\"path\":\"%s\",\"subscribers\":%d,\"connected\":%d,\"seconds\":%.2f,\"messages\":%llu,"
      "\"messages_per_s\":%.0f,\"per_subscriber_min\":%llu,\"per_subscriber_max\":%llu,"
      "\"dropped\":%d}\n",
      options.path.c_str(), options.connections, open_connections.load(), measured,
      static_cast<unsigned long long>(total), measured > 0 ? static_cast<double>(total) / measured : 0.0,
      static_cast<unsigned long long>(subscribers.empty() ? 0 : least),
      static_cast<unsigned long long>(most), dropped.load());
  return dropped.load() == 0 ? 0 : 1;
}
