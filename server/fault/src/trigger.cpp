#include "mockex/fault/spec.hpp"

namespace mockex::fault {

std::string_view to_string(TriggerOn on) {
  switch (on) {
    case TriggerOn::order_ack: return "order_ack";
    case TriggerOn::order: return "order";
    case TriggerOn::fill: return "fill";
  }
  return "unknown";
}

std::optional<TriggerOn> parse_trigger_on(std::string_view text) {
  for (TriggerOn on : {TriggerOn::order_ack, TriggerOn::order, TriggerOn::fill}) {
    if (to_string(on) == text) return on;
  }
  return std::nullopt;
}

std::string_view to_string(TriggerScope scope) {
  switch (scope) {
    case TriggerScope::account: return "account";
    case TriggerScope::all: return "all";
  }
  return "unknown";
}

std::optional<TriggerScope> parse_trigger_scope(std::string_view text) {
  for (TriggerScope scope : {TriggerScope::account, TriggerScope::all}) {
    if (to_string(scope) == text) return scope;
  }
  return std::nullopt;
}

}  // namespace mockex::fault
