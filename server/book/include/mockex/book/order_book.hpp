#pragma once
// A price-time priority limit order book and matching engine for one symbol.
//
// Pure: commands in, events out, no I/O, no clock, no randomness, no exceptions. Each command
// returns a Status (rejections are ErrorCodes in the 1000s and change nothing) and appends the
// events it caused to `out` (see events.hpp). The book knows nothing of balances, filters or
// client order ids: the venue checks those before it calls in, and owns order ids.
//
// Orders with owner kNoAccount are the venue's own liquidity; the venue can manage background
// depth with submit / cancel / amend_qty and ask queue_ahead() for a queue-position fill model.
//
// Not thread-safe: one session's strand drives it.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mockex/book/events.hpp"
#include "mockex/book/types.hpp"
#include "mockex/core/result.hpp"

namespace mockex::book {

class OrderBook {
 public:
  explicit OrderBook(BookConfig config = {});
  ~OrderBook();
  OrderBook(OrderBook&&) noexcept;
  OrderBook& operator=(OrderBook&&) noexcept;
  OrderBook(const OrderBook&) = delete;
  OrderBook& operator=(const OrderBook&) = delete;

  // --- commands ---

  // Places an order: matches what crosses, then rests, expires or waits for its stop according
  // to type and time in force. Then runs any stops the new last price triggers.
  core::Status submit(const NewOrder& order, Events& out);

  // Cancels an open order (resting or waiting for its stop): OrderDone(canceled).
  core::Status cancel(core::OrderId id, Events& out);

  // Cancels every open order of `owner` (kNoAccount: the venue's own liquidity), oldest first.
  // Returns how many were cancelled.
  std::size_t cancel_all(core::AccountId owner, Events& out);

  // Cancel-replace: cancels `old_id`, then submits `replacement` with new time priority (it may
  // reuse the old id). Nothing changes if `old_id` is unknown or `replacement` has invalid
  // parameters or a duplicate id. If the replacement is rejected only once placed (LIMIT_MAKER
  // would take, stop would trigger) the old order stays cancelled and that error is returned;
  // the OrderDone(canceled) in `out` tells the two cases apart.
  core::Status replace(core::OrderId old_id, const NewOrder& replacement, Events& out);

  // Sets the open quantity of an order. Lowering it keeps time priority; raising it moves the
  // order to the back of its level. `open_qty` must be > 0 (cancel to remove).
  core::Status amend_qty(core::OrderId id, core::Qty open_qty, Events& out);

  // A trade printed outside this book (replayed or generated market) moved the last price: runs
  // the stops it triggers. Price must be > 0.
  core::Status set_last_price(core::Price price, Events& out);

  // --- queries ---

  const BookConfig& config() const;
  std::optional<LevelInfo> best_bid() const;
  std::optional<LevelInfo> best_ask() const;
  TopOfBook top() const;
  // Up to `max_levels` levels per side, best first.
  DepthSnapshot depth(std::size_t max_levels) const;
  void depth(Side side, std::size_t max_levels, std::vector<LevelInfo>& out) const;
  std::optional<OrderInfo> find(core::OrderId id) const;
  // Open quantity ahead of `id` in its level's queue (the queue fill model's position).
  core::Result<core::Qty> queue_ahead(core::OrderId id) const;
  // The orders at one level in queue order (empty if there is no such level).
  std::vector<OrderInfo> orders_at(Side side, core::Price price) const;
  // Every open order of `owner`, oldest priority first.
  std::vector<OrderInfo> open_orders(core::AccountId owner) const;
  // Price of the last trade in this book or set_last_price; none before the first.
  std::optional<core::Price> last_price() const;
  // The id of the last LevelChanged event (0 before any).
  std::uint64_t update_id() const;
  // Open orders: resting plus pending stops.
  std::size_t order_count() const;
  std::size_t level_count(Side side) const;

  // Checks every structural invariant (not crossed, level totals and counts equal their orders,
  // no empty levels, sorted levels, queue links, id index and stop sets consistent). Returns a
  // description of the first violation, or nothing. O(orders); meant for tests.
  std::optional<std::string> check_invariants() const;
  // A hash of the complete state (levels, queues, stops, counters). Equal commands from equal
  // books give equal hashes; O(orders).
  std::uint64_t state_hash() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mockex::book
