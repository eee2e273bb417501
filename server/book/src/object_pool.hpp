#pragma once
// Stable-address storage for orders and levels: chunks of ChunkSize objects, recycled through a
// LIFO free list (the most recently freed, still-cached node is reused first). Never shrinks.

#include <cstddef>
#include <memory>
#include <vector>

namespace mockex::book::detail {

template <class T, std::size_t ChunkSize = 4096>
class ObjectPool {
 public:
  T* acquire() {
    if (free_.empty()) grow();
    T* object = free_.back();
    free_.pop_back();
    return object;
  }

  void release(T* object) {
    *object = T{};
    free_.push_back(object);
  }

 private:
  void grow() {
    chunks_.push_back(std::make_unique<T[]>(ChunkSize));
    T* base = chunks_.back().get();
    free_.reserve(free_.size() + ChunkSize);
    for (std::size_t i = ChunkSize; i > 0; --i) free_.push_back(base + i - 1);
  }

  std::vector<std::unique_ptr<T[]>> chunks_;
  std::vector<T*> free_;
};

}  // namespace mockex::book::detail
