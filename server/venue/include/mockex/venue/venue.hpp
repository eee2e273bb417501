#pragma once
// The simulated exchange: instruments with their filters and books, accounts with balances,
// the order lifecycle, and the market's own (background) liquidity.
//
// Pure: commands in, events out (events.hpp); no I/O, no clock reads, no threads, no exceptions.
// Every command takes the scenario time `now`; randomness (generated client order ids) comes from
// the Rng handed to the constructor. Rejections are ErrorCodes in Binance's validation order
// (spec §8.3) and change nothing.
//
// Balances. Placing an order locks what it may spend: a BUY LIMIT (and *_LIMIT) locks
// price * qty of quote (rounded up), a SELL locks qty of base, a MARKET BUY by quote amount
// locks that amount. A MARKET BUY by base quantity locks an upper bound of its cost, walked from
// the opposite side of the book as it stands (skipping the account's own orders when its STP
// mode would expire them); a MARKET SELL by quote amount locks likewise an upper bound of the
// base it may sell. A STOP_LOSS / TAKE_PROFIT BUY locks stop_price * qty when placed; when it
// triggers, the walked bound is topped up from free balance, and if that is short the order
// expires (ExpiryReason::insufficient_balance). Each fill pays from the order's lock and credits
// the received asset less commission; a BUY LIMIT whose fill was priced better releases the lock
// it no longer needs at once; whatever is left is released when the order ends.
//
// A deferred order (PlaceOrder::defer_matching, the fill_delay fault) is open and holds its lock
// but is in no book until release_deferred; a cancel closes it as usual. max_fill_qty (the
// partial_fill fault) caps what an order executes when it first meets the book; see commands.hpp.
//
// Stops are held by the venue, not the book, so that a triggered order can be re-checked against
// the account: they trigger on the last trade price (client trades and market_trade), one at a
// time, the oldest first, each seeing the price the previous one left.
//
// Background liquidity: set_level / replace_side place orders that belong to no account
// (core::kNoAccount); client takers fill against them at their prices, and the market is the
// counterparty. The venue keeps a market ledger per asset so that, for every asset,
//   sum over accounts (free + locked) + fees collected + market ledger == net set_balance
// holds exactly after every command (check_invariants() verifies it).
//
// market_trade fills resting client orders under the instrument's FillModel: orders priced
// through the trade fill completely; at the trade price `optimistic` fills every client order
// completely while `queue` walks the level in time priority, so the volume ahead (background or
// not) trades first and the client fills only from what is left of the trade's quantity.
// Background volume at the trade price is consumed by the trade in both models. A set_level
// that crosses resting client orders trades with them at their prices.
//
// Filters: avgPriceMins is not modelled; a MARKET order by quantity is checked against NOTIONAL /
// MIN_NOTIONAL at the last trade price (no check before the first trade), an untriggered
// STOP_LOSS / TAKE_PROFIT at its stop price. Cancels are accepted whatever the trading status.
//
// Public trades: every fill of a client order prints (with the client's order id on its side);
// a market_trade also prints itself, whole, with no order ids.
//
// Histories are bounded per account and symbol (VenueLimits): closed orders and fills beyond the
// bound are forgotten oldest first.
//
// Not thread-safe: one session's strand drives it.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mockex/book/order_book.hpp"
#include "mockex/core/result.hpp"
#include "mockex/core/rng.hpp"
#include "mockex/core/timestamp.hpp"
#include "mockex/venue/account.hpp"
#include "mockex/venue/commands.hpp"
#include "mockex/venue/events.hpp"
#include "mockex/venue/instrument.hpp"
#include "mockex/venue/order.hpp"

namespace mockex::venue {

// One level of a background snapshot.
struct Level {
  core::Price price;
  core::Qty qty;
};

class Venue {
 public:
  explicit Venue(core::Rng rng, VenueLimits limits = {});
  ~Venue();
  Venue(Venue&&) noexcept;
  Venue& operator=(Venue&&) noexcept;
  Venue(const Venue&) = delete;
  Venue& operator=(const Venue&) = delete;

  // --- configuration (scenario load); nothing on success, else what is wrong ---

  std::optional<std::string> add_asset(AssetSpec spec);
  // Its assets must exist; qty_scale <= the base asset's scale; filter values must be >= 0.
  std::optional<std::string> add_instrument(InstrumentSpec spec);
  std::optional<std::string> add_account(AccountSpec spec);

  // --- client commands ---

  core::Result<Placed> place_order(const PlaceOrder& command, core::Timestamp now, Events& out);
  // The same validation as place_order, balance included, without placing (POST order/test).
  core::Status test_order(const PlaceOrder& command) const;
  // The order as cancelled. Unknown, closed, or another account's order: book_unknown_order.
  core::Result<Canceled> cancel_order(const CancelOrder& command, core::Timestamp now,
                                      Events& out);
  // Every open order of `account` on `symbol`, oldest first; none open: book_unknown_order.
  core::Result<std::vector<Canceled>> cancel_all(core::AccountId account, std::string_view symbol,
                                                 core::Timestamp now, Events& out);
  CancelReplaced cancel_replace(const CancelReplace& command, core::Timestamp now, Events& out);

  // --- fault hooks ---

  // Sends an order placed with PlaceOrder::defer_matching to the book now, with the results a
  // placement at `now` would have had: fills, trades, depth, resting, IOC / FOK / MARKET expiry,
  // max_fill_qty, triggered stops. Nothing is validated again (trading status, filters and the
  // account's limits were checked at placement), except that a MARKET whose lock is a walk of
  // the book (BUY by quantity, SELL by quote amount) is locked again against the book as it now
  // stands: the difference is released or taken from free balance, and if free balance is short
  // the order expires (EXPIRED, ExpiryReason::insufficient_balance), as a triggered stop does.
  // A LIMIT_MAKER that would now take, or an order the book refuses (book_full), expires
  // (EXPIRED, no expiry reason) where a placement would have been rejected.
  // Returns the order after release and the fills it took. Unknown order id, or an order that is
  // closed (cancelled meanwhile) or not deferred (released already): book_unknown_order,
  // and nothing changes.
  core::Result<Placed> release_deferred(std::string_view symbol, core::OrderId id,
                                        core::Timestamp now, Events& out);

  // --- admin ---

  // Sets the free balance of `asset` (the difference is a deposit or a withdrawal: BalanceDelta
  // and AccountPosition events). Locked funds are untouched. Negative amounts are rejected.
  core::Status set_balance(core::AccountId account, std::string_view asset, core::Amount free,
                           core::Timestamp now, Events& out);
  core::Status set_trading_status(std::string_view symbol, TradingStatus status);

  // --- the market's own liquidity ---

  // The market's volume at one level becomes `qty` (0 removes it). The market's levels on the
  // other side that this price touches or crosses are removed first (the market is never crossed
  // with itself); resting client orders it crosses trade with it at their prices. Growth joins the
  // back of the queue; shrinkage comes off the newest background volume first.
  core::Status set_level(std::string_view symbol, Side side, core::Price price, core::Qty qty,
                         core::Timestamp now, Events& out);
  // The market's whole side becomes `levels` (any order; zero quantities are skipped).
  core::Status replace_side(std::string_view symbol, Side side, const std::vector<Level>& levels,
                            core::Timestamp now, Events& out);
  // A trade printed by the market (not by a client): fills client orders per the fill model,
  // consumes background volume at `price`, moves the last price and triggers stops.
  core::Status market_trade(std::string_view symbol, core::Price price, core::Qty qty,
                            Side aggressor, core::Timestamp now, Events& out);

  // --- queries ---

  std::optional<SymbolId> find_symbol(std::string_view symbol) const;
  std::optional<AssetId> find_asset(std::string_view asset) const;
  std::size_t symbol_count() const;
  std::size_t asset_count() const;
  const InstrumentSpec& instrument(SymbolId symbol) const;
  const AssetSpec& asset(AssetId asset) const;
  AssetId base_asset(SymbolId symbol) const;
  AssetId quote_asset(SymbolId symbol) const;
  const book::OrderBook& book(SymbolId symbol) const;
  std::optional<core::Price> last_price(SymbolId symbol) const;

  std::optional<core::AccountId> find_account(std::string_view api_key) const;
  const AccountSpec* account(core::AccountId account) const;
  std::vector<core::AccountId> accounts() const;
  // Zero for an asset the account never held; account_unknown for an unknown account.
  core::Result<Balance> balance(core::AccountId account, AssetId asset) const;

  // An open order, or a closed one still in the history. Lookup by id, else by client order id
  // (open orders first); both given must match. Not found: book_unknown_order.
  core::Result<Order> query_order(core::AccountId account, SymbolId symbol, core::OrderId id,
                                  const ClientOrderId& client_order_id) const;
  // Open orders, by symbol then id; all symbols when `symbol` is none.
  std::vector<Order> open_orders(core::AccountId account, std::optional<SymbolId> symbol) const;
  // Remembered closed orders and open orders of one symbol, by id.
  std::vector<Order> all_orders(core::AccountId account, SymbolId symbol) const;
  // Remembered fills of one symbol, oldest first.
  std::vector<Fill> my_trades(core::AccountId account, SymbolId symbol) const;

  // The books of account for the conservation law (see above), per asset.
  core::Amount fees_collected(AssetId asset) const;
  core::Amount market_ledger(AssetId asset) const;
  core::Amount net_deposits(AssetId asset) const;

  // Book invariants of every symbol, no negative balance, each account's locked balance equal to
  // the sum its open orders hold, open-order counts, and conservation of every asset. The first
  // violation, or nothing. O(orders); meant for tests.
  std::optional<std::string> check_invariants() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mockex::venue
