#pragma once
// Every session of the daemon: the default one (answering at the root of the exchange port) and
// those the admin API creates, each isolated on its own strand. Thread-safe.

#include <mockex/session/session.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace mockex::session {

struct RegistryLimits {
  std::size_t max_sessions = 1000;                       // beyond: 429 session_limit
  std::chrono::milliseconds idle_ttl{std::chrono::minutes(30)};  // 0: never expire
};

// Where every session of the registry keeps its files (see SessionOptions); empty: nowhere.
struct SessionFiles {
  std::string journal_dir;
  std::string report_dir;
};

struct RegistryError {
  int status = 400;      // HTTP status for the admin API
  std::string code;      // "session_limit", "invalid_scenario", ...
  std::string message;
};

class SessionRegistry {
 public:
  // `one_thread`: exactly one thread runs `io`; sessions then run on its executor directly
  // instead of a strand each (Session::create's `serial`).
  SessionRegistry(boost::asio::io_context& io, RegistryLimits limits, SessionFiles files = {},
                  bool one_thread = false);
  ~SessionRegistry();
  SessionRegistry(const SessionRegistry&) = delete;
  SessionRegistry& operator=(const SessionRegistry&) = delete;

  // Creates a session with a fresh id. The default session is never counted against the limit
  // and never expires.
  std::variant<std::shared_ptr<Session>, RegistryError> create(
      std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options);
  std::variant<std::shared_ptr<Session>, RegistryError> create_default(
      std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options);
  // Why create() would turn a new session away right now (the daemon is stopping, or the limit
  // is reached), if it would: callers answer with it before loading a scenario, so a refusal
  // costs a lookup rather than a scenario load. create() still checks for itself.
  std::optional<RegistryError> refusal() const;

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
  // Closes every session (on its strand) and stops the expiry timer.
  void close_all();
  // The same, closing each session right here: only once the io_context's threads have stopped,
  // so that journals are synced and reports written before the process exits.
  void close_all_now();

  const RegistryLimits& limits() const { return limits_; }

  // Totals since start-up (the metrics): sessions created, deleted by the API, expired idle.
  struct Stats {
    std::size_t open = 0;
    std::uint64_t created = 0;
    std::uint64_t deleted = 0;
    std::uint64_t expired = 0;
  };
  Stats stats() const;
  // Faults applied and rules active in every session (the metrics).
  const FaultTally& fault_tally() const { return *fault_tally_; }

 private:
  std::string new_id();
  std::optional<RegistryError> refusal_locked() const;  // refusal(), with mutex_ held
  // A session with the registry's file settings; not yet registered.
  std::variant<std::shared_ptr<Session>, RegistryError> build_session(
      std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options);
  bool remove(std::string_view id, bool expired);
  void arm_expiry();
  std::vector<std::shared_ptr<Session>> take_all();
  static void close_on_strand(const std::shared_ptr<Session>& session);

  boost::asio::io_context& io_;
  const bool one_thread_;
  RegistryLimits limits_;
  SessionFiles files_;
  mutable std::mutex mutex_;
  std::shared_ptr<Session> default_;
  std::unordered_map<std::string, std::shared_ptr<Session>> sessions_;
  std::vector<std::string> order_;  // creation order of sessions_
  std::uint64_t id_state_;
  std::uint64_t created_ = 0;
  std::uint64_t deleted_ = 0;
  std::uint64_t expired_ = 0;
  boost::asio::steady_timer expiry_timer_;
  std::shared_ptr<FaultTally> fault_tally_ = std::make_shared<FaultTally>();
  bool stopped_ = false;
};

}  // namespace mockex::session
