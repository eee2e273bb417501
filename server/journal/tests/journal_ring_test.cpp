#include <gtest/gtest.h>

#include "journal_test_support.hpp"
#include "mockex/journal/journal.hpp"

namespace mockex::journal {
namespace {

using testing::at_ms;

TEST(JournalRing, seqs_start_at_one_and_have_no_gaps) {
  Journal journal;
  EXPECT_EQ(journal.last_seq(), 0U);
  for (std::uint64_t i = 1; i <= 50; ++i) {
    EXPECT_EQ(journal.record(at_ms(static_cast<std::int64_t>(i)), EntryKind::market, {{"i", i}}),
              i);
  }
  ASSERT_EQ(journal.size(), 50U);
  std::uint64_t expected = 1;
  for (const Entry& entry : journal.entries()) EXPECT_EQ(entry.seq, expected++);
  EXPECT_EQ(journal.first_seq(), 1U);
  EXPECT_EQ(journal.last_seq(), 50U);
  EXPECT_EQ(journal.dropped(), 0U);
}

TEST(JournalRing, full_ring_drops_oldest_counts_them_and_never_reuses_seqs) {
  Journal journal{JournalOptions{.max_entries = 4}};
  for (int i = 0; i < 10; ++i) journal.record(at_ms(i), EntryKind::market, {{"i", i}});
  EXPECT_EQ(journal.size(), 4U);
  EXPECT_EQ(journal.dropped(), 6U);
  EXPECT_EQ(journal.first_seq(), 7U);
  EXPECT_EQ(journal.last_seq(), 10U);
  std::uint64_t expected = 7;
  for (const Entry& entry : journal.entries()) {
    EXPECT_EQ(entry.seq, expected);
    EXPECT_EQ(entry.data().at("i"), expected - 1);  // the newest four, intact
    ++expected;
  }
  EXPECT_EQ(journal.record(at_ms(11), EntryKind::market, {}), 11U);
}

TEST(JournalRing, zero_max_entries_keeps_the_latest_entry) {
  Journal journal{JournalOptions{.max_entries = 0}};
  journal.record(at_ms(1), EntryKind::clock, {});
  journal.record(at_ms(2), EntryKind::clock, {});
  ASSERT_EQ(journal.size(), 1U);
  EXPECT_EQ(journal.entries().front().seq, 2U);
  EXPECT_EQ(journal.dropped(), 1U);
}

TEST(JournalRing, entry_keeps_times_kind_and_data) {
  Journal journal;
  const Stamp stamp = at_ms(1234);
  journal.record(stamp, EntryKind::session, {{"event", "created"}});
  const Entry& entry = journal.entries().front();
  EXPECT_EQ(entry.t, stamp.t);
  EXPECT_EQ(entry.wall_ms, stamp.wall_ms);
  EXPECT_EQ(entry.kind, EntryKind::session);
  EXPECT_EQ(entry.data(), (nlohmann::json{{"event", "created"}}));
}

TEST(JournalRing, data_that_is_not_an_object_is_wrapped_as_value) {
  Journal journal;
  journal.record(at_ms(0), EntryKind::error, "boom");
  EXPECT_EQ(journal.entries().front().data(), (nlohmann::json{{"value", "boom"}}));
}

TEST(EntryKind, names_round_trip_and_unknown_names_are_refused) {
  for (std::size_t i = 0; i < kEntryKindCount; ++i) {
    const auto kind = static_cast<EntryKind>(i);
    EXPECT_EQ(parse_kind(kind_name(kind)), kind);
  }
  EXPECT_EQ(kind_name(EntryKind::http_response), "http_response");
  EXPECT_EQ(kind_name(EntryKind::error), "error");
  EXPECT_FALSE(parse_kind("HTTP_REQUEST").has_value());
  EXPECT_FALSE(parse_kind("").has_value());
}

}  // namespace
}  // namespace mockex::journal
