#pragma once
// Private to the loader: reading yaml-cpp nodes into typed values, every problem reported to the
// Context with its position and loading carried on, so one run lists all errors.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mockex/core/decimal.hpp"
#include "mockex/scenario/diagnostic.hpp"
#include "mockex/scenario/model.hpp"

namespace mockex::scenario::detail {

SourcePos pos_of(const YAML::Node& node);

// One key: value pair of a mapping. `pos` is the value's position, or the key's when the value
// has none (an empty value).
struct Field {
  std::string key;
  YAML::Node value;
  SourcePos key_pos;
  SourcePos pos;
};

struct Fields {
  SourcePos pos;  // of the mapping
  std::vector<Field> items;
  std::size_t dropped = 0;  // unknown or repeated keys already reported

  const Field* get(std::string_view key) const;
};

class Context {
 public:
  explicit Context(std::string file) : file_(std::move(file)) {}

  void error(SourcePos pos, std::string message);
  bool ok() const { return errors_.empty(); }
  const std::string& file() const { return file_; }
  // The errors ordered by position (stable for equal positions).
  Diagnostics take_errors();

  // `node` as a mapping whose keys must be those of key section `path` (keys.hpp): unknown keys
  // (with a suggestion) and repeated keys are reported and dropped. `what` names the mapping in
  // messages ("instrument", "random_walk"). nullopt when `node` is not a mapping.
  std::optional<Fields> mapping(const YAML::Node& node, SourcePos pos, std::string_view path,
                                std::string_view what);
  // A mapping with free keys (balances, fault params): only repeated keys are checked.
  std::optional<Fields> open_mapping(const YAML::Node& node, SourcePos pos, std::string_view what);

  // The field, or an error "missing required key '<key>' in <what>" at the mapping.
  const Field* require(const Fields& fields, std::string_view key, std::string_view what);

 private:
  std::optional<Fields> collect(const YAML::Node& node, SourcePos pos, std::string_view what,
                                std::span<const std::string_view> allowed, bool check_keys);

  std::string file_;
  Diagnostics errors_;
};

// " did you mean 'x'?" suffix when one candidate is close to `word`, else "".
std::string suggestion(std::string_view word, std::span<const std::string_view> candidates);
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates);

// Typed readers: each reports what is wrong with the field and returns nullopt.
std::optional<std::string> read_string(Context& ctx, const Field& field);
std::optional<std::string> read_symbol(Context& ctx, const Field& field);  // [A-Z0-9]+
std::optional<std::uint64_t> read_uint(Context& ctx, const Field& field, std::uint64_t min,
                                       std::uint64_t max);
std::optional<bool> read_bool(Context& ctx, const Field& field);
std::optional<Decimal> read_decimal(Context& ctx, const Field& field);
std::optional<Duration> read_duration(Context& ctx, const Field& field);
// A fixed-point value at `scale`; `owner` completes "has more decimals than <owner> allows".
std::optional<std::int64_t> read_fixed(Context& ctx, const Field& field, core::Scale scale,
                                       std::string_view owner, core::Sign sign = core::Sign::non_negative);
// One of `names` (in the order given); the index in `names`.
std::optional<std::size_t> read_choice(Context& ctx, const Field& field,
                                       std::span<const std::string_view> names);

// The scalar text of a node that should be one, with an error otherwise.
std::optional<std::string> scalar_text(Context& ctx, const YAML::Node& node, SourcePos pos,
                                       std::string_view key);

// Decimal range checks with uniform messages.
bool check_min(Context& ctx, const Field& field, const Decimal& value, double min, bool inclusive);
bool check_max(Context& ctx, const Field& field, const Decimal& value, double max, bool inclusive);

// Parses "now"-less instants: epoch milliseconds or ISO-8601 ("2024-01-01T00:00:00Z",
// "2024-01-01T09:30:00.250+02:00", "2024-01-01").
std::optional<core::Timestamp> parse_instant(std::string_view text);

}  // namespace mockex::scenario::detail
