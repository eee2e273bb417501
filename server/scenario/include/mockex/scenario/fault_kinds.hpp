#pragma once
// The closed set of fault kind names (the fault module's). The scenario loader checks a
// timeline fault's kind against it; what each kind does is the fault module's business.

#include <span>
#include <string_view>

namespace mockex::scenario {

// Every kind name, in DESIGN.md's order.
std::span<const std::string_view> fault_kinds();
bool is_fault_kind(std::string_view kind);

}  // namespace mockex::scenario
