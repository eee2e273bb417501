#include "yaml_fields.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "edit_distance.hpp"
#include "mockex/core/duration.hpp"
#include "mockex/scenario/keys.hpp"

namespace mockex::scenario::detail {

namespace {

std::string kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Null: return "nothing";
    default: return "'" + node.Scalar() + "'";
  }
}

bool is_upper_alnum(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

std::string decimal_error(std::string_view key, std::string_view text, core::ErrorCode code,
                          core::Scale scale, std::string_view owner) {
  const std::string quoted = "'" + std::string(key) + "' ";
  switch (code) {
    case core::ErrorCode::decimal_too_precise:
      return quoted + std::string(text) + " has more decimals than " + std::string(owner) +
             " allows (" + std::to_string(scale.decimals) + ")";
    case core::ErrorCode::decimal_overflow:
      return quoted + "is too large: " + std::string(text);
    case core::ErrorCode::decimal_negative:
      return quoted + "must not be negative, got " + std::string(text);
    default:
      return quoted + "must be a decimal number such as 0.25, got '" + std::string(text) + "'";
  }
}

}  // namespace

SourcePos pos_of(const YAML::Node& node) {
  const auto mark = node.Mark();
  if (mark.is_null() || mark.line < 0) return {};
  return {mark.line + 1, mark.column + 1};
}

const Field* Fields::get(std::string_view key) const {
  for (const auto& field : items) {
    if (field.key == key) return &field;
  }
  return nullptr;
}

void Context::error(SourcePos pos, std::string message) {
  errors_.push_back(Diagnostic{file_, pos.line, pos.column, std::move(message)});
}

Diagnostics Context::take_errors() {
  std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  return std::move(errors_);
}

std::optional<Fields> Context::mapping(const YAML::Node& node, SourcePos pos,
                                       std::string_view path, std::string_view what) {
  return collect(node, pos, what, keys_at(path), true);
}

std::optional<Fields> Context::open_mapping(const YAML::Node& node, SourcePos pos,
                                            std::string_view what) {
  return collect(node, pos, what, {}, false);
}

std::optional<Fields> Context::collect(const YAML::Node& node, SourcePos pos,
                                       std::string_view what,
                                       std::span<const std::string_view> allowed, bool check_keys) {
  if (!node.IsMap()) {
    error(pos, std::string(what) + " must be a mapping, got " + kind_of(node));
    return std::nullopt;
  }
  Fields fields;
  fields.pos = pos;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const SourcePos key_pos = pos_of(it->first);
    if (!it->first.IsScalar()) {
      error(key_pos, "a key in " + std::string(what) + " must be a plain name");
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (const Field* first = fields.get(key)) {
      error(key_pos, "duplicate key '" + key + "' in " + std::string(what) + " (first at line " +
                         std::to_string(first->key_pos.line) + ")");
      ++fields.dropped;
      continue;
    }
    if (check_keys && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      error(key_pos, "unknown key '" + key + "' in " + std::string(what) + suggestion(key, allowed));
      ++fields.dropped;
      continue;
    }
    SourcePos value_pos = pos_of(it->second);
    if (value_pos.line == 0 || it->second.IsNull()) value_pos = key_pos;
    fields.items.push_back(Field{key, it->second, key_pos, value_pos});
  }
  return fields;
}

const Field* Context::require(const Fields& fields, std::string_view key, std::string_view what) {
  if (const Field* field = fields.get(key)) return field;
  error(fields.pos, "missing required key '" + std::string(key) + "' in " + std::string(what));
  return nullptr;
}

std::string suggestion(std::string_view word, std::span<const std::string_view> candidates) {
  auto best = closest_match(word, candidates);
  if (!best) return {};
  return "; did you mean '" + std::string(*best) + "'?";
}

std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  return suggestion(word, std::span<const std::string_view>(views));
}

std::optional<std::string> scalar_text(Context& ctx, const YAML::Node& node, SourcePos pos,
                                       std::string_view key) {
  if (node.IsNull()) {
    ctx.error(pos, "'" + std::string(key) + "' has no value");
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    ctx.error(pos, "'" + std::string(key) + "' must be a single value, got " + kind_of(node));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::string> read_string(Context& ctx, const Field& field) {
  auto text = scalar_text(ctx, field.value, field.pos, field.key);
  if (text && text->empty()) {
    ctx.error(field.pos, "'" + field.key + "' must not be empty");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> read_symbol(Context& ctx, const Field& field) {
  auto text = read_string(ctx, field);
  if (!text) return std::nullopt;
  if (!is_upper_alnum(*text)) {
    ctx.error(field.pos, "'" + field.key + "' must be upper-case letters and digits, got '" +
                             *text + "'");
    return std::nullopt;
  }
  return text;
}

std::optional<std::uint64_t> read_uint(Context& ctx, const Field& field, std::uint64_t min,
                                       std::uint64_t max) {
  auto text = scalar_text(ctx, field.value, field.pos, field.key);
  if (!text) return std::nullopt;
  std::uint64_t value = 0;
  const char* end = text->data() + text->size();
  auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || (*text)[0] == '-' || ptr != end || ec != std::errc{}) {
    if (ec == std::errc::result_out_of_range) {
      ctx.error(field.pos, "'" + field.key + "' is too large: " + *text);
    } else {
      ctx.error(field.pos, "'" + field.key + "' must be a whole number, got '" + *text + "'");
    }
    return std::nullopt;
  }
  if (value < min || value > max) {
    ctx.error(field.pos, "'" + field.key + "' must be between " + std::to_string(min) + " and " +
                             std::to_string(max) + ", got " + *text);
    return std::nullopt;
  }
  return value;
}

std::optional<bool> read_bool(Context& ctx, const Field& field) {
  auto text = scalar_text(ctx, field.value, field.pos, field.key);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  ctx.error(field.pos, "'" + field.key + "' must be true or false, got '" + *text + "'");
  return std::nullopt;
}

std::optional<Decimal> read_decimal(Context& ctx, const Field& field) {
  auto text = scalar_text(ctx, field.value, field.pos, field.key);
  if (!text) return std::nullopt;
  // The scale is the number of decimals written, capped at the largest core supports.
  const auto point = text->find('.');
  std::size_t decimals = point == std::string::npos ? 0 : text->size() - point - 1;
  if (decimals > core::kMaxScale) decimals = core::kMaxScale;
  const core::Scale scale{static_cast<std::uint8_t>(decimals)};
  auto units = core::parse_decimal(*text, scale, core::Sign::any);
  if (!units) {
    ctx.error(field.pos, decimal_error(field.key, *text, units.error(), scale, "mockex"));
    return std::nullopt;
  }
  return Decimal{*units, scale.decimals};
}

std::optional<Duration> read_duration(Context& ctx, const Field& field) {
  auto text = scalar_text(ctx, field.value, field.pos, field.key);
  if (!text) return std::nullopt;
  auto parsed = core::parse_duration(*text);
  if (!parsed) {
    ctx.error(field.pos, "'" + field.key + "': " + parsed.error);
    return std::nullopt;
  }
  return *parsed.value;
}

std::optional<std::int64_t> read_fixed(Context& ctx, const Field& field, core::Scale scale,
                                       std::string_view owner, core::Sign sign) {
  auto text = scalar_text(ctx, field.value, field.pos, field.key);
  if (!text) return std::nullopt;
  auto units = core::parse_decimal(*text, scale, sign);
  if (!units) {
    ctx.error(field.pos, decimal_error(field.key, *text, units.error(), scale, owner));
    return std::nullopt;
  }
  return *units;
}

std::optional<std::size_t> read_choice(Context& ctx, const Field& field,
                                       std::span<const std::string_view> names) {
  auto text = scalar_text(ctx, field.value, field.pos, field.key);
  if (!text) return std::nullopt;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == *text) return i;
  }
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += ", ";
    list += names[i];
  }
  ctx.error(field.pos, "'" + field.key + "' must be one of " + list + "; got '" + *text + "'" +
                           suggestion(*text, names));
  return std::nullopt;
}

bool check_min(Context& ctx, const Field& field, const Decimal& value, double min,
               bool inclusive) {
  const double v = value.to_double();
  if (inclusive ? v >= min : v > min) return true;
  std::string bound = Decimal{static_cast<std::int64_t>(min), 0}.to_string();
  if (min == 0 && inclusive) {
    ctx.error(field.pos, "'" + field.key + "' must not be negative, got " + value.to_string());
  } else {
    ctx.error(field.pos, "'" + field.key + "' must be " + (inclusive ? "at least " : "greater than ") +
                             bound + ", got " + value.to_string());
  }
  return false;
}

bool check_max(Context& ctx, const Field& field, const Decimal& value, double max,
               bool inclusive) {
  const double v = value.to_double();
  if (inclusive ? v <= max : v < max) return true;
  std::string bound = Decimal{static_cast<std::int64_t>(max), 0}.to_string();
  ctx.error(field.pos, "'" + field.key + "' must be " + (inclusive ? "at most " : "less than ") +
                           bound + ", got " + value.to_string());
  return false;
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool take_digits(std::string_view text, std::size_t& pos, std::size_t count, int& out) {
  if (pos + count > text.size()) return false;
  out = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += count;
  return true;
}

bool take(std::string_view text, std::size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

}  // namespace

std::optional<core::Timestamp> parse_instant(std::string_view text) {
  if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::int64_t millis = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), millis);
    if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
    if (millis > std::numeric_limits<std::int64_t>::max() / 1000) return std::nullopt;
    return core::Timestamp::from_millis(millis);
  }
  std::size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!take_digits(text, pos, 4, year) || !take(text, pos, '-') ||
      !take_digits(text, pos, 2, month) || !take(text, pos, '-') ||
      !take_digits(text, pos, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  std::int64_t micros = 0;
  std::int64_t offset_minutes = 0;
  if (pos < text.size()) {
    if (!take(text, pos, 'T') && !take(text, pos, ' ')) return std::nullopt;
    if (!take_digits(text, pos, 2, hour) || !take(text, pos, ':') ||
        !take_digits(text, pos, 2, minute) || !take(text, pos, ':') ||
        !take_digits(text, pos, 2, second)) {
      return std::nullopt;
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    if (take(text, pos, '.')) {
      std::int64_t scale = 100000;
      std::size_t digits = 0;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (digits < 6) micros += (text[pos] - '0') * scale;
        scale /= 10;
        ++digits;
        ++pos;
      }
      if (digits == 0 || digits > 6) return std::nullopt;
    }
    if (take(text, pos, 'Z')) {
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      const bool negative = text[pos] == '-';
      ++pos;
      int oh = 0, om = 0;
      if (!take_digits(text, pos, 2, oh) || !take(text, pos, ':') || !take_digits(text, pos, 2, om)) {
        return std::nullopt;
      }
      if (oh > 23 || om > 59) return std::nullopt;
      offset_minutes = (negative ? -1 : 1) * (oh * 60 + om);
    } else {
      return std::nullopt;  // a local time without a zone would differ between machines
    }
    if (pos != text.size()) return std::nullopt;
  }
  const std::int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
  return core::Timestamp::from_micros(seconds * 1'000'000 + micros);
}

}  // namespace mockex::scenario::detail
