// Faults of a running session, in the one shape the scenario timeline uses:
//   POST   /sessions/{id}/faults               one rule -> 201 with its status
//   GET    /sessions/{id}/faults               every rule with its state and counts
//   GET    /sessions/{id}/faults/{name}        one rule
//   POST   /sessions/{id}/faults/{name}/pause  and /resume
//   DELETE /sessions/{id}/faults/{name}        -> 204
//   DELETE /sessions/{id}/faults               every rule -> 204
// A rule without a name is called "<kind>-<n>", n counting the session's rules from 1.

#include "routes.hpp"

#include <mockex/fault/json.hpp>
#include <mockex/fault/kind.hpp>

namespace mockex::admin {
namespace {

using nlohmann::json;

ApiError fault_not_found(std::string_view name) {
  return ApiError{404, "fault_not_found", "no fault named '" + std::string(name) + "'", nullptr};
}

std::optional<json> status_json(session::Session& session, std::string_view name) {
  for (const auto& status : session.faults().list()) {
    if (status.spec.name == name) return fault::to_json(status);
  }
  return std::nullopt;
}

std::string fault_name(const core::HttpRequest& request) {
  return std::string(request.param("name").value_or(""));
}

void pause_route(const RouteAdder& add, const ContextPtr& context, const std::string& faults,
                 const std::string& verb, bool paused) {
  add("POST", faults + "/{name}/" + verb,
      [context, paused](core::HttpRequest&& request, core::Responder respond) {
        auto name = fault_name(request);
        with_session(*context, request, std::move(respond),
                     [name, paused](session::Session& session) -> Reply {
                       if (!session.faults().set_paused(name, paused)) return fault_not_found(name);
                       return json_response(200, *status_json(session, name));
                     });
      });
}

}  // namespace

void add_fault_routes(const RouteAdder& add, const ContextPtr& context) {
  const std::string faults = std::string(kPrefix) + "/sessions/{id}/faults";

  add("POST", faults, [context](core::HttpRequest&& request, core::Responder respond) {
    auto body = parse_object(request.body);
    if (auto* error = std::get_if<ApiError>(&body)) return respond(error_response(*error));
    with_session(
        *context, request, std::move(respond),
        [body = std::get<json>(std::move(body))](session::Session& session) mutable -> Reply {
          // A nameless rule is called "<kind>-<n>"; the fault engine's parser reads the rest.
          if (!body.contains("name") && body.contains("kind") && body["kind"].is_string()) {
            body["name"] = body["kind"].get<std::string>() + "-" +
                           std::to_string(session.faults().list().size() + 1);
          }
          auto spec = fault::spec_from_json(body);
          if (auto* error = std::get_if<fault::Error>(&spec)) {
            return ApiError{400, "invalid_fault", fault::to_string(*error),
                            {{"field", error->field}}};
          }
          auto name = std::get<fault::Spec>(spec).name;
          if (status_json(session, name)) {
            return ApiError{409, "fault_exists", "a fault named '" + name + "' exists already",
                            nullptr};
          }
          if (auto error = session.faults().add(std::get<fault::Spec>(std::move(spec)), "admin")) {
            return ApiError{400, "invalid_fault", fault::to_string(*error),
                            {{"field", error->field}}};
          }
          return json_response(201, *status_json(session, name));
        });
  });

  add("GET", faults, [context](core::HttpRequest&& request, core::Responder respond) {
    with_session(*context, request, std::move(respond), [](session::Session& session) -> Reply {
      json list = json::array();
      for (const auto& status : session.faults().list()) list.push_back(fault::to_json(status));
      return json_response(200, {{"faults", std::move(list)}});
    });
  });

  add("GET", faults + "/{name}", [context](core::HttpRequest&& request, core::Responder respond) {
    auto name = fault_name(request);
    with_session(*context, request, std::move(respond),
                 [name](session::Session& session) -> Reply {
                   auto status = status_json(session, name);
                   if (!status) return fault_not_found(name);
                   return json_response(200, *status);
                 });
  });

  pause_route(add, context, faults, "pause", true);
  pause_route(add, context, faults, "resume", false);

  add("DELETE", faults + "/{name}",
      [context](core::HttpRequest&& request, core::Responder respond) {
        auto name = fault_name(request);
        with_session(*context, request, std::move(respond),
                     [name](session::Session& session) -> Reply {
                       if (!session.faults().remove(name)) return fault_not_found(name);
                       return core::HttpResponse{204, {}, {}, {}};
                     });
      });

  add("DELETE", faults, [context](core::HttpRequest&& request, core::Responder respond) {
    with_session(*context, request, std::move(respond), [](session::Session& session) -> Reply {
      for (const auto& status : session.faults().list()) session.faults().remove(status.spec.name);
      return core::HttpResponse{204, {}, {}, {}};
    });
  });
}

}  // namespace mockex::admin
