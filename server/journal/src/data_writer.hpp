#pragma once
// Builds an entry's `data` object as JSON text without a tree: the recorders of the busiest
// entries (HTTP requests and responses, WebSocket messages, orders, fills, faults) run per
// request. The caller gives the keys in sorted order, as nlohmann::json writes them, so the
// text goes straight out with no sort and no second copy, and is the same either way (the
// recorders' tests compare it with nlohmann's). ASCII strings are escaped here as nlohmann::json
// escapes them (a response body is full of quotes); text with other bytes goes through
// nlohmann::json, which replaces invalid UTF-8. Private to the journal module.

#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mockex::journal::detail {

class DataWriter {
 public:
  DataWriter() {
    out_.reserve(256);
    out_ += '{';
  }

  // Empty text is left out, as the recorders always did.
  void text(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    open(key);
    const std::size_t start = out_.size();
    if (!quote_ascii(value)) {
      out_.resize(start);
      out_ += nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  void number(std::string_view key, std::int64_t value) {
    open(key);
    out_ += std::to_string(value);
  }
  void unsigned_number(std::string_view key, std::uint64_t value) {
    open(key);
    out_ += std::to_string(value);
  }
  void boolean(std::string_view key, bool value) {
    open(key);
    out_ += value ? "true" : "false";
  }
  // A value that is JSON text already.
  void raw(std::string_view key, std::string_view json_text) {
    open(key);
    out_ += json_text;
  }

  std::string finish() {
    out_ += '}';
    return std::move(out_);
  }

 private:
  // Byte classes for quoting: 0 copied as is, 1 escaped here, 2 not ASCII.
  static constexpr std::array<std::uint8_t, 256> kClass = [] {
    std::array<std::uint8_t, 256> classes{};
    for (int c = 0; c < 0x20; ++c) classes[c] = 1;
    classes['"'] = classes['\\'] = 1;
    for (int c = 0x80; c < 0x100; ++c) classes[c] = 2;
    return classes;
  }();

  void open(std::string_view key) {
    assert(key > last_key_ && "DataWriter keys must come in sorted order");
    last_key_ = key;
    if (out_.size() > 1) out_ += ',';
    out_ += '"';
    out_ += key;
    out_ += "\":";
  }

  // Where the bytes from `from` on stop being copied as they are: the first byte to escape or
  // that is not ASCII, else the end. Sixteen bytes at a time where SSE2 is there (x86-64).
  static std::size_t plain_until(std::string_view value, std::size_t from) {
    std::size_t i = from;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= value.size(); i += 16) {
      const __m128i bytes =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(value.data() + i));
      // A signed compare: bytes from 0x80 up are negative, so "below 0x20" catches them too.
      const __m128i special =
          _mm_or_si128(_mm_cmplt_epi8(bytes, space),
                       _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
      if (auto mask = static_cast<unsigned>(_mm_movemask_epi8(special)); mask != 0) {
        return i + static_cast<std::size_t>(std::countr_zero(mask));
      }
    }
#endif
    while (i < value.size() && kClass[static_cast<unsigned char>(value[i])] == 0) ++i;
    return i;
  }

  // nlohmann::json's escapes: the short ones, else \u00xx in lower-case hex for control bytes.
  // False (with a partial write) at the first byte that is not ASCII.
  bool quote_ascii(std::string_view value) {
    out_ += '"';
    std::size_t i = 0;
    for (;;) {
      const std::size_t stop = plain_until(value, i);
      out_.append(value.data() + i, stop - i);
      if (stop == value.size()) break;
      const auto c = static_cast<unsigned char>(value[stop]);
      if (kClass[c] == 2) return false;
      i = stop + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\t': out_ += "\\t"; break;
        case '\n': out_ += "\\n"; break;
        case '\f': out_ += "\\f"; break;
        case '\r': out_ += "\\r"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
          out_.append(escaped, sizeof escaped);
        }
      }
    }
    out_ += '"';
    return true;
  }

  std::string out_;
  std::string_view last_key_;  // a literal of the recorder: outlives the writer
};

}  // namespace mockex::journal::detail
