#pragma once
// The single seam between the wire and the application: a request's method and path select a
// handler that sees only the neutral types of mockex/core/http.hpp.

#include <mockex/core/http.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
  // How specific a pattern is, segment by segment (literal 2, capture 1, rest 0), compared
  // lexicographically: of the patterns that fit a path, the larger wins. A property of the
  // pattern alone, so a pattern that cannot beat the best so far is not even tried.
  struct Score {
    std::array<std::uint8_t, 16> values{};
    std::size_t size = 0;
    friend bool operator>(const Score& a, const Score& b) {
      return std::lexicographical_compare(b.values.begin(), b.values.begin() + b.size,
                                          a.values.begin(), a.values.begin() + a.size);
    }
  };
  struct Pattern {
    std::string source;
    std::vector<Segment> segments;  // at most Score's 16
    Score score;
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

  // Whether `pattern` matches the path split into `parts` (no allocation).
  static bool fits(const Pattern& pattern, const std::vector<std::string_view>& parts);
  // The captures of a pattern that fits.
  static core::PathParams capture(const Pattern& pattern, const std::vector<std::string_view>& parts,
                                  std::string_view path);

  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  using StringMap =
      std::unordered_map<std::string, std::vector<std::size_t>, StringHash, std::equal_to<>>;

  // Patterns made only of literals are found by their exact path (nothing is more specific).
  // Those starting with a literal are bucketed by it and, within the bucket, by their last
  // segment when that is a literal too (a path they fit ends with it: "/s/{session}/api/v3/order"
  // is tried only for paths from "s" to "order"); those ending in a capture or {name*} are tried
  // for every path of their bucket. Patterns starting with a capture are tried for every path.
  // Indexes into http_ / ws_, in the order added.
  struct FirstBucket {
    StringMap by_last;
    std::vector<std::size_t> others;
  };
  struct Index {
    StringMap exact;
    std::unordered_map<std::string, FirstBucket, StringHash, std::equal_to<>> by_first;
    std::vector<std::size_t> wild;
    void add(const Pattern& pattern, std::size_t at);
    // The patterns that may fit `parts` (the path split at '/'), each group in the order added.
    // Patterns of different groups never tie (their scores differ at the first or the last
    // segment), so visiting group by group keeps "the first added wins a tie".
    template <class Visit>
    void each(const std::vector<std::string_view>& parts, Visit visit) const;
  };

  std::vector<HttpRoute> http_;
  std::vector<WsRoute> ws_;
  Index http_index_;
  Index ws_index_;
};

}  // namespace mockex::transport
