#include "sdk_test.hpp"

#include <thread>

namespace mockex::sdk::testing {
namespace {

using JournalTest = SdkTest;
using namespace std::chrono_literals;

TEST_F(JournalTest, query_reads_typed_entries) {
  session.market().halt("BTCUSDT");
  auto page = session.journal().query({.kinds = {"market"}});
  ASSERT_EQ(page.entries.size(), 1u);
  const auto& entry = page.entries[0];
  EXPECT_EQ(entry.kind, "market");
  EXPECT_EQ(entry.t_ms, session.created_info().start_ms);
  EXPECT_GT(entry.wall_ms, 0);
  EXPECT_EQ(entry.data.at("event"), "halt BTCUSDT");
  EXPECT_EQ(page.next_after, entry.seq);
  EXPECT_FALSE(page.more);
  EXPECT_EQ(page.missed, 0u);
  EXPECT_EQ(page.first_seq, 1u);
  EXPECT_GE(page.last_seq, entry.seq);
  EXPECT_EQ(page.dropped, 0u);
}

TEST_F(JournalTest, kinds_text_and_time_filters) {
  session.market().halt("BTCUSDT");
  session.clock().advance("1s");
  session.market().halt("ETHUSDT");
  const auto start = session.created_info().start_ms;
  EXPECT_EQ(session.journal().query({.kinds = {"market", "clock"}}).entries.size(), 3u);
  EXPECT_EQ(session.journal().query({.text = "ETHUSDT"}).entries.size(), 1u);
  EXPECT_EQ(session.journal().query({.kinds = {"market"}, .from_ms = start + 1000}).entries.size(), 1u);
  EXPECT_EQ(session.journal().query({.kinds = {"market"}, .to_ms = start + 1000}).entries.size(), 1u);
}

TEST_F(JournalTest, paging_with_after_until_and_limit) {
  for (const char* symbol : {"BTCUSDT", "ETHUSDT", "BTCUSDT"}) session.market().halt(symbol);
  auto first = session.journal().query({.kinds = {"market"}, .limit = 2});
  ASSERT_EQ(first.entries.size(), 2u);
  EXPECT_TRUE(first.more);
  auto second = session.journal().query({.kinds = {"market"}, .after = first.next_after, .limit = 2});
  ASSERT_EQ(second.entries.size(), 1u);
  EXPECT_FALSE(second.more);
  EXPECT_GT(second.entries[0].seq, first.entries[1].seq);
  auto until = session.journal().query({.until = first.entries[0].seq});
  EXPECT_EQ(until.entries.back().seq, first.entries[0].seq);
}

TEST_F(JournalTest, wait_long_polls_for_the_next_entry) {
  auto last = session.journal().query().last_seq;
  std::jthread later([this] {
    std::this_thread::sleep_for(100ms);
    session.market().halt("ETHUSDT");
  });
  auto page = session.journal().query({.kinds = {"market"}, .after = last, .wait = 5s});
  later.join();
  ASSERT_EQ(page.entries.size(), 1u);
  EXPECT_EQ(page.entries[0].data.at("event"), "halt ETHUSDT");
}

TEST_F(JournalTest, wait_text_is_passed_through) {
  auto last = session.journal().query().last_seq;
  auto page = session.journal().query({.after = last, .wait = "50ms"});
  EXPECT_TRUE(page.entries.empty());
}

TEST_F(JournalTest, export_holds_every_entry_oldest_first) {
  session.market().halt("BTCUSDT");
  auto text = session.journal().export_jsonl();
  auto entries = session.journal().export_entries();
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')), entries.size());
  EXPECT_EQ(entries.front().seq, 1u);
  EXPECT_EQ(entries.front().kind, "session");
  EXPECT_EQ(entries.back().kind, "market");
}

}  // namespace
}  // namespace mockex::sdk::testing
