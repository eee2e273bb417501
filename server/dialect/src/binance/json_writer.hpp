#pragma once
// A minimal JSON text builder for the hot stream paths: fields are written in the order given
// (Binance's own order), with no intermediate tree. Keys and string values are written as given,
// escaped only for '"' and '\\', which is all that symbols, decimals and stream names can hold.

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace mockex::dialect::binance {

class JsonWriter {
 public:
  JsonWriter() { out_.reserve(128); }

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  JsonWriter& key(std::string_view name) {
    separate();
    quoted(name);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  JsonWriter& string(std::string_view value) {
    separate();
    quoted(value);
    return *this;
  }
  JsonWriter& number(std::int64_t value) {
    separate();
    out_ += std::to_string(value);
    return *this;
  }
  JsonWriter& number(std::uint64_t value) {
    separate();
    out_ += std::to_string(value);
    return *this;
  }
  JsonWriter& boolean(bool value) {
    separate();
    out_ += value ? "true" : "false";
    return *this;
  }
  JsonWriter& null() {
    separate();
    out_ += "null";
    return *this;
  }
  // Already-serialised JSON (a nested payload).
  JsonWriter& raw(std::string_view json) {
    separate();
    out_ += json;
    return *this;
  }

  template <class T>
  JsonWriter& field(std::string_view name, const T& value) {
    key(name);
    if constexpr (std::is_same_v<T, bool>) {
      return boolean(value);
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      return number(static_cast<std::int64_t>(value));
    } else if constexpr (std::is_integral_v<T>) {
      return number(static_cast<std::uint64_t>(value));
    } else {
      return string(value);
    }
  }

  std::string take() { return std::move(out_); }
  const std::string& text() const { return out_; }

 private:
  JsonWriter& open(char c) {
    separate();
    out_ += c;
    first_ = true;
    return *this;
  }
  JsonWriter& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
  }
  // Runs without an escape are appended whole: one copy, not a push_back per character.
  // Quotes and backslashes are escaped, control characters written as \u00XX.
  void quoted(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c != '"' && c != '\\' && c >= 0x20) continue;
      out_.append(text, run, i - run);
      if (c < 0x20) {
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
        run = i + 1;
      } else {
        out_ += '\\';
        run = i;  // the quote or backslash itself starts the next run
      }
    }
    out_.append(text, run, text.size() - run);
    out_ += '"';
  }

  std::string out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace mockex::dialect::binance
