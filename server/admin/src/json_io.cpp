#include "json_io.hpp"

#include <mockex/core/duration.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mockex::admin {
namespace {

using nlohmann::json;

ApiError wrong_type(const char* name, std::string_view expected) {
  return bad_request(std::string("\"") + name + "\" must be " + std::string(expected));
}

}  // namespace

ApiError bad_request(std::string message) {
  return ApiError{400, "invalid_request", std::move(message), nullptr};
}

core::HttpResponse json_response(int status, const json& body) {
  // Replace, never throw, on invalid UTF-8 (journal data may hold a client's corrupted bytes).
  return core::HttpResponse::json(status,
                                  body.dump(-1, ' ', false, json::error_handler_t::replace));
}

core::HttpResponse error_response(const ApiError& error) {
  json body = error.extra.is_object() ? error.extra : json::object();
  body["error"] = {{"code", error.code}, {"message", error.message}};
  return json_response(error.status, body);
}

std::variant<json, ApiError> parse_object(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return json::object();
  auto parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return bad_request("the body is not valid JSON");
  if (!parsed.is_object()) return bad_request("the body must be a JSON object");
  return parsed;
}

std::variant<json, ApiError> parse_object(std::string_view body,
                                          std::initializer_list<std::string_view> allowed) {
  auto parsed = parse_object(body);
  if (auto* object = std::get_if<json>(&parsed)) {
    if (auto error = check_fields(*object, allowed)) return *error;
  }
  return parsed;
}

std::optional<ApiError> check_fields(const json& object,
                                     std::initializer_list<std::string_view> allowed) {
  return check_fields(object, std::vector<std::string_view>(allowed));
}

std::optional<ApiError> check_fields(const json& object,
                                     const std::vector<std::string_view>& allowed) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return bad_request("unknown field \"" + key + "\"");
    }
  }
  return std::nullopt;
}

Field<std::string> string_field(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::monostate{};
  if (!it->is_string()) return wrong_type(name, "a string");
  return it->get<std::string>();
}

Field<std::uint64_t> uint_field(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::monostate{};
  if (!it->is_number_unsigned()) return wrong_type(name, "a non-negative integer");
  return it->get<std::uint64_t>();
}

Field<std::int64_t> int_field(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::monostate{};
  if (it->is_number_unsigned()) {
    auto value = it->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return wrong_type(name, "an integer that fits in 64 bits");
    }
    return static_cast<std::int64_t>(value);
  }
  if (!it->is_number_integer()) return wrong_type(name, "an integer");
  return it->get<std::int64_t>();
}

Field<double> positive_number_field(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::monostate{};
  if (!it->is_number()) return wrong_type(name, "a number");
  auto value = it->get<double>();
  if (!std::isfinite(value) || value <= 0) return wrong_type(name, "a number > 0");
  return value;
}

std::optional<scenario::Decimal> parse_decimal_text(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  auto point = text.find('.');
  auto whole = text.substr(0, point);
  auto fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (whole.empty() || (point != std::string_view::npos && fraction.empty())) return std::nullopt;
  if (whole.size() + fraction.size() > 18) return std::nullopt;  // fits int64 whatever the digits
  std::int64_t units = 0;
  for (auto part : {whole, fraction}) {
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      units = units * 10 + (c - '0');
    }
  }
  return scenario::Decimal{negative ? -units : units, static_cast<std::uint8_t>(fraction.size())};
}

Field<scenario::Decimal> decimal_field(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::monostate{};
  std::string text;
  if (it->is_string()) {
    text = it->get<std::string>();
  } else if (it->is_number()) {
    text = it->dump();  // integers exactly; doubles as their shortest round-trip text
  } else {
    return wrong_type(name, "a decimal string or a number");
  }
  auto decimal = parse_decimal_text(text);
  if (!decimal) return wrong_type(name, "a plain decimal such as \"-12.5\" (got " + text + ")");
  return *decimal;
}

Field<std::chrono::milliseconds> duration_field(const json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::monostate{};
  if (it->is_number_unsigned()) {
    auto ms = it->get<std::uint64_t>();
    if (ms > static_cast<std::uint64_t>(core::kMaxDuration.count())) {
      return wrong_type(name, "a duration that fits scenario time");
    }
    return std::chrono::milliseconds(static_cast<std::int64_t>(ms));
  }
  if (!it->is_string()) return wrong_type(name, "a duration such as \"5s\" or milliseconds");
  auto parsed = core::parse_duration(it->get<std::string>());
  if (!parsed) return ApiError{400, "invalid_duration", parsed.error, nullptr};
  return *parsed.value;
}

}  // namespace mockex::admin
