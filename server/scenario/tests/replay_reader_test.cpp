// The JSON Lines replay reader: line format, speed, loop, bad lines, and flat memory.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "mockex/scenario/replay_reader.hpp"

namespace mockex::scenario {
namespace {

const core::Timestamp kStart = core::Timestamp::from_millis(1'000'000);

ReplayConfig config() {
  ReplayConfig c;
  c.file_name = "r.jsonl";
  c.symbol = 3;
  c.price_scale = core::Scale{2};
  c.qty_scale = core::Scale{3};
  c.start = kStart;
  return c;
}

std::unique_ptr<ReplayReader> reader(std::string text, ReplayConfig c = config()) {
  return std::make_unique<ReplayReader>(c, [text] {
    return std::make_unique<std::istringstream>(text);
  });
}

std::vector<std::string> all_events(ReplayReader& r, core::Timestamp until = core::Timestamp::max()) {
  std::vector<MarketEvent> events;
  r.pop_until(until, events);
  std::vector<std::string> lines;
  for (const auto& e : events) lines.push_back(format_event(e));
  return lines;
}

constexpr std::string_view kSample =
    "{\"t\": 0, \"type\": \"snapshot\", \"bids\": [[\"100.00\", \"1.5\"]], \"asks\": [[\"100.10\", \"2\"]]}\n"
    "\n"
    "{\"t\": 250, \"type\": \"diff\", \"bids\": [[\"100.00\", \"0\"]], \"asks\": []}\n"
    "{\"t\": 300, \"type\": \"trade\", \"side\": \"buy\", \"price\": \"100.10\", \"qty\": \"0.25\"}\n";

TEST(ReplayReader, lines_become_snapshot_diff_and_trade_events_at_their_times) {
  auto r = reader(std::string(kSample));
  EXPECT_EQ(all_events(*r),
            (std::vector<std::string>{"1000000000 3 clear", "1000000000 3 level buy 10000 1500",
                                      "1000000000 3 level sell 10010 2000",
                                      "1000250000 3 level buy 10000 0",
                                      "1000300000 3 trade buy 10010 250"}));
  EXPECT_FALSE(r->next_event_time().has_value());
  EXPECT_TRUE(r->errors().empty());
}

TEST(ReplayReader, pop_until_stops_at_the_requested_time) {
  auto r = reader(std::string(kSample));
  EXPECT_EQ(all_events(*r, kStart + std::chrono::milliseconds(249)).size(), 3u);
  EXPECT_EQ(*r->next_event_time(), kStart + std::chrono::milliseconds(250));
}

TEST(ReplayReader, speed_divides_recorded_time) {
  auto c = config();
  c.speed = Decimal{25, 1};  // 2.5x
  auto r = reader(std::string(kSample), c);
  std::vector<MarketEvent> events;
  r->pop_until(core::Timestamp::max(), events);
  EXPECT_EQ(events.back().time, kStart + std::chrono::milliseconds(120));  // 300 / 2.5
}

TEST(ReplayReader, loop_replays_each_pass_after_the_last_line_time) {
  auto c = config();
  c.loop = true;
  auto r = reader(std::string(kSample), c);
  std::vector<MarketEvent> events;
  r->pop_until(kStart + std::chrono::milliseconds(900), events);
  // Passes start at 0, 300, 600 and 900 ms: four snapshots (the fourth at exactly 900).
  std::size_t clears = 0;
  for (const auto& e : events) clears += e.kind == MarketEventKind::clear_book;
  EXPECT_EQ(clears, 4u);
  EXPECT_EQ(events.back().time, kStart + std::chrono::milliseconds(900));
  EXPECT_EQ(r->passes(), 4u);
}

TEST(ReplayReader, bad_lines_are_skipped_and_reported_with_their_line_number) {
  auto r = reader(
      "{\"t\": 0, \"type\": \"trade\", \"side\": \"buy\", \"price\": \"1.00\", \"qty\": \"1\"}\n"
      "not json\n"
      "{\"t\": 5, \"type\": \"trade\", \"side\": \"up\", \"price\": \"1.00\", \"qty\": \"1\"}\n"
      "{\"t\": 6, \"type\": \"diff\", \"bids\": [[\"1.001\", \"1\"]]}\n"
      "{\"t\": 7, \"type\": \"diff\", \"bids\": [[1.5, \"1\"]]}\n"
      "{\"t\": 8, \"type\": \"quote\"}\n"
      "{\"t\": 9, \"type\": \"trade\", \"side\": \"sell\", \"price\": \"2.00\", \"qty\": \"1\"}\n"
      "{\"t\": 3, \"type\": \"diff\"}\n");
  EXPECT_EQ(all_events(*r).size(), 2u);
  std::vector<std::string> errors;
  for (const auto& e : r->errors()) errors.push_back(e.to_string());
  EXPECT_EQ(errors,
            (std::vector<std::string>{
                "r.jsonl:2:1: not a JSON object",
                "r.jsonl:3:1: a trade's 'side' must be \"buy\" or \"sell\"",
                "r.jsonl:4:1: bad price '1.001': more decimal places than the scale allows",
                "r.jsonl:5:1: price must be a decimal string",
                "r.jsonl:6:1: 'type' must be \"snapshot\", \"diff\" or \"trade\"",
                "r.jsonl:8:1: 't' goes backwards: 3 after 9"}));
  EXPECT_EQ(r->lines_skipped(), 6u);
}

TEST(ReplayReader, unknown_keys_are_ignored_and_trailing_garbage_rejected) {
  auto r = reader(
      "{\"src\": {\"venue\": \"x\\\"y\", \"ids\": [1, -2.5e3, true, null]}, \"t\": 1, "
      "\"type\": \"trade\", \"side\": \"sell\", \"price\": \"2.00\", \"qty\": \"1\"}\n"
      "{\"t\": 2, \"type\": \"trade\", \"side\": \"sell\", \"price\": \"2.00\", \"qty\": \"1\"} x\n"
      "{\"t\": 3, \"type\": \"diff\", \"bids\": [[\"1.00\", \"1\", \"9\"]]}\n");
  EXPECT_EQ(all_events(*r), (std::vector<std::string>{"1000001000 3 trade sell 200 1000"}));
  std::vector<std::string> errors;
  for (const auto& e : r->errors()) errors.push_back(e.to_string());
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "r.jsonl:2:1: not a JSON object",
                        "r.jsonl:3:1: 'bids' must be a list of [price, qty] pairs"}));
}

TEST(ReplayReader, line_longer_than_the_limit_is_skipped_without_buffering_it) {
  auto c = config();
  c.max_line_bytes = 100;
  std::string text = "{\"t\": 0, \"type\": \"diff\", \"bids\": [" + std::string(100000, ' ') + "]}\n";
  text += "{\"t\": 1, \"type\": \"trade\", \"side\": \"sell\", \"price\": \"2.00\", \"qty\": \"1\"}\n";
  auto r = reader(text, c);
  EXPECT_EQ(all_events(*r).size(), 1u);
  ASSERT_EQ(r->errors().size(), 1u);
  EXPECT_EQ(r->errors()[0].to_string(), "r.jsonl:1:1: line longer than 100 bytes");
  EXPECT_LT(r->peak_buffered_bytes(), 64u * 1024 + 4096);
}

TEST(ReplayReader, missing_file_ends_the_replay_with_an_error) {
  auto r = ReplayReader::from_file(config(), "/nonexistent/replay.jsonl");
  EXPECT_FALSE(r->next_event_time().has_value());
  ASSERT_EQ(r->errors().size(), 1u);
  EXPECT_EQ(r->errors()[0].to_string(), "r.jsonl: cannot open the replay file");
}

// A file far larger than the reader's buffers plays to the end with its memory flat.
TEST(ReplayReader, large_file_streams_with_bounded_memory) {
  // Unique per process: tests run in parallel under ctest.
  const auto path = std::filesystem::temp_directory_path() /
                    ("mockex-replay-" + std::to_string(::getpid()) + ".jsonl");
  constexpr int kLines = 100'000;
  {
    std::ofstream out(path, std::ios::binary);
    std::string line;
    for (int i = 0; i < kLines; ++i) {
      line = "{\"t\":" + std::to_string(i) +
             ",\"type\":\"diff\",\"bids\":[[\"100.00\",\"1.5\"],[\"99.99\",\"2\"]],\"asks\":[[\"100.01\",\"" +
             std::to_string(i % 97 + 1) + "\"]]}\n";
      out << line;
    }
  }
  const auto file_size = std::filesystem::file_size(path);
  auto r = ReplayReader::from_file(config(), path.string());
  std::vector<MarketEvent> batch;
  std::uint64_t events = 0;
  core::Timestamp last;
  for (int second = 1; r->next_event_time(); ++second) {
    batch.clear();
    events += r->pop_until(kStart + std::chrono::seconds(second), batch);
    if (!batch.empty()) last = batch.back().time;
  }
  std::filesystem::remove(path);
  EXPECT_EQ(events, 3u * kLines);
  EXPECT_EQ(last, kStart + std::chrono::milliseconds(kLines - 1));
  EXPECT_TRUE(r->errors().empty());
  EXPECT_GT(file_size, 100u * r->peak_buffered_bytes());
  EXPECT_LT(r->peak_buffered_bytes(), 80u * 1024);  // 64 KiB chunk + one line + its events
}

}  // namespace
}  // namespace mockex::scenario
