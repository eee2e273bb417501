// to_json: a Spec (and a rule's status) in the JSON shape spec_from_json reads back.
#include <string>

#include "mockex/core/duration.hpp"
#include "mockex/fault/json.hpp"

namespace mockex::fault {

namespace {

using nlohmann::json;

json match_json(const Match& match) {
  json out = json::object();
  const std::pair<const char*, const std::string*> fields[] = {
      {"protocol", &match.protocol}, {"http", &match.http},       {"stream", &match.stream},
      {"event", &match.event},       {"ws_api", &match.ws_api},   {"symbol", &match.symbol},
      {"api_key", &match.api_key},   {"client_order_id", &match.client_order_id}};
  for (const auto& [key, value] : fields) {
    if (!value->empty()) out[key] = *value;
  }
  return out;
}

// Booleans and numbers go back as JSON booleans and numbers when that gives the same text back,
// everything else as a string: spec_from_json then reads the very same text.
json param_json(const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  json number = json::parse(text, nullptr, false);
  if (!number.is_discarded() && number.is_number() && number.dump() == text) return number;
  return text;
}

// Text when the duration is whole milliseconds ("250ms", "5s"), else a fractional number of ms.
json duration_json(std::chrono::microseconds duration) {
  if (duration.count() % 1000 == 0) {
    return core::format_duration(std::chrono::duration_cast<std::chrono::milliseconds>(duration));
  }
  return static_cast<double>(duration.count()) / 1000.0;
}

json millis_or_null(const std::optional<core::Timestamp>& t) {
  if (!t) return nullptr;
  return t->millis();
}

}  // namespace

nlohmann::json to_json(const Spec& spec) {
  json out = json::object();
  out["name"] = spec.name;
  out["kind"] = to_string(spec.kind);
  out["match"] = match_json(spec.match);
  json params = json::object();
  for (const Param& param : spec.params) params[param.key] = param_json(param.value);
  out["params"] = std::move(params);
  out["probability"] = spec.probability;
  if (spec.duration) out["for"] = duration_json(*spec.duration);
  out["first"] = spec.first;
  out["every"] = spec.every;
  out["after"] = spec.after;
  if (spec.trigger) {
    const Trigger& trigger = *spec.trigger;
    out["trigger"] = {{"on", to_string(trigger.on)},
                      {"match", match_json(trigger.match)},
                      {"count", trigger.count},
                      {"delay", duration_json(trigger.delay)},
                      {"scope", to_string(trigger.scope)}};
  }
  return out;
}

nlohmann::json to_json(const RuleStatus& status) {
  json out = to_json(status.spec);
  out["state"] = to_string(status.state);
  out["window_start_ms"] = millis_or_null(status.window_start);
  out["window_end_ms"] = millis_or_null(status.window_end);
  if (!status.account.empty()) out["account"] = status.account;
  out["matched"] = status.matched;
  out["fired"] = status.fired;
  return out;
}

}  // namespace mockex::fault
