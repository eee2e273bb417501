#include <mockex/sdk/client.hpp>

#include "read_json.hpp"
#include "session_ref_impl.hpp"

namespace mockex::sdk {
namespace {

nlohmann::json spec_json(const SessionSpec& spec) {
  nlohmann::json body = nlohmann::json::object();
  if (!spec.scenario.empty()) body["scenario"] = spec.scenario;
  if (!spec.scenario_yaml.empty()) body["scenario_yaml"] = spec.scenario_yaml;
  if (spec.seed) body["seed"] = *spec.seed;
  if (!spec.clock.empty()) body["clock"] = spec.clock;
  if (spec.speed) body["speed"] = *spec.speed;
  if (spec.start_ms) body["start"] = *spec.start_ms;
  return body;
}

}  // namespace

Client::Client(std::string_view url, ClientOptions options)
    : url_(url), api_(std::make_shared<detail::Api>(url, options)) {}

Session Client::create_session(const SessionSpec& spec) {
  auto info = detail::decoded(api_->post("/sessions", spec_json(spec)), detail::read_session_info);
  auto session = detail::SessionRef::make(api_, info.id);
  return Session(std::move(session), std::move(info), /*owned=*/true);
}

std::vector<SessionInfo> Client::sessions() const {
  return detail::decoded(api_->get("/sessions"), [](const nlohmann::json& answer) {
    std::vector<SessionInfo> out;
    for (const auto& info : answer.at("sessions")) out.push_back(detail::read_session_info(info));
    return out;
  });
}

Session Client::default_session() const { return attach("default"); }

Session Client::attach(const std::string& id) const {
  // Asking for it checks that it exists (404 session_not_found) and fills in its URLs.
  auto session = detail::SessionRef::make(api_, id);
  auto info = detail::decoded(api_->get(session->path), detail::read_session_info);
  return Session(std::move(session), std::move(info), /*owned=*/false);
}

void Client::delete_session(const std::string& id) const {
  api_->remove(detail::SessionRef::make(api_, id)->path);
}

Health Client::health() const {
  return detail::decoded(api_->get_root("/healthz"), [](const nlohmann::json& answer) {
    Health health;
    detail::read(answer, "status", health.status);
    detail::read_optional(answer, "version", health.version);
    detail::read_optional(answer, "uptime_seconds", health.uptime_seconds);
    return health;
  });
}

}  // namespace mockex::sdk
