#pragma once
// What every admin handler shares: the registry and options, the lookup of the session a route
// names, and running work on that session's strand.

#include "json_io.hpp"

#include <mockex/admin/admin.hpp>
#include <mockex/core/http.hpp>
#include <mockex/session/registry.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace mockex::admin {

struct AdminContext {
  session::SessionRegistry* registry = nullptr;
  AdminOptions options;
};
using ContextPtr = std::shared_ptr<const AdminContext>;

// A handler's answer: a response, or an error written in the one error shape.
using Reply = std::variant<core::HttpResponse, ApiError>;

ApiError session_not_found(std::string_view id);

// Runs `work` on the strand of the session named by the request's {id} (after bringing its clock
// up to the wall clock) and responds with what it returns. Unknown or closed: 404
// session_not_found. A successful reply marks the session used. `work` runs at most once and must
// own what it needs (it runs after the request is gone).
using SessionWork = std::function<Reply(session::Session&)>;
void with_session(const AdminContext& context, const core::HttpRequest& request,
                  core::Responder respond, SessionWork work);

// The public facts of a session, with its URLs on the request's Host (and the exchange port, when
// the admin API has a listener of its own).
nlohmann::json info_json(const AdminContext& context, const session::Session& session,
                         const core::HttpRequest& request);
// The session clock now (on the strand): {"now" (ms), "mode", "paused", "speed"}.
nlohmann::json clock_json(session::Session& session);

void respond_with(const core::Responder& respond, Reply reply);

}  // namespace mockex::admin
