#pragma once
// A deliberately simple order book for cross-checking OrderBook: every open order in one flat
// vector, every decision a linear scan. Slow, but short enough to check by reading. It emits the
// same events as OrderBook except LevelChanged (depth is compared as whole snapshots instead).

#include <cstdint>
#include <optional>
#include <vector>

#include "mockex/book/events.hpp"
#include "mockex/book/types.hpp"
#include "mockex/core/arithmetic.hpp"
#include "mockex/core/result.hpp"

namespace mockex::book::test_support {

class ReferenceBook {
 public:
  explicit ReferenceBook(BookConfig config);

  core::Status submit(const NewOrder& order, Events& out);
  core::Status cancel(core::OrderId id, Events& out);
  std::size_t cancel_all(core::AccountId owner, Events& out);
  core::Status replace(core::OrderId old_id, const NewOrder& replacement, Events& out);
  core::Status amend_qty(core::OrderId id, core::Qty open_qty, Events& out);
  core::Status set_last_price(core::Price price, Events& out);

  // All levels, best first; update_id is left 0.
  DepthSnapshot depth() const;
  core::Result<core::Qty> queue_ahead(core::OrderId id) const;
  std::optional<core::Price> last_price() const { return last_; }
  std::size_t order_count() const { return orders_.size(); }

 private:
  struct Ref {
    NewOrder params;
    std::int64_t open = 0;
    std::int64_t filled = 0;
    std::uint64_t seq = 0;
    bool pending = false;  // a stop waiting for its trigger
  };

  core::ErrorCode check(const NewOrder& order, std::uint64_t replacing) const;
  core::Status place(const NewOrder& order, Events& out);
  void take(Ref taker, std::optional<core::Int128> budget, Events& out);
  bool fok_ok(const Ref& taker) const;
  // Index of the best resting order on `side` whose price the taker accepts; -1 if none.
  int best_maker(const Ref& taker) const;
  bool better_or_equal(const Ref& taker, std::int64_t price) const;
  bool triggered(const Ref& stop) const;
  void triggers(Events& out);
  void done(const Ref& order, DoneReason reason, Events& out) const;
  int index_of(core::OrderId id) const;

  BookConfig config_;
  std::vector<Ref> orders_;  // resting orders and pending stops, in no particular order
  std::uint64_t seq_ = 1;
  std::uint64_t trade_id_;
  std::uint64_t prevented_id_ = 1;
  std::optional<core::Price> last_;
};

}  // namespace mockex::book::test_support
