#pragma once
// OrderBook's private state and the operations shared by its source files:
// order_book.cpp (commands), matching.cpp (matching, resting, stops), book_queries.cpp (views,
// invariants, hash).

#include <cstdint>
#include <set>

#include "book_nodes.hpp"
#include "book_side.hpp"
#include "mockex/book/order_book.hpp"
#include "mockex/core/arithmetic.hpp"
#include "object_pool.hpp"
#include "order_index.hpp"

namespace mockex::book {

class OrderBook::Impl {
 public:
  explicit Impl(BookConfig config);

  // --- order_book.cpp ---
  core::Status submit(const NewOrder& order, Events& out);
  core::Status cancel(core::OrderId id, Events& out);
  std::size_t cancel_all(core::AccountId owner, Events& out);
  core::Status replace(core::OrderId old_id, const NewOrder& replacement, Events& out);
  core::Status amend_qty(core::OrderId id, core::Qty open_qty, Events& out);
  core::Status set_last_price(core::Price price, Events& out);

  // --- book_queries.cpp ---
  std::optional<LevelInfo> best(Side side) const;
  void depth(Side side, std::size_t max_levels, std::vector<LevelInfo>& out) const;
  std::optional<OrderInfo> find(core::OrderId id) const;
  core::Result<core::Qty> queue_ahead(core::OrderId id) const;
  std::vector<OrderInfo> orders_at(Side side, core::Price price) const;
  std::vector<OrderInfo> open_orders(core::AccountId owner) const;
  std::optional<std::string> check_invariants() const;
  std::uint64_t state_hash() const;

  const BookConfig& config() const { return config_; }
  std::optional<core::Price> last_price() const {
    if (!has_last_price_) return std::nullopt;
    return core::Price{last_price_};
  }
  std::uint64_t update_id() const { return update_id_; }
  std::size_t order_count() const { return index_.size(); }
  const detail::BookSide& side(Side s) const { return s == Side::buy ? bids_ : asks_; }

 private:
  using Order = detail::Order;
  using Level = detail::Level;

  // A pending stop, ordered so that the first element of each set is the next to trigger:
  // key = stop price in the rising set (triggers when last >= stop), -stop in the falling set
  // (triggers when last <= stop); ties by priority.
  struct StopKey {
    std::int64_t key = 0;
    std::uint64_t seq = 0;
    Order* order = nullptr;
    friend bool operator<(const StopKey& a, const StopKey& b) {
      return a.key != b.key ? a.key < b.key : a.seq < b.seq;
    }
  };

  // What a MARKET order by quote amount may still spend, at scale price + qty decimals, so that
  // each fill's price * qty is subtracted exactly.
  struct QuoteBudget {
    core::Int128 left = 0;
  };

  enum class MatchEnd : std::uint8_t { taker_done, out_of_liquidity, taker_expired_in_match };

  detail::BookSide& side_mut(Side s) { return s == Side::buy ? bids_ : asks_; }

  // order_book.cpp
  core::ErrorCode validate(const NewOrder& order, std::uint64_t replacing) const;
  core::Status place(const NewOrder& order, Events& out);
  void remove_open(Order& order, DoneReason reason, Events& out);

  // matching.cpp
  void execute(Order& taker, QuoteBudget* budget, Events& out);
  MatchEnd match(Order& taker, QuoteBudget* budget, Events& out);
  bool fok_fillable(const Order& taker) const;
  void rest(Order& order, Events& out);
  void emit_level(const Level& level, Side side, Events& out);
  void emit_done(const Order& order, DoneReason reason, Events& out);
  void finish(Order& order, DoneReason reason, Events& out);
  bool crosses(Side taker_side, std::int64_t limit, std::int64_t level_price) const;
  // True for stops that trigger when the last price rises to them (STOP_LOSS* BUY,
  // TAKE_PROFIT* SELL).
  static bool rising_stop(Side side, OrderType type);
  static bool stop_condition_met(Side side, OrderType type, std::int64_t stop, std::int64_t last);
  void add_stop(Order& order);
  void erase_stop(const Order& order);
  void run_triggers(Events& out);
  std::int64_t affordable(const QuoteBudget& budget, std::int64_t price, std::int64_t cap) const;

  // book_queries.cpp
  OrderInfo info(const Order& order) const;

  BookConfig config_;
  detail::BookSide bids_{Side::buy};
  detail::BookSide asks_{Side::sell};
  detail::ObjectPool<Order> orders_;
  detail::ObjectPool<Level> levels_;
  detail::OrderIndex<Order> index_;
  std::set<StopKey> rising_stops_;
  std::set<StopKey> falling_stops_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t next_trade_id_;
  std::uint64_t next_prevented_id_ = 1;
  std::uint64_t update_id_ = 0;
  std::int64_t last_price_ = 0;
  bool has_last_price_ = false;
};

}  // namespace mockex::book
