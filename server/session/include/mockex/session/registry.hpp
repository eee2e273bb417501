#pragma once
// Every session of the daemon: the default one (answering at the root of the exchange port) and
// those the admin API creates, each isolated on its own strand. Thread-safe.

#include <mockex/session/session.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace mockex::session {

struct RegistryLimits {
  std::size_t max_sessions = 1000;                       // beyond: 429 session_limit
  std::chrono::milliseconds idle_ttl{std::chrono::minutes(30)};  // 0: never expire
};

struct RegistryError {
  int status = 400;      // HTTP status for the admin API
  std::string code;      // "session_limit", "invalid_scenario", ...
  std::string message;
};

class SessionRegistry {
 public:
  SessionRegistry(boost::asio::io_context& io, RegistryLimits limits);
  ~SessionRegistry();
  SessionRegistry(const SessionRegistry&) = delete;
  SessionRegistry& operator=(const SessionRegistry&) = delete;

  // Creates a session with a fresh id. The default session is never counted against the limit
  // and never expires.
  std::variant<std::shared_ptr<Session>, RegistryError> create(
      std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options);
  std::variant<std::shared_ptr<Session>, RegistryError> create_default(
      std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options);

  std::shared_ptr<Session> find(std::string_view id) const;
  std::shared_ptr<Session> default_session() const;
  // Every session, the default first, then by creation.
  std::vector<std::shared_ptr<Session>> list() const;
  std::size_t size() const;
  // Closes and forgets a session; false when unknown or the default.
  bool remove(std::string_view id);
  // Closes sessions idle for longer than the TTL; returns how many. Runs every TTL/4 on its own
  // once start_expiry() was called.
  std::size_t expire_idle(std::chrono::steady_clock::time_point now);
  void start_expiry();
  // Closes every session and stops the expiry timer.
  void close_all();

  const RegistryLimits& limits() const { return limits_; }

 private:
  std::string new_id();
  void arm_expiry();
  static void close_on_strand(const std::shared_ptr<Session>& session);

  boost::asio::io_context& io_;
  RegistryLimits limits_;
  mutable std::mutex mutex_;
  std::shared_ptr<Session> default_;
  std::unordered_map<std::string, std::shared_ptr<Session>> sessions_;
  std::vector<std::string> order_;  // creation order of sessions_
  std::uint64_t id_state_;
  boost::asio::steady_timer expiry_timer_;
  bool stopped_ = false;
};

}  // namespace mockex::session
