#pragma once
// The admin API as JSON calls: paths in, parsed answers out, errors thrown as Error or
// TransportError. Everything typed is built on this.

#include "http_transport.hpp"

#include <mockex/sdk/client.hpp>
#include <mockex/sdk/error.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace mockex::sdk::detail {

class Api {
 public:
  // `url`: "http://host:port" with an optional path prefix (a reverse proxy's).
  Api(std::string_view url, const ClientOptions& options);

  // `path` is below /_mockex/v1 ("/sessions", "/sessions/s1/clock?x=1"); `extra` lengthens the
  // timeout (a long poll's wait).
  nlohmann::json get(const std::string& path,
                     std::chrono::milliseconds extra = std::chrono::milliseconds{0}) const;
  nlohmann::json post(const std::string& path,
                      const nlohmann::json& body = nlohmann::json::object()) const;
  void remove(const std::string& path) const;
  // A non-JSON answer (Markdown, JSON Lines) as text.
  std::string get_text(const std::string& path) const;
  // Outside the admin prefix: /healthz.
  nlohmann::json get_root(const std::string& path) const;

 private:
  HttpReply call(std::string_view method, const std::string& target, const std::string& body,
                 std::chrono::milliseconds extra) const;
  nlohmann::json json_call(std::string_view method, const std::string& target,
                           const std::string& body, std::chrono::milliseconds extra) const;

  std::string prefix_;  // the URL's own path, if any
  std::string admin_;   // prefix_ + "/_mockex/v1"
  std::chrono::milliseconds timeout_;
  mutable HttpTransport transport_;
};

// Percent-encodes one path segment or query value (RFC 3986 unreserved characters stay).
std::string encode(std::string_view text);

// name=value pairs joined into "?a=1&b=2" (empty when there are none).
class Query {
 public:
  Query& add(std::string_view key, std::string_view value);
  std::string str() const { return text_; }

 private:
  std::string text_;
};

// Reads a typed answer; a JSON shape that does not fit is a TransportError (not the admin API).
template <class Read>
auto decoded(const nlohmann::json& answer, Read read) -> decltype(read(answer)) {
  try {
    return read(answer);
  } catch (const nlohmann::json::exception& e) {
    throw TransportError(std::string("unexpected answer from mockexd: ") + e.what());
  }
}

}  // namespace mockex::sdk::detail
