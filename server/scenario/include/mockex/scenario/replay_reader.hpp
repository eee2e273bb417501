#pragma once
// The `replay` market source: a JSON Lines file of timestamped book snapshots, book diffs and
// trades, read as a stream. Memory stays flat for any file size: one line at a time (at most
// max_line_bytes; longer lines are skipped and reported) plus that line's events.
//
// Line format (docs/scenarios.md, "Replay files"):
//   {"t": 0, "type": "snapshot", "bids": [["30000.00", "1.5"]], "asks": [["30000.01", "2"]]}
//   {"t": 250, "type": "diff", "bids": [["30000.00", "0"]], "asks": []}
//   {"t": 300, "type": "trade", "side": "buy", "price": "30000.01", "qty": "0.25"}
// `t` is whole milliseconds since the start of the recording, non-decreasing; prices and
// quantities are decimal strings at the instrument's precisions; a diff quantity of "0" removes
// the level; a trade's side is the aggressor. Blank lines are ignored. A bad line is skipped and
// reported in errors(); the rest of the file still plays.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "mockex/scenario/diagnostic.hpp"
#include "mockex/scenario/market_source.hpp"
#include "mockex/scenario/model.hpp"

namespace mockex::scenario {

namespace detail {
struct ReplayLine;
}  // namespace detail

struct ReplayConfig {
  std::string file_name;  // for error messages
  std::uint32_t symbol = 0;
  core::Scale price_scale{8};
  core::Scale qty_scale{8};
  core::Timestamp start;  // scenario time of t = 0
  Decimal speed{1, 0};    // > 0: scenario time = start + t / speed
  // Replay again from the first line once the last is played. Each pass lasts the last line's
  // `t` (at least 1 ms), so pass k's line at `t` plays at start + (k * last_t + t) / speed.
  bool loop = false;
  std::size_t max_line_bytes = 1 << 20;
  std::size_t max_errors = 100;  // errors beyond this are counted, not kept
};

class ReplayReader final : public MarketSource {
 public:
  // Returns a stream positioned at the start of the recording; called once per pass. A null
  // stream is reported as an error and ends the replay.
  using Opener = std::function<std::unique_ptr<std::istream>()>;

  ReplayReader(ReplayConfig config, Opener open);
  ~ReplayReader() override;
  // Opens `path` (binary, so byte counts are exact) for each pass.
  static std::unique_ptr<ReplayReader> from_file(ReplayConfig config, std::string path);

  std::optional<core::Timestamp> next_event_time() const override;
  std::size_t pop_until(core::Timestamp until, std::vector<MarketEvent>& out) override;

  std::uint64_t lines_read() const { return lines_read_; }
  std::uint64_t lines_skipped() const { return lines_skipped_; }
  std::uint64_t passes() const { return passes_; }
  // "file:line:1: message" for the first max_errors bad lines.
  const Diagnostics& errors() const { return errors_; }
  // The most bytes the reader ever held for lines and pending events: the memory bound.
  std::size_t peak_buffered_bytes() const { return peak_buffered_; }

 private:
  // Reads lines until one yields events (fills pending_) or the recording ends.
  void fill();
  bool read_line();  // false at end of stream
  bool parse_line(std::uint64_t line_number);
  void error(std::uint64_t line_number, std::string message);
  bool open_pass();
  core::Timestamp scenario_time(std::int64_t t_ms) const;
  void note_buffered();

  ReplayConfig config_;
  Opener open_;
  std::unique_ptr<std::istream> in_;
  std::vector<char> chunk_;
  std::size_t chunk_pos_ = 0;
  std::size_t chunk_len_ = 0;
  std::string line_;
  bool line_too_long_ = false;
  bool finished_ = false;

  std::uint64_t line_number_ = 0;  // within the current pass
  std::uint64_t lines_read_ = 0;
  std::uint64_t lines_skipped_ = 0;
  std::uint64_t passes_ = 0;
  std::int64_t last_t_ = 0;        // within the current pass
  std::int64_t pass_offset_ms_ = 0;
  bool pass_had_events_ = false;

  std::unique_ptr<detail::ReplayLine> parsed_;  // reused for every line
  std::vector<MarketEvent> pending_;  // the current line's events, not yet popped
  std::size_t pending_pos_ = 0;
  Diagnostics errors_;
  std::size_t peak_buffered_ = 0;
};

}  // namespace mockex::scenario
