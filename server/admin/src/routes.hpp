#pragma once
// The admin route groups, one file each; admin.cpp registers them all behind the token check.

#include "session_call.hpp"

namespace mockex::admin {

inline constexpr std::string_view kPrefix = "/_mockex/v1";

void add_sessions_routes(const RouteAdder& add, const ContextPtr& context);  // sessions_routes.cpp
void add_clock_routes(const RouteAdder& add, const ContextPtr& context);     // clock_routes.cpp
void add_market_routes(const RouteAdder& add, const ContextPtr& context);    // market_routes.cpp
void add_book_route(const RouteAdder& add, const ContextPtr& context);       // book_route.cpp
void add_state_routes(const RouteAdder& add, const ContextPtr& context);     // state_routes.cpp
void add_journal_routes(const RouteAdder& add, const ContextPtr& context);   // journal_routes.cpp
void add_fault_routes(const RouteAdder& add, const ContextPtr& context);     // fault_routes.cpp

}  // namespace mockex::admin
