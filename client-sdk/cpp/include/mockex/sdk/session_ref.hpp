#pragma once
// The opaque handle the per-area views (clock, market, faults, ...) share with their Session: the
// client's connection and the session id. Defined in the library, so no transport header leaks
// into consumers; shared, so a view stays valid after its Session moves.

#include <memory>

namespace mockex::sdk::detail {

struct SessionRef;
using SessionPtr = std::shared_ptr<const SessionRef>;

}  // namespace mockex::sdk::detail
