#pragma once
// Order id -> order, as an open-addressing hash table with linear probing and backward-shift
// deletion (no tombstones). Key 0 marks an empty slot, which is why order id 0 is invalid.
// Fibonacci hashing spreads the venue's sequential ids; the table doubles at half load.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mockex::book::detail {

template <class T>
class OrderIndex {
 public:
  OrderIndex() { reset(kInitialCapacity); }

  std::size_t size() const { return size_; }

  T* find(std::uint64_t key) const {
    for (std::size_t i = home(key);; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return slot.value;
      if (slot.key == 0) return nullptr;
    }
  }

  // `key` must be non-zero and absent.
  void insert(std::uint64_t key, T* value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    place(key, value);
    ++size_;
  }

  bool erase(std::uint64_t key) {
    std::size_t i = home(key);
    for (;; i = (i + 1) & mask_) {
      if (slots_[i].key == key) break;
      if (slots_[i].key == 0) return false;
    }
    // Shift later members of the probe run back into the hole while that keeps them reachable.
    for (std::size_t j = (i + 1) & mask_;; j = (j + 1) & mask_) {
      const Slot& candidate = slots_[j];
      if (candidate.key == 0) break;
      const std::size_t k = home(candidate.key);
      if (((j - k) & mask_) >= ((j - i) & mask_)) {
        slots_[i] = candidate;
        i = j;
      }
    }
    slots_[i] = Slot{};
    --size_;
    return true;
  }

  template <class F>
  void for_each(F&& visit) const {
    for (const Slot& slot : slots_) {
      if (slot.key != 0) visit(slot.key, slot.value);
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    T* value = nullptr;
  };

  static constexpr std::size_t kInitialCapacity = 64;

  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> shift_);
  }

  void reset(std::size_t capacity) {
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    shift_ = 64;
    for (std::size_t c = capacity; c > 1; c >>= 1) --shift_;
  }

  void place(std::uint64_t key, T* value) {
    std::size_t i = home(key);
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{key, value};
  }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    reset(old.size() * 2);
    for (const Slot& slot : old) {
      if (slot.key != 0) place(slot.key, slot.value);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t size_ = 0;
};

}  // namespace mockex::book::detail
