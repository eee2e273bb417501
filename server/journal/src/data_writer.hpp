#pragma once
// Builds an entry's `data` object as JSON text without a tree: the recorders of the busiest
// entries (HTTP requests and responses, WebSocket messages, orders, fills, faults) run per
// request. Keys come out sorted, as nlohmann::json writes them, so the text is the same either
// way. ASCII strings are escaped here as nlohmann::json escapes them (a response body is full of
// quotes); text with other bytes goes through nlohmann::json, which replaces invalid UTF-8.
// Private to the journal module.

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
    if (ascii(value)) {
      quote_ascii(value);
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

  static bool ascii(std::string_view value) {
    return std::all_of(value.begin(), value.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  }
  // nlohmann::json's escapes: the short ones, else \u00xx in lower-case hex for control bytes.
  void quote_ascii(std::string_view value) {
    values_ += '"';
    std::size_t run = 0;  // start of the bytes copied as they are
    for (std::size_t i = 0; i < value.size(); ++i) {
      const auto c = static_cast<unsigned char>(value[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      values_.append(value, run, i - run);
      run = i + 1;
      switch (c) {
        case '"': values_ += "\\\""; break;
        case '\\': values_ += "\\\\"; break;
        case '\b': values_ += "\\b"; break;
        case '\t': values_ += "\\t"; break;
        case '\n': values_ += "\\n"; break;
        case '\f': values_ += "\\f"; break;
        case '\r': values_ += "\\r"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          values_ += "\\u00";
          values_ += kHex[c >> 4];
          values_ += kHex[c & 0xf];
        }
      }
    }
    values_.append(value, run, value.size() - run);
    values_ += '"';
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
