#pragma once
// Private state of Venue and the helpers its source files share.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "mockex/book/order_book.hpp"
#include "mockex/core/rng.hpp"
#include "mockex/venue/venue.hpp"

namespace mockex::venue {

// Book ids of background orders live above this, far from client order ids (1, 2, 3, ...).
inline constexpr std::uint64_t kBackgroundIdBase = std::uint64_t{1} << 62;

// A client order that is still open, with what it holds of its account's balance.
struct OpenOrder {
  Order order;
  AssetId lock_asset;
  core::Amount locked;        // always equal to what this order moved from free to locked
  bool pending_stop = false;  // a stop the venue holds until its price trades
  std::uint64_t stop_seq = 0; // trigger priority: older first
  bool deferred = false;      // placed with defer_matching, not yet released to the book
  // max_fill_qty, until the order first meets the book (then it is spent either way).
  std::optional<core::Qty> fill_cap;
  // The book holds only the capped part of this order: when the book is done with it, the
  // order expires (it never completes as FILLED).
  bool capped = false;
};

// What an account has on one symbol.
struct AccountSymbol {
  std::uint32_t open_orders = 0;  // stops included
  std::uint32_t open_algo = 0;    // stops only
  std::deque<Order> history;      // closed orders, oldest first, bounded
  std::deque<Fill> trades;        // fills, oldest first, bounded
};

struct AccountState {
  AccountSpec spec;
  std::vector<Balance> balances;       // by AssetId; grows as assets are added
  std::vector<AccountSymbol> symbols;  // by SymbolId; grows as instruments are added
  std::unordered_map<ClientOrderId, std::pair<SymbolId, core::OrderId>> open_by_client_id;
};

struct StopKey {
  std::int64_t key = 0;  // stop price (rising) or its negation (falling): due ones sort first
  std::uint64_t seq = 0;
  friend auto operator<=>(const StopKey&, const StopKey&) = default;
};

struct Market {
  Market(InstrumentSpec spec_in, SymbolId id_in, AssetId base_in, AssetId quote_in,
         core::Scale base_scale_in, core::Scale quote_scale_in, const book::BookConfig& config)
      : spec(std::move(spec_in)),
        id(id_in),
        base(base_in),
        quote(quote_in),
        base_scale(base_scale_in),
        quote_scale(quote_scale_in),
        book(config) {}

  InstrumentSpec spec;
  SymbolId id;
  AssetId base;
  AssetId quote;
  core::Scale base_scale;
  core::Scale quote_scale;
  book::OrderBook book;
  std::uint64_t next_order_id = 1;
  std::uint64_t next_trade_id = 1;
  std::uint64_t next_background_id = kBackgroundIdBase + 1;
  std::uint64_t next_stop_seq = 1;
  std::unordered_map<std::uint64_t, OpenOrder> open;  // by order id
  // Stops that trigger when the last price rises to (>=) or falls to (<=) their stop price.
  std::map<StopKey, std::uint64_t> rising_stops;
  std::map<StopKey, std::uint64_t> falling_stops;
  std::optional<core::Price> last_price;
};

// What validation decided for an acceptable order.
struct Prepared {
  StpMode stp = StpMode::none;
  AssetId lock_asset;
  core::Amount lock;
};

class Venue::Impl {
 public:
  Impl(core::Rng rng, VenueLimits limits);

  // --- lookups ---
  Market* market(std::string_view symbol);
  const Market* market(std::string_view symbol) const;
  AccountState* account(core::AccountId id);
  const AccountState* account(core::AccountId id) const;

  // --- validation (validation.cpp) ---
  core::Result<Prepared> validate(const Market& m, const AccountState& acc,
                                  const PlaceOrder& command) const;
  core::Status check_symbol_filters(const Market& m, const PlaceOrder& command) const;
  core::Status check_account_filters(const Market& m, const AccountState& acc,
                                     OrderType type) const;
  core::Result<core::Amount> lock_for(const Market& m, const AccountState& acc,
                                      const PlaceOrder& command, StpMode stp) const;
  // Upper bound of the quote a MARKET BUY of `qty` pays, walking the asks as they stand.
  core::Result<core::Amount> buy_cost_bound(const Market& m, core::AccountId account, core::Qty qty,
                                            StpMode stp) const;
  // Upper bound of the base a MARKET SELL for `quote` sells, walking the bids.
  core::Result<core::Amount> sell_base_bound(const Market& m, core::AccountId account,
                                             core::Amount quote, StpMode stp) const;

  // --- placement and lifecycle (orders.cpp) ---
  core::Result<Placed> place(Market& m, AccountState& acc, const PlaceOrder& command);
  core::Result<Canceled> cancel(Market& m, AccountState& acc, const CancelOrder& command);
  OpenOrder* find_open(Market& m, const AccountState& acc, core::OrderId id,
                       const ClientOrderId& client_order_id);
  ClientOrderId fresh_client_order_id(const AccountState& acc);
  // Submits an open order to the book as `type` and handles what follows (its fill cap
  // included). An error leaves the order open and unsubmitted.
  core::Status submit_to_book(Market& m, OpenOrder& oo, OrderType book_type);
  // Expires an open order that never reached the book (or is done with it) and closes it.
  void expire_order(Market& m, OpenOrder& oo, ExpiryReason reason);

  // --- fault hooks (deferred.cpp, fill_cap.cpp) ---
  core::Result<Placed> release_deferred_impl(Market& m, core::OrderId id);
  // Whether `order`, submitted to the book as it stands, would execute more than `cap`
  // (base quantity), following the book's matching: price-time priority, self-trade
  // prevention, a quote budget spent in whole steps.
  bool executes_more_than(const Market& m, const book::NewOrder& order, core::Qty cap) const;
  // Ends an open order: releases its lock, moves it to the history. `oo` is gone afterwards.
  void close_order(Market& m, OpenOrder& oo);
  const Order* find_closed(const AccountState& acc, SymbolId symbol, core::OrderId id) const;
  // An order placed or released in this command, open or already in the history.
  const Order& latest(const Market& m, const AccountState& acc, core::OrderId id) const;

  // --- settlement (settlement.cpp) ---
  void process_book_events(Market& m);
  void apply_fill(Market& m, OpenOrder& oo, core::Price price, core::Qty qty, bool is_maker,
                  core::TradeId trade_id, core::Amount quote_amount, bool completes);
  void settle_market_side(const Market& m, Side market_side, core::Qty qty, core::Amount quote);
  core::Amount to_base_amount(const Market& m, core::Qty qty) const;
  core::Amount fill_quote(const Market& m, core::Price price, core::Qty qty) const;
  void lock(AccountState& acc, OpenOrder& oo, core::Amount amount);
  void release(AccountState& acc, OpenOrder& oo, core::Amount amount);
  void emit_update(ExecType exec, const OpenOrder& oo, const std::optional<Fill>& fill = {},
                   const ClientOrderId& cancel_id = {}, core::OrderId counter = {});
  void emit_level(const Market& m, const book::LevelChanged& level);
  void mark_dirty(AccountState& acc, AssetId asset);
  void flush_positions();

  // --- stops (stops.cpp) ---
  static bool rising_stop(Side side, OrderType type);
  static bool stop_due(Side side, OrderType type, core::Price stop, core::Price last);
  void add_stop(Market& m, OpenOrder& oo);
  void remove_stop(Market& m, const OpenOrder& oo);
  void run_stops(Market& m);

  // --- background liquidity (background.cpp) ---
  core::Status set_level_impl(Market& m, Side side, core::Price price, core::Qty qty);
  void remove_background(Market& m, Side side, core::Price price);
  void market_trade_impl(Market& m, core::Price price, core::Qty qty, Side aggressor);
  // Fills a resting client order against the market at its own price.
  void market_fill(Market& m, OpenOrder& oo, core::Qty qty);
  // Takes `qty` off a background order (cancelling it when all goes).
  void consume_background(Market& m, core::OrderId id, core::Qty open, core::Qty qty);
  void forward_levels(Market& m, const book::Events& events);

  void begin(core::Timestamp now, Events& out);
  void end();

  core::Rng rng_;
  VenueLimits limits_;
  std::vector<AssetSpec> assets_;
  std::unordered_map<std::string, AssetId> asset_by_name_;
  std::vector<std::unique_ptr<Market>> markets_;
  std::unordered_map<std::string, SymbolId> symbol_by_name_;
  std::vector<std::unique_ptr<AccountState>> accounts_;
  std::unordered_map<std::uint64_t, std::size_t> account_index_;
  std::unordered_map<std::string, core::AccountId> account_by_key_;
  std::vector<core::Amount> fees_;      // by AssetId
  std::vector<core::Amount> market_;    // by AssetId: the background counterparty's net
  std::vector<core::Amount> deposits_;  // by AssetId: net of set_balance

  // Per-command context.
  core::Timestamp now_;
  Events* out_ = nullptr;
  book::Events book_events_;
  book::Events scratch_events_;
  std::vector<std::pair<AccountState*, AssetId>> dirty_;
  std::vector<Fill>* taker_fills_ = nullptr;  // fills of the order being placed
  std::uint64_t taker_id_ = 0;
  ClientOrderId cancel_client_id_;  // the cancel request's id while a cancel runs
  std::optional<book::MatchPrevented> last_prevented_;
};

}  // namespace mockex::venue
