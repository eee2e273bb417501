#include <mockex/dialect/binance/params.hpp>

#include <mockex/core/url.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

namespace mockex::dialect::binance {

namespace {

// The names of `entries`, sorted, for lookups in parts with many parameters. Views into the
// entries: valid while they are not moved.
template <typename Entries>
std::vector<std::string_view> sorted_names(const Entries& entries) {
  std::vector<std::string_view> names;
  names.reserve(entries.size());
  for (const auto& entry : entries) names.emplace_back(entry.name);
  std::sort(names.begin(), names.end());
  return names;
}

// Up to this many parameters a part is searched name by name; beyond, through sorted names, so a
// hostile request of many thousands of parameters costs n log n, not n².
constexpr std::size_t kLinearSearch = 16;

}  // namespace

std::variant<Params, ApiError> Params::parse(std::string_view query, std::string_view body) {
  Params params;
  // Room for every pair at once: no regrowth, and a signed order's ten or so entries stay one
  // small block (a vector doubled to 16 entries is a 1 KiB block, which makes glibc consolidate
  // its fast bins on every request).
  params.entries_.reserve(static_cast<std::size_t>(std::count(query.begin(), query.end(), '&') +
                                                   std::count(body.begin(), body.end(), '&')) +
                          2);
  auto parse_part = [&](std::string_view part, bool from_query) -> std::optional<ApiError> {
    std::size_t first_of_part = params.entries_.size();
    while (!part.empty()) {
      auto amp = part.find('&');
      auto pair = part.substr(0, amp);
      part = amp == std::string_view::npos ? std::string_view{} : part.substr(amp + 1);
      if (pair.empty()) continue;
      auto eq = pair.find('=');
      auto name = core::percent_decode(pair.substr(0, eq));
      auto value = core::percent_decode(eq == std::string_view::npos ? std::string_view{}
                                                               : pair.substr(eq + 1));
      if (!name || !value) {
        return make_error(Error::illegal_characters,
                          {name ? std::string_view(*name) : pair.substr(0, eq),
                           "percent-encoded UTF-8"});
      }
      params.entries_.push_back({std::move(*name), std::move(*value), from_query, false});
    }
    std::span<const Entry> mine(params.entries_.begin() + static_cast<std::ptrdiff_t>(first_of_part),
                                params.entries_.end());
    bool duplicate = false;
    if (mine.size() <= kLinearSearch) {
      for (std::size_t i = 1; i < mine.size() && !duplicate; ++i) {
        duplicate = std::any_of(mine.begin(), mine.begin() + static_cast<std::ptrdiff_t>(i),
                                [&](const Entry& e) { return e.name == mine[i].name; });
      }
    } else {
      auto names = sorted_names(mine);
      duplicate = std::adjacent_find(names.begin(), names.end()) != names.end();
    }
    if (duplicate) return make_error(Error::duplicate_parameter);
    return std::nullopt;
  };
  if (auto error = parse_part(query, true)) return *error;
  std::size_t query_count = params.entries_.size();
  if (auto error = parse_part(body, false)) return *error;
  // A body parameter also in the query loses: the query's value wins (spec §2).
  auto query_end = params.entries_.begin() + static_cast<std::ptrdiff_t>(query_count);
  if (query_count == 0 || query_end == params.entries_.end()) return params;
  std::span<const Entry> in_query(params.entries_.begin(), query_end);
  std::vector<std::string_view> query_names;
  if (query_count > kLinearSearch) query_names = sorted_names(in_query);
  auto in_the_query = [&](const Entry& e) {
    if (query_names.empty()) {
      return std::any_of(in_query.begin(), in_query.end(),
                         [&](const Entry& q) { return q.name == e.name; });
    }
    return std::binary_search(query_names.begin(), query_names.end(), std::string_view(e.name));
  };
  params.entries_.erase(std::remove_if(query_end, params.entries_.end(), in_the_query),
                        params.entries_.end());
  return params;
}

std::optional<std::string_view> Params::get(std::string_view name) const {
  for (const auto& entry : entries_) {
    if (entry.name == name) {
      entry.read = true;
      return entry.value;
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> Params::peek(std::string_view name) const {
  for (const auto& entry : entries_) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

std::optional<std::string_view> Params::non_empty(std::string_view name) const {
  auto value = get(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

std::size_t Params::read_count() const {
  return static_cast<std::size_t>(
      std::count_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.read; }));
}

std::optional<std::string_view> Params::first_unread() const {
  for (const auto& entry : entries_) {
    if (!entry.read) return entry.name;
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> parse_string_array(std::string_view json) {
  auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : doc) {
    if (!item.is_string()) return std::nullopt;
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace mockex::dialect::binance
