#pragma once
// A real transport Server on 127.0.0.1 (port 0) run in-process on its own threads, and a plain
// POSIX client that sees exactly what arrives on the wire: bytes, EOF or ECONNRESET.

#include <mockex/transport/metrics.hpp>
#include <mockex/transport/router.hpp>
#include <mockex/transport/server.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>
#include <prometheus/registry.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace mockex::transport::testing {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Polls `condition` until it holds or `timeout` passes; returns whether it held. For conditions
// another thread makes true (a gauge, a callback), never for timing.
template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout = 5s) {
  const auto until = Clock::now() + timeout;
  while (!condition()) {
    if (Clock::now() >= until) return false;
    std::this_thread::sleep_for(1ms);
  }
  return true;
}

class Harness {
 public:
  Router router;  // add routes before start()

  explicit Harness(Limits limits = {}) : limits_(limits), metrics_(registry_) {}
  ~Harness() {
    // No drain: stop the loop, then close what is left (as mockexd does past its drain deadline).
    io_.stop();
    for (auto& thread : threads_) thread.join();
    if (server_) server_->abort_connections();
  }
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  // MOCKEX_TEST_ONE_THREAD=1 runs the server as mockexd --threads 1 does: one thread, no strands.
  static bool one_thread() {
    const char* value = std::getenv("MOCKEX_TEST_ONE_THREAD");
    return value != nullptr && std::string_view(value) == "1";
  }

  void start(bool one = one_thread()) {
    server_.emplace(io_, router, metrics_, ServerOptions{"127.0.0.1", 0, limits_, one});
    std::string what;
    auto ec = server_->listen(what);
    ASSERT_FALSE(ec) << what << ": " << ec.message();
    server_->start();
    for (int i = 0; i < (one ? 1 : 2); ++i) threads_.emplace_back([this] { io_.run(); });
  }

  Server& server() { return *server_; }
  std::uint16_t port() const { return server_->port(); }

  // The value of an unlabelled counter or gauge; nullopt when it has no series yet.
  std::optional<double> metric(std::string_view name) {
    for (const auto& family : registry_.Collect()) {
      if (family.name != name || family.metric.empty()) continue;
      const auto& sample = family.metric.front();
      return family.type == prometheus::MetricType::Counter ? sample.counter.value
                                                            : sample.gauge.value;
    }
    return std::nullopt;
  }

 private:
  Limits limits_;
  prometheus::Registry registry_;
  TransportMetrics metrics_;
  boost::asio::io_context io_{2};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_{
      io_.get_executor()};
  std::optional<Server> server_;
  std::vector<std::thread> threads_;
};

// A blocking TCP client; every wait is bounded.
class Client {
 public:
  explicit Client(std::uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  }
  ~Client() { close(); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  void send(std::string_view data) {
    while (!data.empty()) {
      auto sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
  }

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

  // Reads until `done(received())` holds, the connection ends, or `timeout` passes; returns
  // whether `done` held.
  bool wait_for(const std::function<bool(std::string&)>& done,
                std::chrono::milliseconds timeout = 5s) {
    const auto until = Clock::now() + timeout;
    while (!done(received_)) {
      if (ended()) return false;
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
      if (left < 0ms) return false;
      pollfd entry{fd_, POLLIN, 0};
      if (::poll(&entry, 1, static_cast<int>(left.count()) + 1) <= 0) continue;
      char chunk[4096];
      auto got = ::recv(fd_, chunk, sizeof chunk, 0);
      if (got > 0) {
        received_.append(chunk, static_cast<std::size_t>(got));
      } else if (got == 0) {
        eof_ = true;
      } else if (errno != EINTR && errno != EAGAIN) {
        error_ = errno;
      }
    }
    return true;
  }

  // Waits for the server to end the connection (EOF or an error such as ECONNRESET).
  bool wait_closed(std::chrono::milliseconds timeout = 5s) {
    wait_for([this](std::string&) { return ended(); }, timeout);
    return ended();
  }

  bool ended() const { return eof_ || error_ != 0; }
  bool eof() const { return eof_; }
  int error() const { return error_; }
  std::string& received() { return received_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
  std::string received_;
  bool eof_ = false;
  int error_ = 0;
};

// One HTTP/1.1 response as parsed from the front of a client's bytes.
struct ParsedResponse {
  int status = 0;
  std::string head;  // status line and headers, header names as sent
  std::optional<std::size_t> content_length;
  std::string body;
};

// The head (status line and headers) at the front of `bytes`, or nullopt until it is complete.
inline std::optional<ParsedResponse> parse_head(const std::string& bytes) {
  auto end = bytes.find("\r\n\r\n");
  if (end == std::string::npos) return std::nullopt;
  ParsedResponse out;
  out.head = bytes.substr(0, end + 4);
  if (out.head.size() > 12) out.status = std::stoi(out.head.substr(9, 3));
  std::string lower = out.head;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto at = lower.find("\r\ncontent-length:");
  if (at != std::string::npos) {
    out.content_length = std::stoul(lower.substr(at + std::strlen("\r\ncontent-length:")));
  }
  return out;
}

// Takes one whole response (head and Content-Length body) off the front of `bytes`.
inline std::optional<ParsedResponse> take_response(std::string& bytes) {
  auto response = parse_head(bytes);
  if (!response) return std::nullopt;
  auto length = response->content_length.value_or(0);
  if (bytes.size() < response->head.size() + length) return std::nullopt;
  response->body = bytes.substr(response->head.size(), length);
  bytes.erase(0, response->head.size() + length);
  return response;
}

inline std::string get(std::string_view path) {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n\r\n";
}

// Sends a GET and waits for its whole response.
inline std::optional<ParsedResponse> request(Client& client, std::string_view path,
                                             std::chrono::milliseconds timeout = 5s) {
  client.send(get(path));
  std::optional<ParsedResponse> response;
  client.wait_for(
      [&](std::string& bytes) {
        response = take_response(bytes);
        return response.has_value();
      },
      timeout);
  return response;
}

}  // namespace mockex::transport::testing
