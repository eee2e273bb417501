#include "mockex/fault/glob.hpp"

namespace mockex::fault {

bool glob_match(std::string_view pattern, std::string_view text) noexcept {
  // Greedy with backtracking to the last '*' only: a later '*' can absorb whatever an earlier one
  // would, so earlier stars never need revisiting.
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;  // position of the last '*' seen in the pattern
  std::size_t star_text = 0;                  // where the text stood when it was seen
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;  // let the star absorb one more character
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::optional<std::string> glob_error(std::string_view pattern) {
  for (char c : pattern) {
    if (c == '[' || c == ']' || c == '{' || c == '}' || c == '\\') {
      return std::string("unsupported glob character '") + c + "' (only * and ? are special)";
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return std::string("control characters are not allowed");
    }
  }
  return std::nullopt;
}

}  // namespace mockex::fault
