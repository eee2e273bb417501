#include <algorithm>

#include "mockex/journal/journal.hpp"

namespace mockex::journal {

namespace {

bool matches(const Query& query, const Entry& entry) {
  if (!query.kinds.matches(entry.kind)) return false;
  if (query.from && entry.t < *query.from) return false;
  if (query.to && !(entry.t < *query.to)) return false;
  if (!query.text.empty() && entry.data_text.find(query.text) == std::string::npos) {
    return false;
  }
  return true;
}

}  // namespace

QueryResult Journal::query(const Query& query) const {
  QueryResult result;
  result.next_after = query.after;
  const std::size_t limit = std::clamp<std::size_t>(query.limit, 1, kMaxQueryLimit);

  // Seqs held are contiguous, first_seq() .. last_seq(), so the cursor maps to an index.
  const std::uint64_t first = first_seq();
  if (query.after + 1 < first) result.missed = first - (query.after + 1);
  std::size_t index = 0;
  if (query.after >= first) {
    index = static_cast<std::size_t>(std::min<std::uint64_t>(query.after - first + 1,
                                                             entries_.size()));
  }

  for (; index < entries_.size(); ++index) {
    const Entry& entry = entries_[index];
    if (entry.seq > query.until) break;
    if (!matches(query, entry)) {
      result.next_after = entry.seq;  // examined: a tailing client need not look again
      continue;
    }
    if (result.entries.size() == limit) {
      result.more = true;
      break;
    }
    result.entries.push_back(entry);
    result.next_after = entry.seq;
  }
  return result;
}

}  // namespace mockex::journal
