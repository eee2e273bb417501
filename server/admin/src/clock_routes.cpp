// The session clock: read, advance by a duration, pause, resume, set the speed. Every change is
// a `clock` journal entry.

#include "routes.hpp"

namespace mockex::admin {
namespace {

using nlohmann::json;

void record(session::Session& session, std::string_view event, json detail) {
  session.journal().record_event(session.stamp(), journal::EntryKind::clock, event,
                                 std::move(detail));
}

}  // namespace

void add_clock_routes(const RouteAdder& add, const ContextPtr& context) {
  const std::string clock = std::string(kPrefix) + "/sessions/{id}/clock";

  add("GET", clock, [context](core::HttpRequest&& request, core::Responder respond) {
    with_session(*context, request, std::move(respond), [](session::Session& session) -> Reply {
      return json_response(200, clock_json(session));
    });
  });

  add("POST", clock + "/advance", [context](core::HttpRequest&& request, core::Responder respond) {
    auto parsed = parse_object(request.body, {"by"});
    if (auto* error = std::get_if<ApiError>(&parsed)) return respond(error_response(*error));
    auto by = duration_field(std::get<json>(parsed), "by");
    if (auto* error = std::get_if<ApiError>(&by)) return respond(error_response(*error));
    if (!value_of(by))
      return respond(error_response(bad_request("\"by\" is required, e.g. \"5s\"")));
    auto amount = *value_of(by);
    with_session(*context, request, std::move(respond),
                 [amount](session::Session& session) -> Reply {
                   auto ran = session.clock().advance(amount);
                   record(session, "advanced", {{"by_ms", amount.count()}, {"ran", ran}});
                   auto body = clock_json(session);
                   body["ran"] = ran;
                   return json_response(200, body);
                 });
  });

  add("POST", clock + "/pause", [context](core::HttpRequest&& request, core::Responder respond) {
    with_session(*context, request, std::move(respond), [](session::Session& session) -> Reply {
      session.clock().pause();
      record(session, "paused", nullptr);
      return json_response(200, clock_json(session));
    });
  });

  add("POST", clock + "/resume", [context](core::HttpRequest&& request, core::Responder respond) {
    with_session(*context, request, std::move(respond), [](session::Session& session) -> Reply {
      session.clock().resume();
      record(session, "resumed", nullptr);
      return json_response(200, clock_json(session));
    });
  });

  add("POST", clock + "/speed", [context](core::HttpRequest&& request, core::Responder respond) {
    auto parsed = parse_object(request.body, {"speed"});
    if (auto* error = std::get_if<ApiError>(&parsed)) return respond(error_response(*error));
    auto speed = positive_number_field(std::get<json>(parsed), "speed");
    if (auto* error = std::get_if<ApiError>(&speed)) return respond(error_response(*error));
    if (!value_of(speed)) return respond(error_response(bad_request("\"speed\" is required")));
    double value = *value_of(speed);
    with_session(
        *context, request, std::move(respond), [value](session::Session& session) -> Reply {
          if (session.clock().mode() == session::ClockMode::stepped) {
            return ApiError{409, "clock_stepped",
                            "a stepped clock has no speed: move it with clock/advance", nullptr};
          }
          session.clock().set_speed(value);
          record(session, "speed", {{"speed", value}});
          return json_response(200, clock_json(session));
        });
  });
}

}  // namespace mockex::admin
