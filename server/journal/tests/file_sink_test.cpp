#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "journal_test_support.hpp"
#include "mockex/journal/journal.hpp"

namespace mockex::journal {
namespace {

using testing::at_ms;
using testing::TempDir;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// The complete lines of `text`, and whatever follows the last '\n'.
struct Lines {
  std::vector<std::string> complete;
  std::string partial;
};

Lines split_lines(const std::string& text) {
  Lines lines;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    lines.complete.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  lines.partial = text.substr(start);
  return lines;
}

void record_some(Journal& journal, int count) {
  for (int i = 0; i < count; ++i) {
    journal.record_fault(at_ms(i), FaultRecord{"f" + std::to_string(i), "ws_drop", "dropped",
                                               "ws 1"});
  }
}

TEST(JournalFileSink, file_holds_the_same_lines_as_the_export) {
  TempDir dir{"same_lines"};
  Journal journal;
  ASSERT_FALSE(journal.open_file_sink({.path = dir.file("j.jsonl")}));
  record_some(journal, 5);
  std::ostringstream exported;
  journal.export_jsonl(exported);
  EXPECT_EQ(read_file(dir.file("j.jsonl")), exported.str());
  ASSERT_NE(journal.sink_stats(), nullptr);
  EXPECT_EQ(journal.sink_stats()->lines_written, 5U);
  EXPECT_EQ(journal.sink_stats()->errors, 0U);
}

TEST(JournalFileSink, keeps_entries_the_ring_evicts) {
  TempDir dir{"evicted"};
  Journal journal{JournalOptions{.max_entries = 2}};
  ASSERT_FALSE(journal.open_file_sink({.path = dir.file("j.jsonl")}));
  record_some(journal, 6);
  EXPECT_EQ(split_lines(read_file(dir.file("j.jsonl"))).complete.size(), 6U);
}

TEST(JournalFileSink, appends_to_an_existing_file_unless_asked_to_truncate) {
  TempDir dir{"append"};
  const std::string path = dir.file("j.jsonl");
  write_file(path, "{\"old\":1}\n");
  {
    Journal journal;
    ASSERT_FALSE(journal.open_file_sink({.path = path}));
    record_some(journal, 1);
  }
  Lines lines = split_lines(read_file(path));
  ASSERT_EQ(lines.complete.size(), 2U);
  EXPECT_EQ(lines.complete[0], "{\"old\":1}");
  {
    Journal journal;
    ASSERT_FALSE(journal.open_file_sink({.path = path, .truncate = true}));
    record_some(journal, 1);
  }
  lines = split_lines(read_file(path));
  ASSERT_EQ(lines.complete.size(), 1U);
  EXPECT_EQ(nlohmann::json::parse(lines.complete[0]).at("seq"), 1);
}

TEST(JournalFileSink, opening_cuts_a_torn_last_line_left_by_a_crash) {
  TempDir dir{"torn"};
  const std::string path = dir.file("j.jsonl");
  write_file(path, "{\"seq\":1}\n{\"seq\":2,\"t\":17040");
  Journal journal;
  ASSERT_FALSE(journal.open_file_sink({.path = path}));
  record_some(journal, 1);
  const Lines lines = split_lines(read_file(path));
  ASSERT_EQ(lines.complete.size(), 2U);
  EXPECT_EQ(lines.complete[0], "{\"seq\":1}");
  EXPECT_FALSE(nlohmann::json::parse(lines.complete[1], nullptr, false).is_discarded());
  EXPECT_TRUE(lines.partial.empty());
}

TEST(JournalFileSink, a_file_that_is_one_torn_line_is_emptied) {
  TempDir dir{"all_torn"};
  const std::string path = dir.file("j.jsonl");
  write_file(path, std::string(10'000, 'x'));  // longer than one read chunk, no newline
  Journal journal;
  ASSERT_FALSE(journal.open_file_sink({.path = path}));
  EXPECT_EQ(std::filesystem::file_size(path), 0U);
}

TEST(JournalFileSink, open_failure_is_returned_and_nothing_is_mirrored) {
  TempDir dir{"open_fail"};
  Journal journal;
  const std::error_code ec = journal.open_file_sink({.path = dir.file("missing/dir/j.jsonl")});
  EXPECT_EQ(ec, std::errc::no_such_file_or_directory);
  EXPECT_EQ(journal.sink_stats(), nullptr);
  record_some(journal, 1);
  EXPECT_EQ(journal.size(), 1U);
}

TEST(JournalFileSink, write_errors_are_counted_and_reported_once_not_thrown) {
  Journal journal;
  int reports = 0;
  std::string message;
  journal.set_sink_error_handler([&](std::string_view text) {
    ++reports;
    message = text;
  });
  ASSERT_FALSE(journal.open_file_sink({.path = "/dev/full"}));  // every write fails: ENOSPC
  EXPECT_NO_THROW(record_some(journal, 3));
  EXPECT_EQ(journal.size(), 3U);  // the ring is unaffected
  const FileSinkStats* stats = journal.sink_stats();
  ASSERT_NE(stats, nullptr);
  EXPECT_EQ(stats->errors, 3U);
  EXPECT_EQ(stats->lines_written, 0U);
  EXPECT_EQ(reports, 1);
  EXPECT_NE(message.find("/dev/full"), std::string::npos);
  EXPECT_EQ(stats->first_error, message);
}

TEST(JournalFileSink, fsync_every_n_syncs_after_each_n_lines) {
  TempDir dir{"fsync"};
  Journal journal;
  ASSERT_FALSE(journal.open_file_sink({.path = dir.file("j.jsonl"), .fsync_every = 2}));
  record_some(journal, 5);
  EXPECT_EQ(journal.sink_stats()->syncs, 2U);
  journal.sync_sink();
  EXPECT_EQ(journal.sink_stats()->syncs, 3U);
}

// The crash test: a child records as fast as it can into a sink and is SIGKILLed mid-stream.
// Every complete line must parse, seqs must run 1, 2, 3, ... with no gap, and only the last
// line may be partial.
TEST(JournalFileSink, sigkill_mid_stream_leaves_only_valid_lines_and_contiguous_seqs) {
  TempDir dir{"sigkill"};
  const std::string path = dir.file("j.jsonl");
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(ready[0]);
    Journal journal{JournalOptions{.max_entries = 1'000}};
    if (journal.open_file_sink({.path = path})) ::_exit(2);
    WsMessageRecord message;
    message.direction = WsDirection::out;
    message.conn_id = 1;
    message.stream = "btcusdt@depth";
    message.text = std::string(300, 'd');
    // Tell the parent after the first 5,000 entries, then keep writing until killed. Bounded
    // (about 80 MB) so a parent that never kills cannot fill the disk.
    for (int i = 0; i < 200'000; ++i) {
      journal.record_ws_message(at_ms(i), message);
      if (i == 5'000) {
        const char byte = 'r';
        if (::write(ready[1], &byte, 1) != 1) ::_exit(3);
      }
    }
    for (;;) ::pause();
  }
  ::close(ready[1]);
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1) << "the child failed before it was ready";
  ::close(ready[0]);
  ASSERT_EQ(::kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGKILL);

  const Lines lines = split_lines(read_file(path));
  ASSERT_GT(lines.complete.size(), 5'000U);
  std::uint64_t expected = 1;
  for (const std::string& line : lines.complete) {
    const auto parsed = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << "line " << expected << " is not JSON: " << line;
    ASSERT_EQ(parsed.at("seq"), expected);
    ++expected;
  }
  // Reopening after the crash leaves a file that new lines can be appended to safely.
  Journal after;
  ASSERT_FALSE(after.open_file_sink({.path = path}));
  after.record_event(at_ms(0), EntryKind::session, "recovered");
  const Lines reopened = split_lines(read_file(path));
  EXPECT_TRUE(reopened.partial.empty());
  EXPECT_EQ(reopened.complete.size(), lines.complete.size() + 1);
  EXPECT_FALSE(nlohmann::json::parse(reopened.complete.back(), nullptr, false).is_discarded());
}

}  // namespace
}  // namespace mockex::journal
