#include "mockex/fault/match.hpp"

#include <array>
#include <utility>

#include "mockex/fault/glob.hpp"

namespace mockex::fault {

namespace {

constexpr std::array<std::string_view, 3> kProtocols = {"http", "ws", "ws-api"};

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (upper(a[i]) != upper(b[i])) return false;
  }
  return true;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string quoted(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

// A non-empty pattern requires a non-empty value that matches.
bool glob_field(const std::string& pattern, std::string_view value) {
  return pattern.empty() || (!value.empty() && glob_match(pattern, value));
}

}  // namespace

bool Match::empty() const {
  return protocol.empty() && http.empty() && stream.empty() && event.empty() && ws_api.empty() &&
         symbol.empty() && api_key.empty() && client_order_id.empty();
}

std::variant<HttpPattern, std::string> parse_http_pattern(std::string_view text) {
  const std::string expected = "expected \"METHOD path-glob\" (e.g. \"POST /api/v3/order\" or "
                               "\"* /api/v3/*\"), got " + quoted(text);
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space == 0 || space + 1 >= text.size()) return expected;
  const std::string_view method = text.substr(0, space);
  const std::string_view path = text.substr(space + 1);
  if (path.find(' ') != std::string_view::npos) return expected;

  HttpPattern pattern;
  if (method != "*") {
    for (char c : method) {
      if (!is_letter(c))
        return "method " + quoted(method) + " must be letters (GET, POST, ...) or *";
    }
  }
  for (char c : method) pattern.method += upper(c);
  if (path.front() != '/' && path != "*") {
    return "path " + quoted(path) + " must start with '/' (or be *)";
  }
  if (auto error = glob_error(path)) return "path " + quoted(path) + ": " + *error;
  pattern.path = std::string(path);
  return pattern;
}

std::variant<Matcher, Error> Matcher::compile(const Match& match, std::string_view field_prefix) {
  auto field = [&](std::string_view name) {
    std::string out(field_prefix);
    if (!out.empty()) out += '.';
    out += name;
    return out;
  };

  Matcher matcher;
  if (!match.protocol.empty()) {
    bool known = false;
    for (auto protocol : kProtocols) known = known || protocol == match.protocol;
    if (!known) {
      return Error{field("protocol"),
                   "must be \"http\", \"ws\" or \"ws-api\", got " + quoted(match.protocol)};
    }
  }
  if (!match.http.empty()) {
    auto parsed = parse_http_pattern(match.http);
    if (auto* message = std::get_if<std::string>(&parsed)) return Error{field("http"), *message};
    matcher.http_ = std::get<HttpPattern>(std::move(parsed));
  }
  const std::pair<std::string_view, const std::string*> globs[] = {
      {"stream", &match.stream},
      {"event", &match.event},
      {"ws_api", &match.ws_api},
      {"client_order_id", &match.client_order_id}};
  for (const auto& [name, pattern] : globs) {
    if (auto error = glob_error(*pattern)) return Error{field(name), *error};
  }
  for (char c : match.symbol) {
    if (c == '*' || c == '?') {
      return Error{field("symbol"),
                   "is matched exactly (case-insensitive); globs are not supported"};
    }
  }
  matcher.match_ = match;
  return matcher;
}

bool Matcher::matches(const Point& point) const {
  // Exact comparisons first, globs last: most rules a request meets fail on a cheap field.
  if (!match_.protocol.empty() && match_.protocol != point.protocol) return false;
  if (!match_.api_key.empty() && match_.api_key != point.api_key) return false;
  if (!match_.symbol.empty() && !equal_ignoring_case(match_.symbol, point.symbol)) return false;
  if (http_) {
    if (point.method.empty() || point.path.empty()) return false;
    if (http_->method != "*" && !equal_ignoring_case(http_->method, point.method)) return false;
  }
  if (http_ && !glob_match(http_->path, point.path)) return false;
  if (!glob_field(match_.stream, point.stream)) return false;
  if (!glob_field(match_.event, point.event)) return false;
  if (!glob_field(match_.ws_api, point.ws_api_method)) return false;
  return glob_field(match_.client_order_id, point.client_order_id);
}
}  // namespace mockex::fault
