#pragma once
// The one JSON shape of a fault rule, shared by scenario YAML (converted), the admin API and the
// SDKs:
//   {"name":"slow-orders","kind":"latency","match":{"http":"POST /api/v3/order"},
//    "params":{"ms":200,"jitter_ms":50},"probability":1.0,"for":"30s","first":0,"every":0,
//    "after":0,"trigger":{"on":"order_ack","match":{"client_order_id":"x-*"},"count":1,
//    "delay":"50ms","scope":"account"}}
// Only name and kind are required. Durations ("for", "delay") are core::parse_duration text or a
// number of milliseconds; null stands for an absent optional key. Parameter values are numbers,
// strings or booleans and keep their text (numbers as the JSON writes them). Unknown keys
// anywhere are errors that name the key.

#include <variant>

#include <nlohmann/json.hpp>

#include "mockex/fault/error.hpp"
#include "mockex/fault/plan.hpp"
#include "mockex/fault/spec.hpp"

namespace mockex::fault {

// The spec, or the first problem with the JSON's shape. Kind parameters, globs and the http
// pattern are checked by validate() / Plan::add, not here.
std::variant<Spec, Error> spec_from_json(const nlohmann::json& json);

// The JSON shape; spec_from_json(to_json(spec)) == spec (params come back sorted by key).
nlohmann::json to_json(const Spec& spec);

// The spec's shape plus "state", "window_start_ms" and "window_end_ms" (scenario time in ms, null
// when unknown), "account" (when confined to one) and the "matched" and "fired" counters.
nlohmann::json to_json(const RuleStatus& status);

}  // namespace mockex::fault
