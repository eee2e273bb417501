#pragma once
// A Spec checked and made ready to evaluate: what validate() and Plan::add share.

#include <memory>
#include <variant>

#include "mockex/fault/behavior.hpp"
#include "mockex/fault/error.hpp"
#include "mockex/fault/match.hpp"
#include "mockex/fault/spec.hpp"

namespace mockex::fault::detail {

struct CompiledRule {
  std::unique_ptr<Behavior> behavior;
  Matcher match;
  Matcher trigger_match;  // matches everything without a trigger
};

std::variant<CompiledRule, Error> compile_rule(const Spec& spec);

}  // namespace mockex::fault::detail
