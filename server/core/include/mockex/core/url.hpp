#pragma once
// Percent-decoding of query strings, form bodies and path segments, shared by every module that
// reads them.

#include <optional>
#include <string>
#include <string_view>

namespace mockex::core {

// Decodes %XX escapes and, unless `plus_is_space` is false (a path), '+' as a space (as in forms
// and most clients' query strings). Nothing when an escape is broken ('%' without two hex digits
// after it).
inline std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space = true) {
  auto hex_value = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace mockex::core
