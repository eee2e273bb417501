#pragma once
// A handle on one session of mockexd. An owning handle (Client::create_session) deletes its
// session when it goes out of scope, so every test gets a fresh exchange and leaves nothing behind.

#include <mockex/sdk/clock.hpp>
#include <mockex/sdk/faults.hpp>
#include <mockex/sdk/journal.hpp>
#include <mockex/sdk/market.hpp>
#include <mockex/sdk/report.hpp>
#include <mockex/sdk/session_info.hpp>
#include <mockex/sdk/session_ref.hpp>

#include <string>
#include <vector>

namespace mockex::sdk {

class Session {
 public:
  // `owned`: delete the session on destruction (a session made by this client) or not (the
  // default session, or one attached by id).
  Session(detail::SessionPtr session, SessionInfo info, bool owned);
  Session(Session&& other) noexcept;
  // Closes the session this handle owns first (ignoring errors, like the destructor).
  Session& operator=(Session&& other) noexcept;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  // DELETEs an owned session; never throws (errors are swallowed: the daemon's idle TTL cleans
  // up what a failed delete leaves).
  ~Session();

  // A moved-from, closed or released handle is empty; every call but these throws
  // std::logic_error on it.
  bool empty() const noexcept { return session_ == nullptr; }
  bool owned() const noexcept { return owned_; }

  const std::string& id() const;
  // Point the client under test here.
  const std::string& rest_url() const;
  const std::string& ws_url() const;
  const std::string& ws_api_url() const;
  // As the daemon described the session when this handle was made.
  const SessionInfo& created_info() const;

  SessionDetail info() const;
  // Back to the scenario's start (same id and seed); fault rules are cleared, the journal kept.
  SessionDetail reset() const;

  ClockApi clock() const;
  MarketApi market() const;
  BalancesApi balances() const;
  FaultsApi faults() const;
  JournalApi journal() const;

  Book book(const std::string& symbol, int limit = 100) const;
  // `status`: "open" (the daemon's default) or "all"; an empty symbol lists every symbol.
  std::vector<Order> orders(const std::string& account, const std::string& symbol = {},
                            const std::string& status = {}) const;
  Report report() const;
  std::string report_markdown() const;

  // Deletes the session now, if owned (throws Error/TransportError), and empties the handle.
  void close();
  // Stops owning the session: it outlives the handle. Returns its id; the handle is empty.
  std::string release() noexcept;

 private:
  const detail::SessionPtr& checked() const;
  void drop() noexcept;  // deletes an owned session, swallowing errors; empties the handle

  detail::SessionPtr session_;
  SessionInfo info_;
  bool owned_ = false;
};

}  // namespace mockex::sdk
