#pragma once
// Builds an entry's `data` object as JSON text without a tree: the recorders of the busiest
// entries (HTTP requests and responses, WebSocket messages, orders, fills, faults) run per
// request. Keys come out sorted, as nlohmann::json writes them, so the text is the same either
// way. Plain strings (printable ASCII) are copied as they are; anything else is escaped by
// nlohmann::json with invalid UTF-8 replaced, exactly as before. Private to the journal module.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace mockex::journal::detail {

class DataWriter {
 public:
  // Empty text is left out, as the recorders always did.
  void text(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    auto begin = open(key);
    if (plain(value)) {
      values_ += '"';
      values_ += value;
      values_ += '"';
    } else {
      values_ += nlohmann::json(value).dump(-1, ' ', false,
                                            nlohmann::json::error_handler_t::replace);
    }
    close(key, begin);
  }
  void number(std::string_view key, std::int64_t value) {
    auto begin = open(key);
    values_ += std::to_string(value);
    close(key, begin);
  }
  void unsigned_number(std::string_view key, std::uint64_t value) {
    auto begin = open(key);
    values_ += std::to_string(value);
    close(key, begin);
  }
  void boolean(std::string_view key, bool value) {
    auto begin = open(key);
    values_ += value ? "true" : "false";
    close(key, begin);
  }
  // A value that is JSON text already.
  void raw(std::string_view key, std::string_view json_text) {
    auto begin = open(key);
    values_ += json_text;
    close(key, begin);
  }

  std::string finish() {
    std::sort(fields_.begin(), fields_.begin() + static_cast<std::ptrdiff_t>(count_),
              [](const Field& a, const Field& b) { return a.key < b.key; });
    std::string out;
    out.reserve(values_.size() + count_ * 16 + 2);
    out += '{';
    for (std::size_t i = 0; i < count_; ++i) {
      if (i > 0) out += ',';
      out += '"';
      out += fields_[i].key;
      out += "\":";
      out.append(values_, fields_[i].begin, fields_[i].end - fields_[i].begin);
    }
    out += '}';
    return out;
  }

 private:
  struct Field {
    std::string_view key;  // a literal of the recorder: outlives the writer
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  static constexpr std::size_t kMaxFields = 16;

  static bool plain(std::string_view value) {
    return std::all_of(value.begin(), value.end(), [](char c) {
      return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
  }
  std::size_t open(std::string_view) {
    if (values_.empty()) values_.reserve(256);
    return values_.size();
  }
  void close(std::string_view key, std::size_t begin) {
    if (count_ == kMaxFields) return;  // never reached: no record has this many fields
    fields_[count_++] = Field{key, begin, values_.size()};
  }

  std::string values_;
  std::array<Field, kMaxFields> fields_{};
  std::size_t count_ = 0;
};

}  // namespace mockex::journal::detail
