#include "query_string.hpp"

#include <mockex/core/url.hpp>

#include <charconv>

namespace mockex::admin {
namespace {

template <class T>
std::optional<T> parse_number(const std::optional<std::string>& text, bool& valid) {
  valid = true;
  if (!text) return std::nullopt;
  T value{};
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || ptr != end) {
    valid = false;
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string percent_decode(std::string_view text) {
  // Lenient, unlike the dialects: a broken escape keeps the text as sent.
  return core::percent_decode(text).value_or(std::string(text));
}

QueryString::QueryString(std::string_view raw) {
  while (!raw.empty()) {
    auto amp = raw.find('&');
    auto part = raw.substr(0, amp);
    raw = amp == std::string_view::npos ? std::string_view{} : raw.substr(amp + 1);
    if (part.empty()) continue;
    auto eq = part.find('=');
    auto key = percent_decode(part.substr(0, eq));
    auto value = eq == std::string_view::npos ? std::string{} : percent_decode(part.substr(eq + 1));
    pairs_.emplace_back(std::move(key), std::move(value));
  }
}

std::optional<std::string> QueryString::get(std::string_view key) const {
  for (const auto& [name, value] : pairs_) {
    if (name == key) return value;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> QueryString::get_uint(std::string_view key, bool& valid) const {
  return parse_number<std::uint64_t>(get(key), valid);
}

std::optional<std::int64_t> QueryString::get_int(std::string_view key, bool& valid) const {
  return parse_number<std::int64_t>(get(key), valid);
}

}  // namespace mockex::admin
