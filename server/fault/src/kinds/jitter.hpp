#pragma once
// base + a uniform draw from [0, jitter], inclusive, in whole microseconds (latency, ws_delay).

#include <chrono>

#include "mockex/core/rng.hpp"

namespace mockex::fault::kinds {

inline std::chrono::microseconds uniform_jitter(std::chrono::microseconds base,
                                                std::chrono::microseconds jitter, core::Rng& rng) {
  if (jitter.count() <= 0) return base;
  return base + std::chrono::microseconds{rng.uniform_int(0, jitter.count())};
}

}  // namespace mockex::fault::kinds
