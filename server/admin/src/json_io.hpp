#pragma once
// JSON in and out for the admin handlers: responses, the one error shape, request bodies and
// strict field readers. Nothing here throws: a bad field is an ApiError the handler returns.

#include <mockex/core/http.hpp>
#include <mockex/scenario/model.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mockex::admin {

// An error as the API reports it: {"error": {"code", "message"}} with `status`; `extra` fields
// (e.g. "errors") are added at the top level beside "error".
struct ApiError {
  int status = 400;
  std::string code;
  std::string message;
  nlohmann::json extra = nullptr;
};

ApiError bad_request(std::string message);  // 400 invalid_request

core::HttpResponse json_response(int status, const nlohmann::json& body);
core::HttpResponse error_response(const ApiError& error);

// The body as a JSON object; an empty body is {}.
std::variant<nlohmann::json, ApiError> parse_object(std::string_view body);
// The same, and 400 when it has a field not in `allowed`.
std::variant<nlohmann::json, ApiError> parse_object(
    std::string_view body, std::initializer_list<std::string_view> allowed);
// 400 when `object` has a key not in `allowed` (strict, like the scenario loader).
std::optional<ApiError> check_fields(const nlohmann::json& object,
                                     std::initializer_list<std::string_view> allowed);
std::optional<ApiError> check_fields(const nlohmann::json& object,
                                     const std::vector<std::string_view>& allowed);

// Field readers: nothing when absent, the value, or the ApiError for a wrong type or value.
template <class T>
using Field = std::variant<std::monostate, T, ApiError>;

Field<std::string> string_field(const nlohmann::json& object, const char* name);
Field<std::uint64_t> uint_field(const nlohmann::json& object, const char* name);
Field<std::int64_t> int_field(const nlohmann::json& object, const char* name);
// A finite number > 0.
Field<double> positive_number_field(const nlohmann::json& object, const char* name);
// A decimal as a string ("-12.5") or a plain JSON number; read from text, never a double
// round trip for strings.
Field<scenario::Decimal> decimal_field(const nlohmann::json& object, const char* name);
// A duration string ("5s", "250ms") or a whole number of milliseconds.
Field<std::chrono::milliseconds> duration_field(const nlohmann::json& object, const char* name);

// Exact decimal text -> Decimal: optional '-', digits, optional '.' and digits (at most 18).
std::optional<scenario::Decimal> parse_decimal_text(std::string_view text);

template <class T>
bool has_error(const Field<T>& field) {
  return std::holds_alternative<ApiError>(field);
}
template <class T>
const T* value_of(const Field<T>& field) {
  return std::get_if<T>(&field);
}

}  // namespace mockex::admin
