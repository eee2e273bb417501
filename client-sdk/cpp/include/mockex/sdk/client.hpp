#pragma once
// The entry point: a client of one mockexd's admin API.
//
//   mockex::sdk::Client client{"http://127.0.0.1:8765"};
//   mockex::sdk::Session s = client.create_session({.scenario = "quickstart", .clock = "stepped"});

#include <mockex/sdk/session.hpp>
#include <mockex/sdk/session_info.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mockex::sdk {

namespace detail {
class Api;
}

struct ClientOptions {
  // Sent as "Authorization: Bearer <token>" when set (the daemon's admin.token).
  std::string token{};
  // For each whole exchange (connect, send, answer); a journal long poll adds its `wait`.
  std::chrono::milliseconds timeout{10'000};
};

// GET /healthz
struct Health {
  std::string status{};  // "ok"
  std::string version{};
  double uptime_seconds = 0;
};

// Cheap to copy; copies share one connection pool. Safe to use from several threads.
class Client {
 public:
  // `url`: the daemon's admin base, "http://host:port" (the exchange port, or admin.port).
  explicit Client(std::string_view url, ClientOptions options = {});

  // A new session, deleted when the returned handle goes out of scope.
  Session create_session(const SessionSpec& spec);
  // Every open session, the default first.
  std::vector<SessionInfo> sessions() const;
  // The session answering at the root of the exchange port; the handle never deletes it.
  Session default_session() const;
  // A handle on an existing session by id, not owned (never deleted by the handle).
  Session attach(const std::string& id) const;
  // Deletes a session by id (one released from its handle, say). The default session cannot be
  // deleted: 409 default_session.
  void delete_session(const std::string& id) const;
  Health health() const;

  const std::string& url() const noexcept { return url_; }

 private:
  std::string url_;
  std::shared_ptr<detail::Api> api_;
};

}  // namespace mockex::sdk
