#include "mockex/scenario/fault_kinds.hpp"

#include <mockex/fault/kind.hpp>

#include <array>

namespace mockex::scenario {

namespace {

// The fault engine's names, in its order.
const std::array<std::string_view, fault::kKindCount>& names() {
  static const auto table = [] {
    std::array<std::string_view, fault::kKindCount> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = fault::to_string(fault::all_kinds()[i]);
    return out;
  }();
  return table;
}

}  // namespace

std::span<const std::string_view> fault_kinds() { return names(); }

bool is_fault_kind(std::string_view kind) { return fault::parse_kind(kind).has_value(); }

}  // namespace mockex::scenario
