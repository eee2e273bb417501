#pragma once
// The single seam between the wire and the application: a request's method and path select a
// handler that sees only the neutral types of mockex/core/http.hpp.

#include <mockex/core/http.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockex::transport {

// A pattern is a path whose segments are literals, `{name}` (one segment, captured) or a final
// `{name*}` (the rest of the path, possibly empty, captured without its leading '/').
// When several patterns match, the most specific wins: segment by segment, a literal beats a
// capture, which beats a rest-capture.
class Router {
 public:
  void add(std::string method, std::string pattern, core::HttpHandler handler);
  void add_websocket(std::string pattern, core::WsHandlerFactory factory);

  struct HttpMatch {
    const core::HttpHandler* handler = nullptr;  // null: `error` holds the 404 or 405 to send
    std::string_view route;                      // the pattern, a bounded metrics label
    core::PathParams params;
    std::optional<core::HttpResponse> error;
  };
  HttpMatch match(std::string_view method, std::string_view path) const;

  struct WsMatch {
    const core::WsHandlerFactory* factory = nullptr;  // null: no WebSocket at this path
    std::string_view route;
    core::PathParams params;
  };
  WsMatch match_websocket(std::string_view path) const;

  // The error body every router-level failure uses: {"error":{"code":..,"message":..}}.
  static core::HttpResponse error_response(int status, std::string_view code,
                                           std::string_view message);

 private:
  struct Segment {
    enum class Kind { literal, capture, rest } kind;
    std::string text;  // the literal, or the capture's name
  };
  struct Pattern {
    std::string source;
    std::vector<Segment> segments;
  };
  struct HttpRoute {
    std::string method;
    Pattern pattern;
    core::HttpHandler handler;
  };
  struct WsRoute {
    Pattern pattern;
    core::WsHandlerFactory factory;
  };

  static Pattern parse(std::string pattern);
  // Captures on success; the score ranks specificity (larger is more specific).
  static std::optional<core::PathParams> capture(const Pattern& pattern, std::string_view path,
                                                 std::vector<int>& score);

  std::vector<HttpRoute> http_;
  std::vector<WsRoute> ws_;
};

}  // namespace mockex::transport
