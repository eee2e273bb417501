#include <mockex/transport/router.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <utility>

namespace mockex::transport {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

constexpr int literal_score = 2;
constexpr int capture_score = 1;
constexpr int rest_score = 0;

}  // namespace

Router::Pattern Router::parse(std::string pattern) {
  assert(!pattern.empty() && pattern.front() == '/' && "route patterns start with '/'");
  Pattern parsed{pattern, {}};
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
  return parsed;
}

std::optional<core::PathParams> Router::capture(const Pattern& pattern, std::string_view path,
                                                std::vector<int>& score) {
  core::PathParams params;
  score.clear();
  std::string_view rest = path;
  if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  for (std::size_t i = 0; i < pattern.segments.size(); ++i) {
    const auto& segment = pattern.segments[i];
    if (segment.kind == Segment::Kind::rest) {
      params.emplace_back(segment.text, std::string(rest));
      score.push_back(rest_score);
      return params;
    }
    auto slash = rest.find('/');
    auto part = rest.substr(0, slash);
    bool last_segment = i + 1 == pattern.segments.size();
    if (last_segment != (slash == std::string_view::npos)) return std::nullopt;
    if (segment.kind == Segment::Kind::literal) {
      if (part != segment.text) return std::nullopt;
      score.push_back(literal_score);
    } else {
      if (part.empty()) return std::nullopt;
      params.emplace_back(segment.text, std::string(part));
      score.push_back(capture_score);
    }
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
  }
  return params;
}

void Router::add(std::string method, std::string pattern, core::HttpHandler handler) {
  http_.push_back({std::move(method), parse(std::move(pattern)), std::move(handler)});
}

void Router::add_websocket(std::string pattern, core::WsHandlerFactory factory) {
  ws_.push_back({parse(std::move(pattern)), std::move(factory)});
}

Router::HttpMatch Router::match(std::string_view method, std::string_view path) const {
  HttpMatch best;
  std::vector<int> best_score;
  std::vector<int> score;
  std::vector<std::string_view> allowed;
  for (const auto& route : http_) {
    auto params = capture(route.pattern, path, score);
    if (!params) continue;
    if (route.method != method) {
      if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
        allowed.push_back(route.method);
      }
      continue;
    }
    if (best.handler == nullptr || score > best_score) {
      best.handler = &route.handler;
      best.route = route.pattern.source;
      best.params = std::move(*params);
      best_score = score;
    }
  }
  if (best.handler != nullptr) return best;
  if (!allowed.empty()) {
    std::string allow;
    for (auto m : allowed) {
      if (!allow.empty()) allow += ", ";
      allow += m;
    }
    best.error = error_response(405, "method_not_allowed",
                                std::string(method) + " is not allowed on " + std::string(path));
    best.error->set_header("Allow", allow);
  } else {
    best.error = error_response(404, "not_found", "no route for " + std::string(method) + " " +
                                                      std::string(path));
  }
  return best;
}

Router::WsMatch Router::match_websocket(std::string_view path) const {
  WsMatch best;
  std::vector<int> best_score;
  std::vector<int> score;
  for (const auto& route : ws_) {
    auto params = capture(route.pattern, path, score);
    if (!params) continue;
    if (best.factory == nullptr || score > best_score) {
      best.factory = &route.factory;
      best.route = route.pattern.source;
      best.params = std::move(*params);
      best_score = score;
    }
  }
  return best;
}

core::HttpResponse Router::error_response(int status, std::string_view code,
                                          std::string_view message) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  return core::HttpResponse::json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace mockex::transport
