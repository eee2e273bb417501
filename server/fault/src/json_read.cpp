// spec_from_json: the JSON shape of a rule (json.hpp) into a Spec, checking shape and types.
// Semantics (kind parameters, globs) are validate()'s business.
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "mockex/core/duration.hpp"
#include "mockex/fault/json.hpp"

namespace mockex::fault {

namespace {

using nlohmann::json;

std::string join(std::string_view prefix, std::string_view key) {
  std::string out(prefix);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}

Error unknown_key(std::string_view prefix, std::string_view key, std::string_view where) {
  return Error{join(prefix, key),
               "unknown key '" + std::string(key) + "' in " + std::string(where)};
}

std::string kind_list() {
  std::string out;
  for (Kind kind : all_kinds()) {
    if (!out.empty()) out += ", ";
    out += to_string(kind);
  }
  return out;
}

std::optional<Error> read_string(const json& value, const std::string& field, std::string& out) {
  if (!value.is_string()) return Error{field, "must be a string"};
  out = value.get<std::string>();
  return std::nullopt;
}

std::optional<Error> read_match(const json& value, const std::string& field, Match& out) {
  if (!value.is_object()) return Error{field, "must be an object"};
  for (const auto& [key, item] : value.items()) {
    std::string* target = nullptr;
    if (key == "protocol") target = &out.protocol;
    else if (key == "http") target = &out.http;
    else if (key == "stream") target = &out.stream;
    else if (key == "event") target = &out.event;
    else if (key == "ws_api") target = &out.ws_api;
    else if (key == "symbol") target = &out.symbol;
    else if (key == "api_key") target = &out.api_key;
    else if (key == "client_order_id") target = &out.client_order_id;
    else return unknown_key(field, key, "match");
    if (item.is_null()) continue;
    if (auto error = read_string(item, join(field, key), *target)) return error;
  }
  return std::nullopt;
}

std::optional<Error> read_params(const json& value, Params& out) {
  if (!value.is_object()) return Error{"params", "must be an object"};
  for (const auto& [key, item] : value.items()) {
    Param param;
    param.key = key;
    if (item.is_string()) {
      param.value = item.get<std::string>();
    } else if (item.is_boolean()) {
      param.value = item.get<bool>() ? "true" : "false";
    } else if (item.is_number()) {
      param.value = item.dump();  // the number as written by the JSON writer: 200, 0.5, -3
    } else {
      return Error{"params." + key, "must be a number, a string or a boolean"};
    }
    out.push_back(std::move(param));
  }
  return std::nullopt;
}

// A duration: core::parse_duration text ("250ms", "5s") or a number of milliseconds (a fraction
// down to whole microseconds).
std::optional<Error> read_duration(const json& value, const std::string& field,
                                   std::chrono::microseconds& out) {
  if (value.is_string()) {
    const auto parsed = core::parse_duration(value.get<std::string>());
    if (!parsed) return Error{field, parsed.error};
    out = *parsed.value;
    return std::nullopt;
  }
  if (value.is_number()) {
    const double ms = value.get<double>();
    constexpr auto max_ms = static_cast<double>(core::kMaxDuration.count());
    if (!std::isfinite(ms) || ms < 0.0 || ms > max_ms) {
      return Error{field, "must be a number of milliseconds >= 0"};
    }
    if (value.is_number_integer()) {
      out = std::chrono::milliseconds{value.get<std::int64_t>()};
      return std::nullopt;
    }
    const double micros = ms * 1000.0;
    const double whole = std::round(micros);
    if (std::fabs(micros - whole) > 1e-6) {
      return Error{field, "must be a whole number of microseconds"};
    }
    out = std::chrono::microseconds{static_cast<std::int64_t>(whole)};
    return std::nullopt;
  }
  return Error{field,
               "must be a duration such as \"250ms\" or \"5s\", or a number of milliseconds"};
}

std::optional<Error> read_u32(const json& value, const std::string& field, std::uint32_t min,
                              std::uint32_t& out) {
  const std::string expected = "must be a whole number >= " + std::to_string(min);
  if (!value.is_number()) return Error{field, expected};
  const double number = value.get<double>();
  if (!std::isfinite(number) || std::floor(number) != number || number < min ||
      number > std::numeric_limits<std::uint32_t>::max()) {
    return Error{field, expected};
  }
  out = static_cast<std::uint32_t>(number);
  return std::nullopt;
}

std::optional<Error> read_trigger(const json& value, Trigger& out) {
  if (!value.is_object()) return Error{"trigger", "must be an object"};
  if (!value.contains("on")) return Error{"trigger.on", "required: order_ack, order or fill"};
  for (const auto& [key, item] : value.items()) {
    const std::string field = "trigger." + key;
    if (key == "on") {
      const auto on = item.is_string() ? parse_trigger_on(item.get<std::string>()) : std::nullopt;
      if (!on) return Error{field, "must be order_ack, order or fill"};
      out.on = *on;
    } else if (key == "match") {
      if (item.is_null()) continue;
      if (auto error = read_match(item, field, out.match)) return error;
    } else if (key == "count") {
      if (auto error = read_u32(item, field, 1, out.count)) return error;
    } else if (key == "delay") {
      if (item.is_null()) continue;
      if (auto error = read_duration(item, field, out.delay)) return error;
    } else if (key == "scope") {
      const auto scope =
          item.is_string() ? parse_trigger_scope(item.get<std::string>()) : std::nullopt;
      if (!scope) return Error{field, "must be account or all"};
      out.scope = *scope;
    } else {
      return unknown_key("trigger", key, "trigger");
    }
  }
  return std::nullopt;
}

std::optional<Error> read_field(const std::string& key, const json& item, Spec& spec) {
  if (key == "name") return read_string(item, key, spec.name);
  if (key == "kind") {
    if (!item.is_string()) return Error{key, "must be a string"};
    const auto name = item.get<std::string>();
    const auto kind = parse_kind(name);
    if (!kind) {
      return Error{key, "unknown fault kind '" + name + "' (expected one of " + kind_list() + ")"};
    }
    spec.kind = *kind;
    return std::nullopt;
  }
  if (key == "match") return item.is_null() ? std::nullopt : read_match(item, key, spec.match);
  if (key == "params") return item.is_null() ? std::nullopt : read_params(item, spec.params);
  if (key == "probability") {
    const double p = item.is_number() ? item.get<double>() : -1.0;
    if (!std::isfinite(p) || p < 0.0 || p > 1.0)
      return Error{key, "must be a number between 0 and 1"};
    spec.probability = p;
    return std::nullopt;
  }
  if (key == "for") {
    if (item.is_null()) return std::nullopt;
    std::chrono::microseconds duration{0};
    if (auto error = read_duration(item, key, duration)) return error;
    spec.duration = duration;
    return std::nullopt;
  }
  if (key == "first") return read_u32(item, key, 0, spec.first);
  if (key == "every") return read_u32(item, key, 0, spec.every);
  if (key == "after") return read_u32(item, key, 0, spec.after);
  if (key == "trigger") {
    if (item.is_null()) return std::nullopt;
    Trigger trigger;
    if (auto error = read_trigger(item, trigger)) return error;
    spec.trigger = std::move(trigger);
    return std::nullopt;
  }
  return unknown_key("", key, "fault");
}

}  // namespace

std::variant<Spec, Error> spec_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return Error{"", "a fault must be a JSON object"};
  if (!json.contains("name")) return Error{"name", "required"};
  if (!json.contains("kind")) return Error{"kind", "required (one of " + kind_list() + ")"};
  Spec spec;
  for (const auto& [key, item] : json.items()) {
    if (auto error = read_field(key, item, spec)) return std::move(*error);
  }
  return spec;
}

}  // namespace mockex::fault
