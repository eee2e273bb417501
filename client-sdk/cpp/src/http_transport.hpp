#pragma once
// HTTP/1.1 exchanges with the daemon over a small pool of keep-alive connections. The only
// Beast/Asio user of the SDK (http_transport.cpp): this header stays free of them so the rest of
// the library compiles quickly.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace mockex::sdk::detail {

struct HttpReply {
  int status = 0;
  std::string content_type;
  std::string body;
};

class HttpTransport {
 public:
  // `authorization`: the Authorization header's value, or empty for none.
  HttpTransport(std::string host, std::string port, std::string authorization);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // One request and its answer within `timeout`; throws TransportError when the exchange fails.
  // Safe to call from several threads: each call has a connection of its own.
  HttpReply request(std::string_view method, const std::string& target, const std::string& body,
                    std::chrono::milliseconds timeout);

 private:
  struct Connection;
  std::unique_ptr<Connection> take();
  void give_back(std::unique_ptr<Connection> connection);

  // Idle keep-alive connections beyond this many are closed rather than kept.
  static constexpr std::size_t kMaxIdle = 4;

  std::string host_;
  std::string port_;
  std::string authorization_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace mockex::sdk::detail
