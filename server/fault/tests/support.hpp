#pragma once
// Small builders shared by the fault tests: points at each stage, specs, and times.

#include <string>
#include <utility>

#include "mockex/core/timestamp.hpp"
#include <gtest/gtest.h>

#include "mockex/fault/behavior.hpp"
#include "mockex/fault/plan.hpp"
#include "mockex/fault/spec.hpp"

namespace mockex::fault::test {

inline core::Timestamp at_ms(std::int64_t ms) { return core::Timestamp::from_millis(ms); }

inline Point http_point(std::string_view method, std::string_view path) {
  Point point;
  point.stage = Stage::http_request;
  point.protocol = "http";
  point.method = method;
  point.path = path;
  return point;
}

inline Point ws_point(std::string_view stream, std::string_view event = {}) {
  Point point;
  point.stage = Stage::ws_out;
  point.protocol = "ws";
  point.stream = stream;
  point.event = event;
  return point;
}

inline Point order_point(std::string_view symbol, std::string_view api_key,
                         std::string_view client_order_id = {}) {
  Point point;
  point.stage = Stage::order_new;
  point.protocol = "http";
  point.method = "POST";
  point.path = "/api/v3/order";
  point.symbol = symbol;
  point.api_key = api_key;
  point.client_order_id = client_order_id;
  return point;
}

inline Spec make_spec(std::string name, Kind kind, Params params = {}) {
  Spec spec;
  spec.name = std::move(name);
  spec.kind = kind;
  spec.params = std::move(params);
  return spec;
}

// The behaviour for `kind` with `params`; fails the test when they are rejected.
inline std::unique_ptr<Behavior> must_compile(Kind kind, const Params& params) {
  auto result = compile(kind, params);
  if (auto* error = std::get_if<Error>(&result)) {
    ADD_FAILURE() << to_string(kind) << ": " << to_string(*error);
    return nullptr;
  }
  return std::get<std::unique_ptr<Behavior>>(std::move(result));
}

// The error for `kind` with `params`, or an empty Error when they are accepted.
inline Error compile_error(Kind kind, const Params& params) {
  auto result = compile(kind, params);
  if (auto* error = std::get_if<Error>(&result)) return *error;
  return Error{};
}

// How many times the rules of `plan` fire at `point` at `now`.
inline std::size_t fire_count(Plan& plan, const Point& point, core::Timestamp now) {
  return plan.decide(point, now).size();
}

}  // namespace mockex::fault::test
