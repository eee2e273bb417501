#include "mockex/scenario/replay_reader.hpp"

#include <charconv>
#include <cstring>
#include <fstream>

#include "mockex/core/arithmetic.hpp"
#include "mockex/core/decimal.hpp"
#include "replay_line.hpp"

namespace mockex::scenario {

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;

}  // namespace

ReplayReader::ReplayReader(ReplayConfig config, Opener open)
    : config_(std::move(config)),
      open_(std::move(open)),
      chunk_(kChunkBytes),
      parsed_(std::make_unique<detail::ReplayLine>()) {
  if (open_pass()) fill();
}

ReplayReader::~ReplayReader() = default;

std::unique_ptr<ReplayReader> ReplayReader::from_file(ReplayConfig config, std::string path) {
  auto open = [path = std::move(path)]() -> std::unique_ptr<std::istream> {
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) return nullptr;
    return in;
  };
  return std::make_unique<ReplayReader>(std::move(config), std::move(open));
}

std::optional<core::Timestamp> ReplayReader::next_event_time() const {
  if (pending_pos_ < pending_.size()) return pending_[pending_pos_].time;
  return std::nullopt;
}

std::size_t ReplayReader::pop_until(core::Timestamp until, std::vector<MarketEvent>& out) {
  std::size_t popped = 0;
  for (;;) {
    fill();
    if (pending_pos_ == pending_.size() || pending_[pending_pos_].time > until) break;
    out.push_back(pending_[pending_pos_++]);
    ++popped;
  }
  return popped;
}

bool ReplayReader::open_pass() {
  in_ = open_ ? open_() : nullptr;
  if (!in_) {
    error(0, "cannot open the replay file");
    finished_ = true;
    return false;
  }
  ++passes_;
  line_number_ = 0;
  last_t_ = 0;
  pass_had_events_ = false;
  chunk_pos_ = chunk_len_ = 0;
  return true;
}

void ReplayReader::fill() {
  while (pending_pos_ == pending_.size() && !finished_) {
    pending_.clear();
    pending_pos_ = 0;
    if (!read_line()) {
      if (config_.loop && pass_had_events_) {
        pass_offset_ms_ += std::max<std::int64_t>(last_t_, 1);
        if (open_pass()) continue;
      }
      finished_ = true;
      in_.reset();
      break;
    }
    ++line_number_;
    ++lines_read_;
    if (line_too_long_) {
      error(line_number_, "line longer than " + std::to_string(config_.max_line_bytes) + " bytes");
      continue;
    }
    if (line_.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (!parse_line(line_number_)) pending_.clear();
    note_buffered();
  }
}

bool ReplayReader::read_line() {
  line_.clear();
  line_too_long_ = false;
  bool got_any = false;
  for (;;) {
    if (chunk_pos_ == chunk_len_) {
      in_->read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
      chunk_len_ = static_cast<std::size_t>(in_->gcount());
      chunk_pos_ = 0;
      if (chunk_len_ == 0) return got_any;
    }
    got_any = true;
    const char* begin = chunk_.data() + chunk_pos_;
    const auto available = chunk_len_ - chunk_pos_;
    const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', available));
    const std::size_t n = newline ? static_cast<std::size_t>(newline - begin) : available;
    if (!line_too_long_) {
      if (line_.size() + n > config_.max_line_bytes) {
        // Drop what was gathered and skip to the end of the line: memory stays bounded.
        line_too_long_ = true;
        line_.clear();
      } else {
        line_.append(begin, n);
      }
    }
    chunk_pos_ += n + (newline ? 1 : 0);
    if (newline) return true;
  }
}

void ReplayReader::error(std::uint64_t line_number, std::string message) {
  if (line_number > 0) ++lines_skipped_;
  if (errors_.size() >= config_.max_errors) return;
  const int line = static_cast<int>(std::min<std::uint64_t>(line_number, 0x7fffffff));
  errors_.push_back(Diagnostic{config_.file_name, line, line > 0 ? 1 : 0, std::move(message)});
}

core::Timestamp ReplayReader::scenario_time(std::int64_t t_ms) const {
  // t / speed with speed = units * 10^-scale, in integer arithmetic: t * 10^scale / units.
  const core::Int128 micros = core::Int128{t_ms} * 1000 * core::pow10_128(config_.speed.scale) /
                              config_.speed.units;
  return config_.start + std::chrono::microseconds(static_cast<std::int64_t>(micros));
}

void ReplayReader::note_buffered() {
  const std::size_t bytes = chunk_.capacity() + line_.capacity() +
                            pending_.capacity() * sizeof(MarketEvent) +
                            (parsed_->bids.capacity() + parsed_->asks.capacity()) *
                                sizeof(parsed_->bids[0]);
  peak_buffered_ = std::max(peak_buffered_, bytes);
}

bool ReplayReader::parse_line(std::uint64_t line_number) {
  using detail::JsonScalar;
  detail::ReplayLine& line = *parsed_;
  if (!detail::parse_replay_line(line_, line)) {
    error(line_number, "not a JSON object");
    return false;
  }
  std::int64_t t = -1;
  if (line.t.kind == JsonScalar::Kind::number) {
    const auto text = line.t.text;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), t);
    if (ec != std::errc{} || end != text.data() + text.size()) t = -1;
  }
  if (t < 0) {
    error(line_number, "'t' must be a whole number of milliseconds >= 0");
    return false;
  }
  if (t < last_t_) {
    error(line_number, "'t' goes backwards: " + std::to_string(t) + " after " + std::to_string(last_t_));
    return false;
  }
  const std::string_view type = line.type.kind == JsonScalar::Kind::string ? line.type.text : "";
  const core::Timestamp time = scenario_time(pass_offset_ms_ + t);

  auto decimal = [&](const JsonScalar& value, core::Scale scale, const char* what) -> std::optional<std::int64_t> {
    if (value.kind != JsonScalar::Kind::string) {
      error(line_number, std::string(what) + " must be a decimal string");
      return std::nullopt;
    }
    auto units = core::parse_decimal(value.text, scale);
    if (!units) {
      error(line_number, std::string("bad ") + what + " '" + std::string(value.text) + "': " +
                             std::string(core::describe(units.error())));
      return std::nullopt;
    }
    return *units;
  };
  auto levels = [&](const char* key, const auto& pairs, bool bad, Side side) -> bool {
    if (bad) {
      error(line_number, std::string("'") + key + "' must be a list of [price, qty] pairs");
      return false;
    }
    for (const auto& [price_text, qty_text] : pairs) {
      auto price = decimal(price_text, config_.price_scale, "price");
      if (!price) return false;
      auto qty = decimal(qty_text, config_.qty_scale, "qty");
      if (!qty) return false;
      pending_.push_back(MarketEvent{time, config_.symbol, MarketEventKind::level, side,
                                     core::Price{*price}, core::Qty{*qty}});
    }
    return true;
  };

  if (type == "snapshot" || type == "diff") {
    if (type == "snapshot") {
      pending_.push_back(MarketEvent{time, config_.symbol, MarketEventKind::clear_book, Side::buy, {}, {}});
    }
    if (!levels("bids", line.bids, line.bad_bids, Side::buy) ||
        !levels("asks", line.asks, line.bad_asks, Side::sell)) {
      return false;
    }
  } else if (type == "trade") {
    const std::string_view side = line.side.kind == JsonScalar::Kind::string ? line.side.text : "";
    if (side != "buy" && side != "sell") {
      error(line_number, "a trade's 'side' must be \"buy\" or \"sell\"");
      return false;
    }
    if (line.price.kind == JsonScalar::Kind::absent || line.qty.kind == JsonScalar::Kind::absent) {
      error(line_number, "a trade needs 'price' and 'qty'");
      return false;
    }
    auto price = decimal(line.price, config_.price_scale, "price");
    if (!price) return false;
    auto qty = decimal(line.qty, config_.qty_scale, "qty");
    if (!qty) return false;
    pending_.push_back(MarketEvent{time, config_.symbol, MarketEventKind::trade,
                                   side == "buy" ? Side::buy : Side::sell, core::Price{*price},
                                   core::Qty{*qty}});
  } else {
    error(line_number, "'type' must be \"snapshot\", \"diff\" or \"trade\"");
    return false;
  }
  last_t_ = t;
  pass_had_events_ = pass_had_events_ || !pending_.empty();
  return true;
}

}  // namespace mockex::scenario
