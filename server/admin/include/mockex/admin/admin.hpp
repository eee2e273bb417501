#pragma once
// The admin API: JSON over HTTP under /_mockex/v1/ to create, inspect, steer and dispose of
// sessions (clock, market actions, state, journal, report). Transport-neutral: routes are handed
// to whoever serves them through a RouteAdder. Every response is JSON (except the journal's JSON
// Lines and the Markdown report); every error is {"error": {"code", "message"}}.
//
// Threading: handlers may be called from any thread; whatever touches a session runs on that
// session's strand and answers from there.

#include <mockex/core/http.hpp>
#include <mockex/session/registry.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mockex::admin {

struct AdminOptions {
  std::vector<std::string> scenario_dirs;  // where {"scenario": "name"} is looked up
  std::string token;  // non-empty: every admin route needs "Authorization: Bearer <token>"
  // Set when the admin API has its own listener: session URLs then name this (the exchange) port
  // on the host the client asked for; unset, they name the request's own Host.
  std::optional<std::uint16_t> exchange_port;
  std::size_t max_scenario_bytes = 256 * 1024;  // an inline scenario beyond this: 413
};

using core::RouteAdder;

// Registers every admin route (all under /_mockex/v1/) through `add`. Patterns use {name}
// captures (e.g. "/_mockex/v1/sessions/{id}/reset"), read in handlers with request.param("id").
// `registry` must outlive the registered handlers.
void add_routes(const RouteAdder& add, session::SessionRegistry& registry, AdminOptions options);

}  // namespace mockex::admin
