// FaultRule <-> the admin API's JSON (docs/faults.md): only what is set is sent, so the daemon's
// defaults apply to the rest; a status read back fills every field.

#include <mockex/sdk/fault_rule.hpp>

#include "read_json.hpp"

#include <array>
#include <utility>

namespace mockex::sdk {
namespace {

using nlohmann::json;

// Match keys and their fields, in the daemon's order: one table for writing and reading.
template <class Match>
auto match_fields(Match& match) {
  return std::array<std::pair<const char*, decltype(&match.protocol)>, 8>{{
      {"protocol", &match.protocol},
      {"http", &match.http},
      {"stream", &match.stream},
      {"event", &match.event},
      {"ws_api", &match.ws_api},
      {"symbol", &match.symbol},
      {"api_key", &match.api_key},
      {"client_order_id", &match.client_order_id},
  }};
}

json match_json(const FaultMatch& match) {
  json out = json::object();
  for (const auto& [key, value] : match_fields(match)) {
    if (!value->empty()) out[key] = *value;
  }
  return out;
}

FaultMatch read_match(const json& object) {
  FaultMatch match;
  for (const auto& [key, value] : match_fields(match)) detail::read_optional(object, key, *value);
  return match;
}

json trigger_json(const FaultTrigger& trigger) {
  json out = {{"on", trigger.on}, {"count", trigger.count}};
  if (auto match = match_json(trigger.match); !match.empty()) out["match"] = std::move(match);
  if (trigger.delay) out["delay"] = trigger.delay->json();
  if (!trigger.scope.empty()) out["scope"] = trigger.scope;
  return out;
}

FaultTrigger read_trigger(const json& object) {
  FaultTrigger trigger;
  detail::read(object, "on", trigger.on);
  if (auto it = object.find("match"); it != object.end()) trigger.match = read_match(*it);
  detail::read_optional(object, "count", trigger.count);
  if (auto it = object.find("delay"); it != object.end()) trigger.delay = Duration::from_json(*it);
  detail::read_optional(object, "scope", trigger.scope);
  return trigger;
}

}  // namespace

json FaultRule::to_json() const {
  json out = {{"kind", kind}};
  if (!name.empty()) out["name"] = name;
  if (!params.empty()) out["params"] = params;
  if (auto matched = match_json(match); !matched.empty()) out["match"] = std::move(matched);
  if (probability) out["probability"] = *probability;
  if (duration) out["for"] = duration->json();
  if (first) out["first"] = first;
  if (every) out["every"] = every;
  if (after) out["after"] = after;
  if (trigger) out["trigger"] = trigger_json(*trigger);
  return out;
}

FaultRule FaultRule::from_json(const json& rule) {
  FaultRule out;
  detail::read_optional(rule, "name", out.name);
  detail::read(rule, "kind", out.kind);
  detail::read_optional(rule, "params", out.params);
  if (auto it = rule.find("match"); it != rule.end()) out.match = read_match(*it);
  detail::read_optional(rule, "probability", out.probability);
  if (auto it = rule.find("for"); it != rule.end() && !it->is_null()) {
    out.duration = Duration::from_json(*it);
  }
  detail::read_fields<std::uint64_t>(
      rule, {{"first", &out.first}, {"every", &out.every}, {"after", &out.after}});
  if (auto it = rule.find("trigger"); it != rule.end() && !it->is_null()) {
    out.trigger = read_trigger(*it);
  }
  return out;
}

namespace detail {

FaultStatus read_fault_status(const json& answer) {
  FaultStatus status;
  status.rule = FaultRule::from_json(answer);
  read(answer, "state", status.state);
  read_optional(answer, "window_start_ms", status.window_start_ms);
  read_optional(answer, "window_end_ms", status.window_end_ms);
  read_fields<std::string>(answer, {{"account", &status.account}});
  read_fields<std::uint64_t>(answer, {{"matched", &status.matched}, {"fired", &status.fired}});
  status.raw = answer;
  return status;
}

}  // namespace detail
}  // namespace mockex::sdk
