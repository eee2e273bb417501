#pragma once
// Market state and actions of a session. Prices, quantities and balances are the daemon's exact
// decimal strings ("30001.50000000"), never doubles.

#include <mockex/sdk/duration.hpp>
#include <mockex/sdk/session_ref.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mockex::sdk {

// One price level: all volume at the price.
struct Level {
  std::string price{};
  std::string qty{};
  friend bool operator==(const Level&, const Level&) = default;
};

// GET /sessions/{id}/book/{symbol}: levels best first.
struct Book {
  std::string symbol{};
  std::string status{};  // "TRADING" or "HALT"
  std::uint64_t last_update_id = 0;
  std::string last_price{};
  std::vector<Level> bids{};
  std::vector<Level> asks{};
};

// GET /sessions/{id}/orders: an order as the venue holds it (Binance's field names, snake_cased).
struct Order {
  std::string symbol{};
  std::uint64_t order_id = 0;
  std::string client_order_id{};
  std::string side{};
  std::string type{};
  std::string time_in_force{};
  std::string price{};
  std::string stop_price{};
  std::string orig_qty{};
  std::string executed_qty{};
  std::string cummulative_quote_qty{};
  std::string status{};  // "NEW", "FILLED", "CANCELED", ...
  std::int64_t time_ms = 0;
  std::int64_t update_time_ms = 0;
};

// One asset of one account (the account is its API key).
struct Balance {
  std::string account{};
  std::string asset{};
  std::string free{};
  std::string locked{};
};

// The answer to a market action: what ran, when (scenario ms) and its journal entry.
struct MarketAction {
  std::string action{};  // "shock", "halt", "resume", "liquidity", "spread", "book"
  std::string symbol{};  // empty when it acted on every symbol
  std::int64_t now_ms = 0;
  std::uint64_t journal_seq = 0;
  nlohmann::json raw{};  // the whole answer (set_book adds lastUpdateId, bids, asks)
};

// session.market(): act on the market now, as a scenario timeline entry would. An empty symbol
// acts on every symbol (shock, liquidity, spread: those driven by a random walk).
class MarketApi {
 public:
  explicit MarketApi(detail::SessionPtr session) : session_(std::move(session)) {}

  // Moves the mid by `pct` percent (> -100, e.g. "-10"), at once or over `over`.
  MarketAction shock(const std::string& symbol, const std::string& pct,
                     const std::optional<Duration>& over = std::nullopt) const;
  MarketAction halt(const std::string& symbol) const;
  MarketAction resume(const std::string& symbol) const;
  // Scales the book's level sizes; "1" restores.
  MarketAction liquidity(const std::string& symbol, const std::string& factor) const;
  // Widens the spread by a factor ("3"), or sets it in basis points.
  MarketAction spread_factor(const std::string& symbol, const std::string& factor) const;
  MarketAction spread_bps(const std::string& symbol, double bps) const;
  // The market's own liquidity becomes exactly these levels (a side left empty is emptied).
  MarketAction set_book(const std::string& symbol, const std::vector<Level>& bids,
                        const std::vector<Level>& asks) const;

 private:
  MarketAction act(const std::string& action, nlohmann::json body) const;
  detail::SessionPtr session_;
};

// session.balances(): free balances of the scenario's accounts.
class BalancesApi {
 public:
  explicit BalancesApi(detail::SessionPtr session) : session_(std::move(session)) {}

  // Every asset of the venue, zero where the account holds none.
  std::vector<Balance> get(const std::string& account) const;
  // Sets the free balance; clients on the user data stream see a balanceUpdate.
  Balance set(const std::string& account, const std::string& asset,
              const std::string& amount) const;
  Balance deposit(const std::string& account, const std::string& asset,
                  const std::string& amount) const;
  // More than is free: 409 insufficient_balance.
  Balance withdraw(const std::string& account, const std::string& asset,
                   const std::string& amount) const;

 private:
  Balance change(const std::string& path, const std::string& account, const std::string& asset,
                 const std::string& amount) const;
  detail::SessionPtr session_;
};

}  // namespace mockex::sdk
