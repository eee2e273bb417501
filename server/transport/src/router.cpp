#include <mockex/transport/router.hpp>

#include <mockex/core/url.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <utility>

namespace mockex::transport {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  parts.reserve(8);
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

// Whether `route` can be the answer: none is yet, or it is more specific than the one that is
// (the first added wins a tie).
template <class Route>
bool may_beat(const Route& route, const Route* best) {
  return best == nullptr || route.pattern.score > best->pattern.score;
}

constexpr std::uint8_t literal_score = 2;
constexpr std::uint8_t capture_score = 1;
constexpr std::uint8_t rest_score = 0;

}  // namespace

Router::Pattern Router::parse(std::string pattern) {
  assert(!pattern.empty() && pattern.front() == '/' && "route patterns start with '/'");
  Pattern parsed{pattern, {}, {}};
  for (auto part : split_path(pattern)) {
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      auto name = part.substr(1, part.size() - 2);
      if (!name.empty() && name.back() == '*') {
        parsed.segments.push_back({Segment::Kind::rest, std::string(name.substr(0, name.size() - 1))});
      } else {
        parsed.segments.push_back({Segment::Kind::capture, std::string(name)});
      }
    } else {
      parsed.segments.push_back({Segment::Kind::literal, std::string(part)});
    }
  }
  for (std::size_t i = 0; i + 1 < parsed.segments.size(); ++i) {
    assert(parsed.segments[i].kind != Segment::Kind::rest && "{name*} must be the last segment");
  }
  assert(parsed.segments.size() <= parsed.score.values.size() && "too many segments");
  for (const auto& segment : parsed.segments) {
    if (parsed.score.size == parsed.score.values.size()) break;
    parsed.score.values[parsed.score.size++] = segment.kind == Segment::Kind::literal   ? literal_score
                                               : segment.kind == Segment::Kind::capture ? capture_score
                                                                                        : rest_score;
  }
  return parsed;
}

bool Router::fits(const Pattern& pattern, const std::vector<std::string_view>& parts) {
  const auto& segments = pattern.segments;
  if (segments.size() > pattern.score.values.size()) return false;
  // Without a final rest segment, the path has exactly as many parts as the pattern segments.
  if (segments.back().kind != Segment::Kind::rest && parts.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& segment = segments[i];
    if (segment.kind == Segment::Kind::rest) return true;
    // A slash follows this part exactly when the pattern has a segment after this one.
    bool last_segment = i + 1 == segments.size();
    if (i >= parts.size() || last_segment != (i + 1 == parts.size())) return false;
    if (segment.kind == Segment::Kind::literal) {
      if (parts[i] != segment.text) return false;
    } else if (parts[i].empty()) {
      return false;
    }
  }
  return true;
}

core::PathParams Router::capture(const Pattern& pattern,
                                 const std::vector<std::string_view>& parts,
                                 std::string_view path) {
  core::PathParams params;
  for (std::size_t i = 0; i < pattern.segments.size(); ++i) {
    const auto& segment = pattern.segments[i];
    if (segment.kind == Segment::Kind::rest) {
      // Everything from this part on, slashes included (empty after a trailing slash).
      auto from = static_cast<std::size_t>(parts[i].data() - path.data());
      params.emplace_back(segment.text, std::string(path.substr(from)));
    } else if (segment.kind == Segment::Kind::capture) {
      // A name with reserved characters arrives escaped ("a%20b"); a broken escape stays as sent.
      params.emplace_back(segment.text,
                          core::percent_decode(parts[i], false).value_or(std::string(parts[i])));
    }
  }
  return params;
}

void Router::Index::add(const Pattern& pattern, std::size_t at) {
  bool all_literal = std::all_of(pattern.segments.begin(), pattern.segments.end(),
                                 [](const Segment& s) { return s.kind == Segment::Kind::literal; });
  const auto& first = pattern.segments.front();
  const auto& last = pattern.segments.back();
  if (all_literal) {
    exact[pattern.source].push_back(at);
  } else if (first.kind != Segment::Kind::literal) {
    wild.push_back(at);
  } else if (last.kind == Segment::Kind::literal) {
    by_first[first.text].by_last[last.text].push_back(at);
  } else {
    by_first[first.text].others.push_back(at);
  }
}

template <class Visit>
void Router::Index::each(const std::vector<std::string_view>& parts, Visit visit) const {
  if (auto bucket = by_first.find(parts.front()); bucket != by_first.end()) {
    const auto& by_last = bucket->second.by_last;
    if (auto found = by_last.find(parts.back()); found != by_last.end()) {
      for (auto at : found->second) visit(at);
    }
    for (auto at : bucket->second.others) visit(at);
  }
  for (auto at : wild) visit(at);
}

void Router::add(std::string method, std::string pattern, core::HttpHandler handler) {
  http_.push_back({std::move(method), parse(std::move(pattern)), std::move(handler)});
  http_index_.add(http_.back().pattern, http_.size() - 1);
}

void Router::add_websocket(std::string pattern, core::WsHandlerFactory factory) {
  ws_.push_back({parse(std::move(pattern)), std::move(factory)});
  ws_index_.add(ws_.back().pattern, ws_.size() - 1);
}

Router::HttpMatch Router::match(std::string_view method, std::string_view path) const {
  std::vector<std::string_view> parts;  // split only when no all-literal pattern matches
  const HttpRoute* best = nullptr;
  std::vector<std::string_view> allowed;
  auto note_allowed = [&](const HttpRoute& route) {
    if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
      allowed.push_back(route.method);
    }
  };
  if (auto exact = http_index_.exact.find(path); exact != http_index_.exact.end()) {
    for (auto at : exact->second) {
      const auto& route = http_[at];
      if (route.method != method) {
        note_allowed(route);
      } else if (best == nullptr) {
        best = &route;  // nothing beats an all-literal match
      }
    }
  }
  if (best == nullptr) {
    parts = split_path(path);
    http_index_.each(parts, [&](std::size_t at) {
      const auto& route = http_[at];
      // Once a route answers, the methods allowed elsewhere no longer matter.
      if (!may_beat(route, best) || !fits(route.pattern, parts)) return;
      if (route.method != method) {
        note_allowed(route);
        return;
      }
      best = &route;
    });
  }
  HttpMatch out;
  if (best != nullptr) {
    out.handler = &best->handler;
    out.route = best->pattern.source;
    if (!parts.empty()) out.params = capture(best->pattern, parts, path);  // else all literal
    return out;
  }
  if (!allowed.empty()) {
    std::string allow;
    for (auto m : allowed) {
      if (!allow.empty()) allow += ", ";
      allow += m;
    }
    out.error = error_response(405, "method_not_allowed",
                               std::string(method) + " is not allowed on " + std::string(path));
    out.error->set_header("Allow", allow);
  } else {
    out.error = error_response(404, "not_found", "no route for " + std::string(method) + " " +
                                                     std::string(path));
  }
  return out;
}

Router::WsMatch Router::match_websocket(std::string_view path) const {
  auto parts = split_path(path);
  const WsRoute* best = nullptr;
  if (auto exact = ws_index_.exact.find(path); exact != ws_index_.exact.end()) {
    best = &ws_[exact->second.front()];
  }
  if (best == nullptr) ws_index_.each(parts, [&](std::size_t at) {
    const auto& route = ws_[at];
    if (may_beat(route, best) && fits(route.pattern, parts)) best = &route;
  });
  WsMatch out;
  if (best != nullptr) {
    out.factory = &best->factory;
    out.route = best->pattern.source;
    out.params = capture(best->pattern, parts, path);
  }
  return out;
}

core::HttpResponse Router::error_response(int status, std::string_view code,
                                          std::string_view message) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  return core::HttpResponse::json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace mockex::transport
