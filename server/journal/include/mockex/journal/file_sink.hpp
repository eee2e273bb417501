#pragma once
// The JSON Lines file a journal mirrors its entries into.
//
// Crash safety: the file is opened O_APPEND and every entry goes out as one whole line in one
// write(2) call, straight from record() on the session's strand (no queue, no thread). A SIGKILL
// at any moment therefore leaves a file whose complete lines are all valid JSON and in which at
// most the last line is partial; what write(2) accepted is in the page cache and survives the
// process. If a write fails part-way, the torn tail is cut off (ftruncate) before the next line;
// opening a file whose last line is torn (an earlier crash) cuts that line off too.
//
// Cost: one write(2) per entry, a few microseconds (see bench/journal_bench.cpp). fsync_every N
// adds an fdatasync(2) every N entries, which can block the strand for milliseconds on a slow
// disk; it is off by default because SIGTERM and SIGKILL lose nothing without it (only a machine
// crash does). Call sync() at session end for durability. One sink per file: two writers on the
// same path would interleave whole lines safely but could cut each other's torn tails wrongly.
//
// Errors: write failures are counted, never thrown; the first one is passed to the error handler
// once. After an error the sink keeps trying with each new entry (a full disk may drain), unless
// the torn tail could not be cut, in which case it stops writing for good to keep the file valid.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

namespace mockex::journal {

struct FileSinkOptions {
  std::string path;
  std::uint32_t fsync_every = 0;  // fdatasync after every N lines; 0: never
  bool truncate = false;          // start the file empty instead of appending
};

struct FileSinkStats {
  std::uint64_t lines_written = 0;
  std::uint64_t errors = 0;  // failed writes or syncs (each line counted once)
  std::uint64_t syncs = 0;
  bool stopped = false;      // gave up after a tail it could not repair
  std::string first_error;   // empty when errors == 0
};

using SinkErrorHandler = std::function<void(std::string_view message)>;

class FileSink {
 public:
  // Opens (creating, mode 0644) or fails with the errno of open/fstat/ftruncate.
  static std::unique_ptr<FileSink> open(const FileSinkOptions& options, std::error_code& ec);

  ~FileSink();
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  // Appends `line`, which must end with '\n', in one write(2).
  void write_line(std::string_view line);
  // fdatasync now; failures count as errors.
  void sync();

  void set_error_handler(SinkErrorHandler handler) { on_error_ = std::move(handler); }
  const FileSinkStats& stats() const { return stats_; }
  const std::string& path() const { return path_; }

 private:
  FileSink(int fd, std::string path, std::uint32_t fsync_every);
  void fail(std::string_view what, int err);

  int fd_ = -1;
  std::string path_;
  std::uint32_t fsync_every_ = 0;
  std::uint32_t since_sync_ = 0;
  FileSinkStats stats_;
  SinkErrorHandler on_error_;
};

}  // namespace mockex::journal
