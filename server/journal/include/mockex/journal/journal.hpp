#pragma once
// The session journal: an append-only, bounded sequence of what happened in one session.
//
// Entries take seq 1, 2, 3, ... with no gaps. Memory is bounded by max_entries: once full, each
// new entry evicts the oldest, which is counted in dropped(); seq numbers are never reused, so
// first_seq() rises. Text fields that come from clients (bodies, WebSocket messages) are cut to
// configured sizes. With a file sink, every entry is also appended to a JSON Lines file as it is
// recorded (file_sink.hpp), including those the ring later evicts.
//
// Threading: a Journal belongs to its session's strand; nothing here locks. Pure: it never reads a
// clock (each recorder takes the Stamp of the moment), starts no thread, prints nothing, and does
// not throw on the data path.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <ostream>
#include <string_view>
#include <system_error>

#include <nlohmann/json.hpp>

#include "mockex/journal/entry.hpp"
#include "mockex/journal/file_sink.hpp"
#include "mockex/journal/query.hpp"
#include "mockex/journal/records.hpp"

namespace mockex::journal {

struct JournalOptions {
  std::size_t max_entries = 100'000;  // ring size; at least 1
  std::size_t max_text_bytes = 1024;  // WebSocket message text kept per entry
  std::size_t max_body_bytes = 4096;  // HTTP request / response body kept per entry
};

class Journal {
 public:
  explicit Journal(JournalOptions options = {});
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;
  Journal(Journal&&) noexcept;
  Journal& operator=(Journal&&) noexcept;

  // Mirrors every entry recorded from now on into a JSON Lines file. Fails (and records nothing
  // to a file) when the file cannot be opened; a sink already open is replaced.
  std::error_code open_file_sink(const FileSinkOptions& options);
  // Called once, with a message, on the sink's first write error (e.g. to log it).
  void set_sink_error_handler(SinkErrorHandler handler);
  // fdatasync the sink, e.g. at session end or SIGTERM. No-op without a sink.
  void sync_sink();
  // Stats of the sink, or nullptr without one.
  const FileSinkStats* sink_stats() const;

  // Appends an entry; `data` should be a JSON object (null becomes {}, anything else is wrapped
  // as {"value": ...}).
  // Returns its seq.
  std::uint64_t record(Stamp at, EntryKind kind, nlohmann::json data);
  // The same with `data` as the JSON text of an object already (what the recorders make).
  std::uint64_t record_text(Stamp at, EntryKind kind, std::string data_text);

  std::uint64_t record_http_request(Stamp at, const HttpRequestRecord& request);
  std::uint64_t record_http_response(Stamp at, const HttpResponseRecord& response);
  std::uint64_t record_ws_open(Stamp at, const WsOpenRecord& open);
  std::uint64_t record_ws_close(Stamp at, const WsCloseRecord& close);
  std::uint64_t record_ws_message(Stamp at, const WsMessageRecord& message);
  std::uint64_t record_fault(Stamp at, const FaultRecord& fault);
  std::uint64_t record_order(Stamp at, const OrderRecord& order);
  std::uint64_t record_fill(Stamp at, const FillRecord& fill);
  // market / clock / session / error: a short event name plus free-form detail fields, written
  // as data {"event": event, ...detail}; a detail that is not an object goes under "detail".
  std::uint64_t record_event(Stamp at, EntryKind kind, std::string_view event,
                             nlohmann::json detail = nullptr);

  QueryResult query(const Query& query) const;
  // JSON Lines of every entry held, oldest first (jsonl.hpp for the line format).
  void export_jsonl(std::ostream& out) const;

  const std::deque<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  std::uint64_t last_seq() const { return next_seq_ - 1; }  // 0 before the first entry
  std::uint64_t first_seq() const { return next_seq_ - entries_.size(); }  // oldest held
  std::uint64_t dropped() const { return dropped_; }
  const JournalOptions& options() const { return options_; }

 private:
  JournalOptions options_;
  std::deque<Entry> entries_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t dropped_ = 0;
  std::unique_ptr<FileSink> sink_;
  SinkErrorHandler on_sink_error_;
};

}  // namespace mockex::journal
