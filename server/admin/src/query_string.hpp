#pragma once
// The query string of an admin request, percent-decoded ('+' is a space). A repeated key keeps
// its first value.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mockex::admin {

class QueryString {
 public:
  explicit QueryString(std::string_view raw);

  std::optional<std::string> get(std::string_view key) const;
  // The value as an unsigned integer: nothing when absent; `valid` false when present but not
  // one.
  std::optional<std::uint64_t> get_uint(std::string_view key, bool& valid) const;
  std::optional<std::int64_t> get_int(std::string_view key, bool& valid) const;

 private:
  std::vector<std::pair<std::string, std::string>> pairs_;
};

std::string percent_decode(std::string_view text);

}  // namespace mockex::admin
