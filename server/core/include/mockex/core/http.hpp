#pragma once
// Neutral HTTP and WebSocket types: what handlers (admin, dialects) see instead of Beast's types.
// Value types only; transport converts to and from the wire.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace mockex::core {

// Header names are kept as received; lookups are case-insensitive.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

inline std::optional<std::string_view> find_header(const HeaderList& headers,
                                                   std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

// Named path parameters captured by a route pattern such as /s/{session}/api/v3/order.
using PathParams = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;         // "GET", "POST", ... as sent
  std::string target;         // the raw request target, e.g. "/api/v3/order?symbol=BTCUSDT"
  std::string path;           // target up to '?', not percent-decoded
  std::string query;          // raw bytes after '?' (signatures are computed over raw bytes)
  HeaderList headers;
  std::string body;
  std::string remote_address;  // "127.0.0.1:51234"
  PathParams params;           // filled by the router

  std::optional<std::string_view> header(std::string_view name) const {
    return find_header(headers, name);
  }
  std::optional<std::string_view> param(std::string_view name) const {
    for (const auto& [key, value] : params) {
      if (key == name) return value;
    }
    return std::nullopt;
  }
};

// What the transport does to a response on the wire beyond sending it: a fault's effect, decided
// by whoever built the response (the fault engine decides, the transport carries it out).
struct WireEffect {
  enum class Action : std::uint8_t {
    none,
    hang,                 // never answer; the connection stays open until the client gives up
    reset,                // close the connection with a TCP RST (SO_LINGER 0), nothing sent
    close_after_headers,  // send the status line and headers, then close
    truncate,             // send the headers (full Content-Length) and keep_bytes of the body, close
    slow_body,            // send the headers, then the body in chunk_bytes pieces over slow_total
  };
  std::chrono::microseconds delay{0};  // wall-clock wait before the response (or action) starts
  Action action = Action::none;
  std::size_t keep_bytes = 0;
  std::chrono::microseconds slow_total{0};
  std::size_t chunk_bytes = 1;

  bool empty() const { return delay.count() == 0 && action == Action::none; }
};

struct HttpResponse {
  int status = 200;
  HeaderList headers;
  std::string body;
  WireEffect effect;  // none by default

  // Replaces a header of the same name (case-insensitive) or appends it.
  void set_header(std::string name, std::string value) {
    for (auto& [key, current] : headers) {
      if (iequals(key, name)) {
        current = std::move(value);
        return;
      }
    }
    headers.emplace_back(std::move(name), std::move(value));
  }
  std::optional<std::string_view> header(std::string_view name) const {
    return find_header(headers, name);
  }

  static HttpResponse json(int status, std::string body) {
    return HttpResponse{status, {{"Content-Type", "application/json"}}, std::move(body), {}};
  }
  static HttpResponse text(int status, std::string body) {
    return HttpResponse{status, {{"Content-Type", "text/plain; charset=utf-8"}}, std::move(body), {}};
  }
};

// Completes one request. Call it exactly once, from any thread; the transport carries the
// response back to the connection's own strand and keeps pipelined responses in order.
using Responder = std::function<void(HttpResponse)>;
using HttpHandler = std::function<void(HttpRequest&& request, Responder respond)>;

// How a module that owns routes (admin, a dialect) hands them to whoever serves them: method,
// path pattern ({name} captures one segment, a final {name*} the rest) and handler.
using RouteAdder =
    std::function<void(std::string method, std::string pattern, HttpHandler handler)>;

// The server side of one open WebSocket, implemented by the transport. Thread-safe.
class WsConnection {
 public:
  virtual ~WsConnection() = default;
  // Queues a text message. Returns false when the connection is closed or its bounded send
  // queue is full (the transport then drops that slow client and counts it).
  virtual bool send_text(std::string message) = 0;
  // The same for a message shared by many connections (a market-stream event): no copy each.
  virtual bool send_shared(std::shared_ptr<const std::string> message) {
    return send_text(*message);
  }
  // Sends a close frame with `code` (RFC 6455) and closes the connection.
  virtual void close(std::uint16_t code, std::string reason) = 0;
  // Ends the connection at once with no close frame (a TCP close: the client sees an abnormal
  // closure, code 1006). Queued messages are dropped.
  virtual void abort_connection() = 0;
  // Stops reading from the client: its pings go unanswered and its messages unprocessed, while
  // outgoing messages still flow (a server that stopped answering pings). For good.
  virtual void stop_reading() = 0;
  virtual std::string remote_address() const = 0;
};

// What an application does with one WebSocket. Called on the connection's strand, never
// concurrently for one connection.
class WsHandler {
 public:
  virtual ~WsHandler() = default;
  virtual void on_open(std::shared_ptr<WsConnection> connection) = 0;
  virtual void on_message(std::string_view message, bool is_text) = 0;
  virtual void on_close() = 0;
};

// Answers an upgrade request: a handler accepts it, a response refuses it (sent as plain HTTP).
using WsAccept = std::variant<std::shared_ptr<WsHandler>, HttpResponse>;
using WsHandlerFactory = std::function<WsAccept(const HttpRequest& upgrade)>;

// How a module hands its WebSocket endpoints to whoever serves them: path pattern and factory.
using WsRouteAdder = std::function<void(std::string pattern, WsHandlerFactory factory)>;

}  // namespace mockex::core
