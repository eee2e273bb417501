#pragma once
// A bounded FIFO with random access: push_back beyond the capacity drops the oldest element.
// Storage grows on demand up to the capacity, so an idle symbol costs nothing.

#include <cassert>
#include <cstddef>
#include <vector>

namespace mockex::marketdata {

template <class T>
class Ring {
 public:
  explicit Ring(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

  std::size_t capacity() const { return capacity_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Element i, 0 being the oldest.
  const T& operator[](std::size_t i) const {
    assert(i < size_);
    return items_[(head_ + i) % capacity_];
  }
  T& operator[](std::size_t i) {
    assert(i < size_);
    return items_[(head_ + i) % capacity_];
  }
  const T& back() const { return (*this)[size_ - 1]; }
  T& back() { return (*this)[size_ - 1]; }

  // Appends; when full, the oldest element is overwritten (dropped).
  void push_back(const T& item) {
    if (items_.size() < capacity_) {
      items_.push_back(item);
      ++size_;
      return;
    }
    if (size_ < capacity_) {
      items_[(head_ + size_) % capacity_] = item;
      ++size_;
      return;
    }
    items_[head_] = item;
    head_ = (head_ + 1) % capacity_;
  }

  void clear() {
    items_.clear();
    head_ = 0;
    size_ = 0;
  }

  // The first index whose element is not less than `key` under `less(element, key)`, for
  // elements ordered by that key; size() when none.
  template <class Key, class Less>
  std::size_t lower_bound(const Key& key, Less less) const {
    std::size_t lo = 0;
    std::size_t hi = size_;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (less((*this)[mid], key)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

 private:
  std::size_t capacity_;
  std::vector<T> items_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace mockex::marketdata
