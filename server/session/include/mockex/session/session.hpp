#pragma once
// One isolated simulated exchange: a venue, its scenario clock, the scenario player and the
// listeners that dialects attach. Lives on its own strand: every member below that is not marked
// thread-safe must be called there (post to executor()).

#include <mockex/journal/journal.hpp>
#include <mockex/journal/report.hpp>
#include <mockex/marketdata/market_data.hpp>
#include <mockex/scenario/model.hpp>
#include <mockex/session/faults.hpp>
#include <mockex/session/player.hpp>
#include <mockex/session/session_clock.hpp>
#include <mockex/venue/venue.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace mockex::session {

// What a session is created with, beyond its scenario (admin API overrides).
struct SessionOptions {
  std::string id;                       // assigned by the registry
  std::optional<std::uint64_t> seed;    // default: the scenario's
  std::optional<ClockMode> clock;       // default: the scenario's
  std::optional<double> speed;          // default: the scenario's (accelerated)
  std::optional<core::Timestamp> start; // default: the scenario's, else the wall clock's now
  std::string journal_dir;  // non-empty: the journal is mirrored to <dir>/<id>.jsonl
  std::string report_dir;   // non-empty: <dir>/<id>.json and .md are written when it closes
  std::shared_ptr<FaultTally> fault_tally;  // the daemon's fault metrics; may be null
};

// Facts about a session, readable from any thread.
struct SessionInfo {
  std::string id;
  std::string scenario;  // the scenario's name
  std::uint64_t seed = 0;
  ClockMode clock = ClockMode::realtime;
  core::Timestamp start;             // scenario time at creation or the last reset
  std::int64_t created_wall_ms = 0;  // system clock
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  // Where the session's handlers run one at a time: a strand of the io_context, or the
  // io_context's own executor when one thread runs it (see create()).
  using Executor = boost::asio::any_io_executor;
  using Listener = std::function<void(const venue::Events&)>;

  // Builds the venue from the scenario and starts the player. Call from any thread; the session
  // is used only through its strand afterwards. The error text says what the venue refused.
  // `serial`: one thread runs `io`, so its executor is the session's strand as it is.
  static std::variant<std::shared_ptr<Session>, std::string> create(
      boost::asio::any_io_executor io, std::shared_ptr<const scenario::Scenario> scenario,
      SessionOptions options, bool serial = false);
  ~Session();

  // --- thread-safe ---
  SessionInfo info() const;
  const std::string& id() const { return info_.id; }
  Executor& executor() { return strand_; }
  // Marks the session used now (idle expiry counts from the last use).
  void touch();
  std::chrono::steady_clock::time_point last_used() const;
  bool closed() const { return closed_.load(); }
  // Open client connections (WebSockets); a session with any is in use and does not expire.
  void connection_opened() { connections_.fetch_add(1); }
  void connection_closed() { connections_.fetch_sub(1); }
  int open_connections() const { return connections_.load(); }

  // --- on the strand ---
  const scenario::Scenario& scenario() const { return *scenario_; }
  venue::Venue& venue() { return *venue_; }
  // Trades, klines and tickers, fed by every venue event the session publishes.
  const marketdata::MarketData& market_data() const { return market_data_; }
  SessionClock& clock() { return *clock_; }
  ScenarioPlayer& player() { return *player_; }
  // What happened in this session; kept across resets (a reset is an entry of its own).
  journal::Journal& journal() { return journal_; }
  // The current scenario and wall time, for journal entries.
  journal::Stamp stamp() const;
  // The report as of now: the journal's figures plus final balances and PnL per account.
  journal::Report report() const;
  // Writes report() to <directory>/<id>.json and .md; the error text on failure.
  std::optional<std::string> write_report(const std::string& directory) const;
  // The fault plan: timeline windows and rules added over the admin API. Rebuilt on reset.
  SessionFaults& faults() { return *faults_; }
  // Runs when a fault rule's window opens (see SessionFaults::Activation), so dialects can act
  // on their open connections at once.
  std::uint64_t on_fault_activation(SessionFaults::Activation callback);
  // The secret of an account's API key (the venue keeps no secrets), or nothing.
  std::optional<std::string_view> secret(std::string_view api_key) const;

  // Dialects listen to every venue event batch: the market's and their own clients'.
  std::uint64_t listen(Listener listener);
  void unlisten(std::uint64_t token);
  void publish(const venue::Events& events);
  // Runs after every reset, so dialects can resynchronise their clients.
  std::uint64_t on_reset(std::function<void()> callback);
  // Runs once when the session closes (deleted, expired, daemon shutdown), so dialects can end
  // their clients' connections.
  std::uint64_t on_close(std::function<void()> callback);

  // State the session's dialect keeps (rate-limit windows, listen keys, ...), made by `make` on
  // first use. A session speaks one dialect, so there is one slot; T must be the same each time.
  template <class T, class Make>
  T& dialect_state(Make&& make) {
    if (!dialect_state_) dialect_state_ = std::shared_ptr<T>(make());
    return *static_cast<T*>(dialect_state_.get());
  }

  // Back to the scenario's start: a fresh venue, clock and player with the same seed and id.
  std::optional<std::string> reset();
  // Stops the clock and the player; the session answers nothing more. Idempotent.
  void close();

 private:
  Session(boost::asio::any_io_executor io, std::shared_ptr<const scenario::Scenario> scenario,
          SessionOptions options, bool serial);
  std::optional<std::string> build();

  Executor strand_;  // a strand, or the io_context's executor (serial)
  std::shared_ptr<const scenario::Scenario> scenario_;
  SessionOptions options_;
  SessionInfo info_;
  std::unique_ptr<SessionClock> clock_;
  std::unique_ptr<venue::Venue> venue_;
  marketdata::MarketData market_data_;
  std::unique_ptr<ScenarioPlayer> player_;
  std::unique_ptr<SessionFaults> faults_;  // after clock_: destroyed before it
  journal::Journal journal_;
  std::shared_ptr<void> dialect_state_;
  std::map<std::uint64_t, Listener> listeners_;
  std::map<std::uint64_t, std::function<void()>> reset_callbacks_;
  std::map<std::uint64_t, std::function<void()>> close_callbacks_;
  std::map<std::uint64_t, SessionFaults::Activation> activation_callbacks_;
  std::uint64_t next_token_ = 1;
  std::atomic<std::int64_t> start_micros_{0};
  std::atomic<std::int64_t> last_used_ns_{0};
  std::atomic<bool> closed_{false};
  std::atomic<int> connections_{0};
};

}  // namespace mockex::session
