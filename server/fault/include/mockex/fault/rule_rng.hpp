#pragma once
// Each rule draws from its own stream, keyed by its name: adding or removing another rule never
// changes this rule's choices.

#include <cstdint>
#include <string_view>

#include "mockex/core/rng.hpp"

namespace mockex::fault {

// 64-bit FNV-1a of the bytes of `text`.
constexpr std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// core::Rng(plan_seed).fork(fnv1a64(rule_name)).
inline core::Rng rule_rng(std::uint64_t plan_seed, std::string_view rule_name) {
  return core::Rng(plan_seed).fork(fnv1a64(rule_name));
}

}  // namespace mockex::fault
