#pragma once
// One side's price levels, in a vector sorted so that the best price is at the back: most
// activity happens near the top, so inserting or removing a level there moves few elements and
// taking the best level is pop_back(). The sort key is the price for bids and its negation for
// asks, so both sides sort ascending by key.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "book_nodes.hpp"
#include "object_pool.hpp"

namespace mockex::book::detail {

class BookSide {
 public:
  struct Slot {
    std::int64_t key = 0;
    Level* level = nullptr;
  };

  explicit BookSide(Side side) : side_(side) {}

  Side side() const { return side_; }
  bool empty() const { return slots_.empty(); }
  std::size_t size() const { return slots_.size(); }
  Level* best() const { return slots_.empty() ? nullptr : slots_.back().level; }
  // Levels best first: at(0) is the best.
  Level* at(std::size_t rank) const { return slots_[slots_.size() - 1 - rank].level; }
  const std::vector<Slot>& slots() const { return slots_; }

  std::int64_t key_of(std::int64_t price) const { return side_ == Side::buy ? price : -price; }

  Level* find(std::int64_t price) const {
    const auto it = lower(key_of(price));
    return (it != slots_.end() && it->key == key_of(price)) ? it->level : nullptr;
  }

  Level* find_or_insert(std::int64_t price, ObjectPool<Level>& pool) {
    const std::int64_t key = key_of(price);
    const auto it = lower(key);
    if (it != slots_.end() && it->key == key) return it->level;
    Level* level = pool.acquire();
    level->price = price;
    slots_.insert(it, Slot{key, level});
    return level;
  }

  // Removes an (empty) level and returns it to the pool.
  void erase(Level* level, ObjectPool<Level>& pool) {
    if (!slots_.empty() && slots_.back().level == level) {
      slots_.pop_back();
    } else {
      slots_.erase(lower(key_of(level->price)));
    }
    pool.release(level);
  }

 private:
  // Most lookups hit the top few levels; check those before the binary search.
  std::vector<Slot>::const_iterator lower(std::int64_t key) const {
    constexpr std::size_t kNearTop = 4;
    const std::size_t n = slots_.size();
    for (std::size_t back = 0; back < kNearTop && back < n; ++back) {
      const std::size_t i = n - 1 - back;
      if (slots_[i].key < key) return slots_.begin() + static_cast<std::ptrdiff_t>(i + 1);
      if (slots_[i].key == key) return slots_.begin() + static_cast<std::ptrdiff_t>(i);
    }
    const auto end = slots_.end() - static_cast<std::ptrdiff_t>(std::min(kNearTop, n));
    return std::lower_bound(slots_.begin(), end, key,
                            [](const Slot& slot, std::int64_t k) { return slot.key < k; });
  }
  std::vector<Slot>::iterator lower(std::int64_t key) {
    const auto found = static_cast<const BookSide&>(*this).lower(key);
    return slots_.begin() + (found - slots_.cbegin());
  }

  Side side_;
  std::vector<Slot> slots_;
};

}  // namespace mockex::book::detail
