#include "mockex/journal/journal.hpp"

#include <algorithm>
#include <utility>

#include "mockex/journal/jsonl.hpp"

namespace mockex::journal {

Journal::Journal(JournalOptions options) : options_(options) {
  options_.max_entries = std::max<std::size_t>(options_.max_entries, 1);
}

Journal::~Journal() = default;
Journal::Journal(Journal&&) noexcept = default;
Journal& Journal::operator=(Journal&&) noexcept = default;

std::error_code Journal::open_file_sink(const FileSinkOptions& options) {
  std::error_code ec;
  auto sink = FileSink::open(options, ec);
  if (!sink) return ec;
  sink->set_error_handler(on_sink_error_);
  sink_ = std::move(sink);
  return {};
}

void Journal::set_sink_error_handler(SinkErrorHandler handler) {
  on_sink_error_ = std::move(handler);
  if (sink_) sink_->set_error_handler(on_sink_error_);
}

void Journal::sync_sink() {
  if (sink_) sink_->sync();
}

const FileSinkStats* Journal::sink_stats() const { return sink_ ? &sink_->stats() : nullptr; }

std::uint64_t Journal::record(Stamp at, EntryKind kind, nlohmann::json data) {
  if (data.is_null()) {
    data = nlohmann::json::object();
  } else if (!data.is_object()) {
    data = nlohmann::json{{"value", std::move(data)}};
  }
  return record_text(at, kind, dump_data(data));
}

std::uint64_t Journal::record_text(Stamp at, EntryKind kind, std::string data_text) {
  if (entries_.size() == options_.max_entries) {
    entries_.pop_front();
    ++dropped_;
  }
  Entry& entry = entries_.emplace_back();
  entry.seq = next_seq_++;
  entry.t = at.t;
  entry.wall_ms = at.wall_ms;
  entry.kind = kind;
  entry.data_text = std::move(data_text);
  if (sink_) sink_->write_line(to_jsonl_line(entry));
  return entry.seq;
}

void Journal::export_jsonl(std::ostream& out) const { write_jsonl(out, entries_); }

}  // namespace mockex::journal
