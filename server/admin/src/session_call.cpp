#include "session_call.hpp"

#include <boost/asio/post.hpp>

#include <exception>

namespace mockex::admin {
namespace {

std::string host_of(const core::HttpRequest& request) {
  auto host = request.header("Host");
  if (!host || host->empty()) return "localhost";
  return std::string(*host);
}

}  // namespace

ApiError session_not_found(std::string_view id) {
  return ApiError{404, "session_not_found", "no session \"" + std::string(id) + "\"", nullptr};
}

void respond_with(const core::Responder& respond, Reply reply) {
  if (auto* error = std::get_if<ApiError>(&reply)) {
    respond(error_response(*error));
  } else {
    respond(std::get<core::HttpResponse>(std::move(reply)));
  }
}

void with_session(const AdminContext& context, const core::HttpRequest& request,
                  core::Responder respond, SessionWork work) {
  std::string id(request.param("id").value_or(""));
  auto session = context.registry->find(id);
  if (!session) {
    respond(error_response(session_not_found(id)));
    return;
  }
  boost::asio::post(
      session->executor(), [session, id, respond = std::move(respond), work = std::move(work)] {
        if (session->closed()) {
          respond(error_response(session_not_found(id)));
          return;
        }
        Reply reply = ApiError{500, "internal", "the handler did not answer", nullptr};
        try {
          session->clock().catch_up();
          reply = work(*session);
        } catch (const std::exception& e) {
          // The strand must survive a bug in one handler; the client gets a 500, not a hang.
          reply = ApiError{500, "internal", e.what(), nullptr};
        }
        if (auto* response = std::get_if<core::HttpResponse>(&reply);
            response && response->status < 400) {
          session->touch();
        }
        respond_with(respond, std::move(reply));
      });
}

nlohmann::json info_json(const AdminContext& context, const session::Session& session,
                         const core::HttpRequest& request) {
  auto info = session.info();
  auto host = host_of(request);
  if (context.options.exchange_port) {
    // "[::1]:9001" or "localhost:9001": keep the host, name the exchange port.
    auto colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
      host.resize(colon);
    }
    host += ":" + std::to_string(*context.options.exchange_port);
  }
  bool is_default = info.id == "default";
  // The default session answers at the root of the exchange port, the others under /s/{id}.
  std::string prefix = is_default ? "" : "/s/" + info.id;
  return {
      {"id", info.id},
      {"default", is_default},
      {"scenario", info.scenario},
      {"seed", info.seed},
      {"clock", std::string(session::to_string(info.clock))},
      {"start", info.start.millis()},
      {"created", info.created_wall_ms},
      {"rest_url", "http://" + host + prefix},
      {"ws_url", "ws://" + host + prefix + "/ws"},
      {"ws_api_url", "ws://" + host + prefix + "/ws-api/v3"},
  };
}

nlohmann::json clock_json(session::Session& session) {
  auto& clock = session.clock();
  return {{"now", clock.now().millis()},
          {"mode", std::string(session::to_string(clock.mode()))},
          {"paused", clock.paused()},
          {"speed", clock.speed()}};
}

}  // namespace mockex::admin
