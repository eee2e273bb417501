#include "compiled_rule.hpp"

#include <cmath>
#include <utility>

namespace mockex::fault::detail {

namespace {

// A trigger event carries only these; anything else could never match.
std::optional<Error> check_trigger_match(const Match& match) {
  const std::pair<std::string_view, const std::string*> unsupported[] = {
      {"protocol", &match.protocol}, {"http", &match.http},     {"stream", &match.stream},
      {"event", &match.event},       {"ws_api", &match.ws_api}};
  for (const auto& [name, value] : unsupported) {
    if (!value->empty()) {
      return Error{"trigger.match." + std::string(name),
                   "a trigger matches only symbol, api_key and client_order_id"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<CompiledRule, Error> compile_rule(const Spec& spec) {
  if (spec.name.empty()) return Error{"name", "must not be empty"};
  if (!std::isfinite(spec.probability) || spec.probability < 0.0 || spec.probability > 1.0) {
    return Error{"probability", "must be a number between 0 and 1"};
  }
  if (spec.duration && spec.duration->count() <= 0) {
    return Error{"for", "must be longer than 0 (leave it out for no end)"};
  }

  CompiledRule rule;
  auto match = Matcher::compile(spec.match, "match");
  if (auto* error = std::get_if<Error>(&match)) return std::move(*error);
  rule.match = std::get<Matcher>(std::move(match));

  auto behavior = compile(spec.kind, spec.params);
  if (auto* error = std::get_if<Error>(&behavior)) return std::move(*error);
  rule.behavior = std::get<std::unique_ptr<Behavior>>(std::move(behavior));

  if (spec.trigger) {
    const Trigger& trigger = *spec.trigger;
    if (trigger.count == 0) return Error{"trigger.count", "must be a whole number >= 1"};
    if (trigger.delay.count() < 0) return Error{"trigger.delay", "must not be negative"};
    if (auto error = check_trigger_match(trigger.match)) return *error;
    auto trigger_match = Matcher::compile(trigger.match, "trigger.match");
    if (auto* error = std::get_if<Error>(&trigger_match)) return std::move(*error);
    rule.trigger_match = std::get<Matcher>(std::move(trigger_match));
  }
  return rule;
}

}  // namespace mockex::fault::detail

namespace mockex::fault {

std::optional<Error> validate(const Spec& spec) {
  auto compiled = detail::compile_rule(spec);
  if (auto* error = std::get_if<Error>(&compiled)) return std::move(*error);
  return std::nullopt;
}

}  // namespace mockex::fault
