#pragma once
// Stable-address storage for orders and levels: chunks that start small and double up to
// MaxChunk objects (a quiet book costs little memory; a busy one allocates rarely), recycled
// through a LIFO free list (the most recently freed, still-cached node is reused first). Never
// shrinks.

#include <cstddef>
#include <memory>
#include <vector>

namespace mockex::book::detail {

template <class T, std::size_t MaxChunk = 4096, std::size_t FirstChunk = 32>
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
    std::size_t size = next_chunk_;
    next_chunk_ = next_chunk_ * 2 > MaxChunk ? MaxChunk : next_chunk_ * 2;
    chunks_.push_back(std::make_unique<T[]>(size));
    T* base = chunks_.back().get();
    free_.reserve(free_.size() + size);
    for (std::size_t i = size; i > 0; --i) free_.push_back(base + i - 1);
  }

  std::size_t next_chunk_ = FirstChunk;

  std::vector<std::unique_ptr<T[]>> chunks_;
  std::vector<T*> free_;
};

}  // namespace mockex::book::detail
