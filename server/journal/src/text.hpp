#pragma once
// Small text helpers shared by the recorders and the report. Private to the journal module.

#include <cstddef>
#include <string>
#include <string_view>

namespace mockex::journal::detail {

// The longest prefix of `text` of at most `max_bytes` that does not end inside a UTF-8 sequence.
inline std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  // Back up over continuation bytes (10xxxxxx) to the start of the cut sequence, at most 3.
  std::size_t backed = 0;
  while (end > 0 && backed < 3 &&
         (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
    --end;
    ++backed;
  }
  if (backed == 3 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) end = max_bytes;
  return text.substr(0, end);
}

}  // namespace mockex::journal::detail
