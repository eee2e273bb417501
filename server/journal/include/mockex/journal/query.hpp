#pragma once
// Journal queries: filters, a limit, and a cursor for paging and tailing.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "mockex/core/timestamp.hpp"
#include "mockex/journal/entry.hpp"
#include "mockex/journal/kind_set.hpp"

namespace mockex::journal {

inline constexpr std::size_t kDefaultQueryLimit = 100;
inline constexpr std::size_t kMaxQueryLimit = 10'000;

// Every filter set must hold for an entry to match.
struct Query {
  KindSet kinds;                // empty: every kind
  std::uint64_t after = 0;      // only entries with seq > after (the paging / tailing cursor)
  std::uint64_t until = std::numeric_limits<std::uint64_t>::max();  // only seq <= until
  std::optional<core::Timestamp> from;  // scenario time, inclusive
  std::optional<core::Timestamp> to;    // scenario time, exclusive
  std::string text;  // a case-sensitive substring of the entry's serialized `data`; empty: any
  std::size_t limit = kDefaultQueryLimit;  // clamped to [1, kMaxQueryLimit]
};

struct QueryResult {
  std::vector<Entry> entries;  // in seq order
  // Pass as `after` to get the next page: the seq of the last entry returned, or when none
  // matched, the last seq examined (so tailing does not rescan) — never less than the query's
  // `after`.
  std::uint64_t next_after = 0;
  bool more = false;  // another matching entry exists beyond `limit`
  // Entries evicted from the ring that the query's `after` asked for (seq after `after` but no
  // longer held): a tailing client fell behind by this many.
  std::uint64_t missed = 0;
};

}  // namespace mockex::journal
