#include <gtest/gtest.h>

#include <vector>

#include "journal_test_support.hpp"
#include "mockex/journal/journal.hpp"

namespace mockex::journal {
namespace {

using testing::at_ms;

std::vector<std::uint64_t> seqs(const QueryResult& result) {
  std::vector<std::uint64_t> out;
  for (const Entry& entry : result.entries) out.push_back(entry.seq);
  return out;
}

// seq 1..12 at scenario ms 0, 10, 20, ...; kinds cycle fault, order, ws_in; data {"n": i, "sym"}.
Journal make_journal(JournalOptions options = {}) {
  Journal journal{options};
  const EntryKind kinds[] = {EntryKind::fault, EntryKind::order, EntryKind::ws_in};
  for (int i = 0; i < 12; ++i) {
    journal.record(at_ms(i * 10), kinds[i % 3],
                   {{"n", i}, {"sym", i % 2 == 0 ? "BTCUSDT" : "ETHUSDT"}});
  }
  return journal;
}

TEST(JournalQuery, no_filters_returns_everything_in_seq_order) {
  const Journal journal = make_journal();
  const QueryResult result = journal.query({});
  EXPECT_EQ(seqs(result), (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
  EXPECT_EQ(result.next_after, 12U);
  EXPECT_FALSE(result.more);
  EXPECT_EQ(result.missed, 0U);
}

TEST(JournalQuery, kind_filter_keeps_only_the_kinds_asked_for) {
  const Journal journal = make_journal();
  Query query;
  query.kinds = {EntryKind::fault, EntryKind::ws_in};
  EXPECT_EQ(seqs(journal.query(query)), (std::vector<std::uint64_t>{1, 3, 4, 6, 7, 9, 10, 12}));
}

TEST(JournalQuery, seq_range_is_after_exclusive_until_inclusive) {
  const Journal journal = make_journal();
  Query query;
  query.after = 3;
  query.until = 6;
  EXPECT_EQ(seqs(journal.query(query)), (std::vector<std::uint64_t>{4, 5, 6}));
}

TEST(JournalQuery, scenario_time_range_is_from_inclusive_to_exclusive) {
  const Journal journal = make_journal();
  Query query;
  query.from = at_ms(20).t;
  query.to = at_ms(50).t;
  EXPECT_EQ(seqs(journal.query(query)), (std::vector<std::uint64_t>{3, 4, 5}));
}

TEST(JournalQuery, text_matches_a_substring_of_the_serialized_data) {
  const Journal journal = make_journal();
  Query query;
  query.text = "\"ETHUSDT\"";
  EXPECT_EQ(seqs(journal.query(query)), (std::vector<std::uint64_t>{2, 4, 6, 8, 10, 12}));
  query.text = "\"n\":11";
  EXPECT_EQ(seqs(journal.query(query)), (std::vector<std::uint64_t>{12}));
  query.text = "ethusdt";  // case-sensitive
  EXPECT_TRUE(journal.query(query).entries.empty());
}

TEST(JournalQuery, filters_combine) {
  const Journal journal = make_journal();
  Query query;
  query.kinds = {EntryKind::order};
  query.text = "BTCUSDT";
  query.from = at_ms(30).t;
  EXPECT_EQ(seqs(journal.query(query)), (std::vector<std::uint64_t>{5, 11}));
}

TEST(JournalQuery, paging_with_next_after_visits_every_match_once) {
  const Journal journal = make_journal();
  Query query;
  query.kinds = {EntryKind::fault, EntryKind::order};
  query.limit = 3;
  std::vector<std::uint64_t> seen;
  std::vector<bool> mores;
  for (int page = 0; page < 10; ++page) {
    const QueryResult result = journal.query(query);
    if (result.entries.empty()) break;
    for (auto seq : seqs(result)) seen.push_back(seq);
    mores.push_back(result.more);
    query.after = result.next_after;
  }
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{1, 2, 4, 5, 7, 8, 10, 11}));
  EXPECT_EQ(mores, (std::vector<bool>{true, true, false}));
}

TEST(JournalQuery, next_after_moves_past_examined_entries_that_do_not_match) {
  const Journal journal = make_journal();
  Query query;
  query.text = "no such text";
  query.after = 4;
  const QueryResult result = journal.query(query);
  EXPECT_TRUE(result.entries.empty());
  EXPECT_EQ(result.next_after, 12U);
}

TEST(JournalQuery, tailing_from_last_seq_returns_only_new_entries) {
  Journal journal = make_journal();
  Query query;
  query.after = journal.last_seq();
  EXPECT_TRUE(journal.query(query).entries.empty());
  EXPECT_EQ(journal.query(query).next_after, 12U);
  journal.record(at_ms(500), EntryKind::fill, {});
  EXPECT_EQ(seqs(journal.query(query)), (std::vector<std::uint64_t>{13}));
}

TEST(JournalQuery, limit_is_clamped_between_one_and_the_maximum) {
  Journal journal{JournalOptions{.max_entries = 20'000}};
  for (int i = 0; i < 10'005; ++i) journal.record(at_ms(i), EntryKind::market, {});
  Query query;
  query.limit = 0;
  EXPECT_EQ(journal.query(query).entries.size(), 1U);
  query.limit = 50'000;
  const QueryResult result = journal.query(query);
  EXPECT_EQ(result.entries.size(), kMaxQueryLimit);
  EXPECT_TRUE(result.more);
  EXPECT_EQ(Query{}.limit, 100U);
}

TEST(JournalQuery, cursor_behind_the_ring_reports_missed_entries) {
  const Journal journal = make_journal(JournalOptions{.max_entries = 5});
  Query query;
  query.after = 2;
  const QueryResult result = journal.query(query);
  EXPECT_EQ(seqs(result), (std::vector<std::uint64_t>{8, 9, 10, 11, 12}));
  EXPECT_EQ(result.missed, 5U);  // seqs 3..7 were evicted
}

}  // namespace
}  // namespace mockex::journal
