#pragma once
// A set of entry kinds, for query filters. Empty means "every kind".

#include <cstdint>
#include <initializer_list>

#include "mockex/journal/entry.hpp"

namespace mockex::journal {

class KindSet {
 public:
  constexpr KindSet() = default;
  constexpr KindSet(std::initializer_list<EntryKind> kinds) {
    for (auto kind : kinds) add(kind);
  }

  constexpr void add(EntryKind kind) { bits_ |= bit(kind); }
  constexpr bool empty() const { return bits_ == 0; }
  // True for every kind when the set is empty.
  constexpr bool matches(EntryKind kind) const { return bits_ == 0 || (bits_ & bit(kind)) != 0; }

 private:
  static constexpr std::uint32_t bit(EntryKind kind) {
    return std::uint32_t{1} << static_cast<unsigned>(kind);
  }

  std::uint32_t bits_ = 0;
};

}  // namespace mockex::journal
