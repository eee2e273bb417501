#pragma once
// Which traffic a fault rule applies to. Every field is optional (empty = any); a non-empty field
// requires the Point's field to be non-empty and to match it.

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "mockex/fault/error.hpp"
#include "mockex/fault/point.hpp"

namespace mockex::fault {

struct Match {
  std::string protocol;         // exactly "http", "ws" or "ws-api"
  std::string http;             // "METHOD path-glob": "POST /api/v3/order", "* /api/v3/*"
  std::string stream;           // glob on Point::stream: "*@depth*", "executionReport"
  std::string event;            // glob on Point::event: "executionReport.TRADE"
  std::string ws_api;           // glob on Point::ws_api_method: "order.*"
  std::string symbol;           // exact, case-insensitive
  std::string api_key;          // exact
  std::string client_order_id;  // glob

  bool empty() const;
  friend bool operator==(const Match&, const Match&) = default;
};

// Match::http parsed: a method (case-insensitive; "*" for any) and a path glob, separated by one
// space. The path glob starts with '/' or is "*".
struct HttpPattern {
  std::string method;  // upper-cased; "*" for any
  std::string path;

  friend bool operator==(const HttpPattern&, const HttpPattern&) = default;
};

// The pattern, or why the text is not one.
std::variant<HttpPattern, std::string> parse_http_pattern(std::string_view text);

// A Match checked once and ready to test points without allocating.
class Matcher {
 public:
  Matcher() = default;  // matches every point

  // Validates every field (protocol name, http text, globs); an Error's field is
  // "<field_prefix>.<name>", e.g. "match.http" or "trigger.match.symbol".
  static std::variant<Matcher, Error> compile(const Match& match,
                                              std::string_view field_prefix = "match");

  bool matches(const Point& point) const;

 private:
  Match match_;
  std::optional<HttpPattern> http_;
};

}  // namespace mockex::fault
