#pragma once
// A scenario timeline's fault (as the YAML loader read it) as the fault engine's Spec: one shape
// for the scenario, the admin API and the SDKs. Errors name the file, line and column.

#include <mockex/fault/spec.hpp>
#include <mockex/scenario/model.hpp>

#include <string>
#include <variant>

namespace mockex::session {

// `file` is what errors are reported against (the scenario's file name).
std::variant<fault::Spec, std::string> to_fault_spec(const scenario::FaultSpec& spec,
                                                     const std::string& file);

// Every timeline fault of `scenario` checked as the fault engine will see it: the errors, in
// timeline order, each as "file:line:col: message".
std::vector<std::string> check_timeline_faults(const scenario::Scenario& scenario);

}  // namespace mockex::session
