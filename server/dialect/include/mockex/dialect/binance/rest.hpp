#pragma once
// Binance Spot REST (spec §7) on mockex sessions: the default session at the root
// (/api/v3/...), every other session under /s/{session}/api/v3/...

#include <mockex/core/http.hpp>
#include <mockex/session/registry.hpp>

namespace mockex::dialect::binance {

// Registers the REST routes through `add`. `registry` must outlive every request.
void add_rest_routes(const core::RouteAdder& add, session::SessionRegistry& registry);

}  // namespace mockex::dialect::binance
