#include "api.hpp"

#include <stdexcept>

namespace mockex::sdk::detail {
namespace {

constexpr std::string_view kAdminPrefix = "/_mockex/v1";

struct ParsedUrl {
  std::string host;
  std::string port;
  std::string path;
};

// "http://host[:port][/prefix]"; "[::1]" for IPv6. Only plain HTTP: the daemon serves no TLS.
ParsedUrl parse_url(std::string_view url) {
  constexpr std::string_view scheme = "http://";
  if (url.substr(0, scheme.size()) != scheme) {
    throw std::invalid_argument("mockex URL must start with http://: " + std::string(url));
  }
  auto rest = url.substr(scheme.size());
  auto slash = rest.find('/');
  auto authority = rest.substr(0, slash);
  ParsedUrl out;
  if (slash != std::string_view::npos) out.path = std::string(rest.substr(slash));
  while (!out.path.empty() && out.path.back() == '/') out.path.pop_back();
  std::string_view host = authority;
  std::string_view port = "80";
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    if (close == std::string_view::npos) throw std::invalid_argument("bad IPv6 host in " + std::string(url));
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') port = authority.substr(close + 2);
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty() || port.empty()) {
    throw std::invalid_argument("mockex URL needs a host and port: " + std::string(url));
  }
  out.host = std::string(host);
  out.port = std::string(port);
  return out;
}

Error error_from(const HttpReply& reply) {
  auto body = nlohmann::json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    const auto& error = body["error"];
    return Error(reply.status, error.value("code", ""), error.value("message", ""),
                 std::move(body));
  }
  // Not the admin API's error shape (a proxy, a wrong port): keep what came.
  return Error(reply.status, "", reply.body.substr(0, 200), nullptr);
}

}  // namespace

Api::Api(std::string_view url, const ClientOptions& options)
    : timeout_(options.timeout),
      // prefix_ and admin_ are declared, so constructed, before transport_.
      transport_([&] {
        auto parsed = parse_url(url);
        prefix_ = parsed.path;
        admin_ = parsed.path + std::string(kAdminPrefix);
        return HttpTransport(parsed.host, parsed.port,
                             options.token.empty() ? "" : "Bearer " + options.token);
      }()) {}

HttpReply Api::call(std::string_view method, const std::string& target, const std::string& body,
                    std::chrono::milliseconds extra) const {
  auto reply = transport_.request(method, target, body, timeout_ + extra);
  if (reply.status >= 400) throw error_from(reply);
  return reply;
}

nlohmann::json Api::json_call(std::string_view method, const std::string& target,
                              const std::string& body, std::chrono::milliseconds extra) const {
  auto reply = call(method, target, body, extra);
  if (reply.body.empty()) return nullptr;
  auto parsed = nlohmann::json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    throw TransportError(std::string(method) + " " + target + ": the answer is not JSON");
  }
  return parsed;
}

nlohmann::json Api::get(const std::string& path, std::chrono::milliseconds extra) const {
  return json_call("GET", admin_ + path, "", extra);
}

nlohmann::json Api::post(const std::string& path, const nlohmann::json& body) const {
  return json_call("POST", admin_ + path, body.dump(),
                   std::chrono::milliseconds{0});
}

void Api::remove(const std::string& path) const {
  call("DELETE", admin_ + path, "", std::chrono::milliseconds{0});
}

std::string Api::get_text(const std::string& path) const {
  return call("GET", admin_ + path, "", std::chrono::milliseconds{0})
      .body;
}

nlohmann::json Api::get_root(const std::string& path) const {
  return json_call("GET", prefix_ + path, "", std::chrono::milliseconds{0});
}

std::string encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Query& Query::add(std::string_view key, std::string_view value) {
  text_ += text_.empty() ? '?' : '&';
  text_ += encode(key);
  text_ += '=';
  text_ += encode(value);
  return *this;
}

}  // namespace mockex::sdk::detail
