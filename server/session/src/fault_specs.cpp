#include <mockex/session/fault_specs.hpp>

#include <mockex/fault/kind.hpp>

namespace mockex::session {
namespace {

std::string at(const std::string& file, const scenario::SourcePos& pos, const std::string& message) {
  return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + message;
}

fault::Match to_match(const scenario::FaultMatch& match) {
  fault::Match out;
  out.protocol = match.protocol;
  out.http = match.http;
  out.stream = match.stream;
  out.event = match.event;
  out.ws_api = match.ws_api;
  out.symbol = match.symbol;
  out.api_key = match.api_key;
  out.client_order_id = match.client_order_id;
  return out;
}

// The position of the parameter an error names ("params.ms"), else the fault's own.
scenario::SourcePos position_of(const scenario::FaultSpec& spec, const std::string& field) {
  if (field.starts_with("trigger") && spec.trigger) return spec.trigger->pos;
  constexpr std::string_view prefix = "params.";
  if (field.starts_with(prefix)) {
    if (const auto* value = spec.params.find(std::string_view(field).substr(prefix.size()))) {
      return value->pos;
    }
    return spec.params.pos;
  }
  return spec.pos;
}

}  // namespace

std::variant<fault::Spec, std::string> to_fault_spec(const scenario::FaultSpec& spec,
                                                     const std::string& file) {
  fault::Spec out;
  out.name = spec.name;
  auto kind = fault::parse_kind(spec.kind);
  if (!kind) return at(file, spec.pos, "unknown fault kind '" + spec.kind + "'");
  out.kind = *kind;
  for (std::size_t i = 0; i < spec.params.keys.size(); ++i) {
    const auto& value = spec.params.items[i];
    if (value.type != scenario::ParamValue::Type::scalar) {
      return at(file, value.pos, "params." + spec.params.keys[i] + ": must be a single value");
    }
    out.params.push_back({spec.params.keys[i], value.scalar});
  }
  out.match = to_match(spec.match);
  out.probability = spec.probability.to_double();
  if (spec.for_) out.duration = std::chrono::microseconds(*spec.for_);
  out.first = spec.first;
  out.every = spec.every;
  out.after = spec.after;
  if (spec.trigger) {
    fault::Trigger trigger;
    trigger.on = fault::parse_trigger_on(spec.trigger->on).value_or(fault::TriggerOn::order_ack);
    trigger.match = to_match(spec.trigger->match);
    trigger.count = spec.trigger->count;
    trigger.delay = std::chrono::microseconds(spec.trigger->delay);
    trigger.scope =
        fault::parse_trigger_scope(spec.trigger->scope).value_or(fault::TriggerScope::account);
    out.trigger = std::move(trigger);
  }
  if (auto error = fault::validate(out)) {
    return at(file, position_of(spec, error->field), fault::to_string(*error));
  }
  return out;
}

std::vector<std::string> check_timeline_faults(const scenario::Scenario& scenario) {
  std::vector<std::string> errors;
  for (const auto& entry : scenario.timeline) {
    if (entry.kind != scenario::TimelineEntry::Kind::fault) continue;
    auto converted = to_fault_spec(entry.fault, scenario.file);
    if (auto* error = std::get_if<std::string>(&converted)) errors.push_back(std::move(*error));
  }
  return errors;
}

}  // namespace mockex::session
