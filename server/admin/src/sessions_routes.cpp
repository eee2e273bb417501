// Sessions: create (from a scenario directory or inline YAML), list, get, delete, reset.

#include "routes.hpp"

#include <mockex/scenario/confined.hpp>
#include <mockex/scenario/loader.hpp>

#include <filesystem>
#include <limits>
#include <optional>
#include <system_error>

namespace mockex::admin {
namespace {

using nlohmann::json;

// A scenario name is a plain file name: no directory parts, no way out of the scenario
// directories.
bool safe_scenario_name(std::string_view name) {
  return !name.empty() && name.front() != '.' && name.find('/') == std::string_view::npos &&
         name.find('\\') == std::string_view::npos && name.find("..") == std::string_view::npos &&
         name.find('\0') == std::string_view::npos;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The file of scenario `name` in the first directory that has it: a path inside that directory
// once symlinks are followed, or an error (404 when no directory has it, 403 when the file found
// is a symlink leading out of its directory).
std::variant<std::string, ApiError> find_scenario_file(const std::vector<std::string>& dirs,
                                                       const std::string& name) {
  std::vector<std::string> candidates;
  if (ends_with(name, ".yaml") || ends_with(name, ".yml")) {
    candidates = {name};
  } else {
    candidates = {name + ".yaml", name + ".yml"};
  }
  for (const auto& dir : dirs) {
    for (const auto& file : candidates) {
      auto path = std::filesystem::path(dir) / file;
      std::error_code ec;
      if (!std::filesystem::is_regular_file(path, ec)) continue;
      if (auto inside = scenario::confined_path(path.string(), {dir})) return *inside;
      return ApiError{403, "scenario_outside_dirs",
                      "scenario \"" + name + "\" leads out of its scenario directory", nullptr};
    }
  }
  return ApiError{404, "scenario_not_found", "no scenario \"" + name + "\"", nullptr};
}

ApiError scenario_errors(const scenario::Diagnostics& diagnostics) {
  json errors = json::array();
  for (const auto& diagnostic : diagnostics) errors.push_back(diagnostic.to_string());
  std::string message =
      diagnostics.empty() ? "the scenario is invalid" : diagnostics.front().to_string();
  if (diagnostics.size() > 1) {
    message += " (and " + std::to_string(diagnostics.size() - 1) + " more)";
  }
  return ApiError{422, "invalid_scenario", std::move(message), json{{"errors", errors}}};
}

std::optional<session::ClockMode> parse_clock_mode(std::string_view text) {
  if (text == "realtime") return session::ClockMode::realtime;
  if (text == "accelerated") return session::ClockMode::accelerated;
  if (text == "stepped") return session::ClockMode::stepped;
  return std::nullopt;
}

// The scenario a create request names, loaded, or what is wrong with the request.
std::variant<std::shared_ptr<const scenario::Scenario>, ApiError> load_requested(
    const AdminContext& context, const json& body) {
  auto name = string_field(body, "scenario");
  auto yaml = string_field(body, "scenario_yaml");
  if (has_error(name)) return std::get<ApiError>(name);
  if (has_error(yaml)) return std::get<ApiError>(yaml);
  if (value_of(name) && value_of(yaml)) {
    return bad_request("give either \"scenario\" or \"scenario_yaml\", not both");
  }
  const auto& dirs = context.options.scenario_dirs;
  scenario::LoadResult loaded;
  if (const auto* text = value_of(yaml)) {
    if (text->size() > context.options.max_scenario_bytes) {
      return ApiError{413, "scenario_too_large",
                      "the inline scenario is " + std::to_string(text->size()) +
                          " bytes; the limit is " +
                          std::to_string(context.options.max_scenario_bytes),
                      nullptr};
    }
    scenario::LoadOptions options;
    if (!dirs.empty()) options.base_dir = dirs.front();
    options.check_files = true;
    options.allowed_dirs = dirs;
    loaded = scenario::load_scenario_string(*text, "<inline>", options);
  } else if (const auto* file = value_of(name)) {
    if (!safe_scenario_name(*file)) {
      return ApiError{400, "invalid_scenario_name",
                      "a scenario name is a file name in a scenario directory, without '/', '\\', "
                      "'..' or a leading '.'",
                      nullptr};
    }
    auto path = find_scenario_file(dirs, *file);
    if (auto* error = std::get_if<ApiError>(&path)) return std::move(*error);
    loaded = scenario::load_scenario_file(std::get<std::string>(path), dirs);
  } else {
    return bad_request("give \"scenario\" (a name) or \"scenario_yaml\" (the text)");
  }
  if (!loaded.ok()) return scenario_errors(loaded.errors);
  return std::make_shared<const scenario::Scenario>(std::move(*loaded.scenario));
}

// The overrides of a create request.
std::variant<session::SessionOptions, ApiError> read_overrides(const json& body) {
  session::SessionOptions options;
  auto seed = uint_field(body, "seed");
  if (has_error(seed)) return std::get<ApiError>(seed);
  if (const auto* value = value_of(seed)) options.seed = *value;
  auto clock = string_field(body, "clock");
  if (has_error(clock)) return std::get<ApiError>(clock);
  if (const auto* value = value_of(clock)) {
    options.clock = parse_clock_mode(*value);
    if (!options.clock) {
      return bad_request("\"clock\" must be \"realtime\", \"accelerated\" or \"stepped\"");
    }
  }
  auto speed = positive_number_field(body, "speed");
  if (has_error(speed)) return std::get<ApiError>(speed);
  if (const auto* value = value_of(speed)) options.speed = *value;
  auto start = int_field(body, "start");
  if (has_error(start)) return std::get<ApiError>(start);
  if (const auto* value = value_of(start)) {
    // Scenario time is in microseconds: keep the product inside int64.
    if (*value < 0 || *value > std::numeric_limits<std::int64_t>::max() / 1000) {
      return bad_request("\"start\" must be epoch milliseconds >= 0");
    }
    options.start = core::Timestamp::from_millis(*value);
  }
  return options;
}

void create_session(const AdminContext& context, core::HttpRequest&& request,
                    const core::Responder& respond) {
  // Refused before the body is read: past the limit, asking again and again must cost a lookup,
  // not a scenario load each (tens of milliseconds for a large inline one).
  if (auto refused = context.registry->refusal()) {
    return respond(
        error_response(ApiError{refused->status, refused->code, refused->message, nullptr}));
  }
  auto parsed = parse_object(request.body);
  if (auto* error = std::get_if<ApiError>(&parsed)) return respond(error_response(*error));
  const auto& body = std::get<json>(parsed);
  if (auto error =
          check_fields(body, {"scenario", "scenario_yaml", "seed", "clock", "speed", "start"})) {
    return respond(error_response(*error));
  }
  auto overrides = read_overrides(body);
  if (auto* error = std::get_if<ApiError>(&overrides)) return respond(error_response(*error));
  auto scenario = load_requested(context, body);
  if (auto* error = std::get_if<ApiError>(&scenario)) return respond(error_response(*error));

  auto made = context.registry->create(
      std::get<std::shared_ptr<const scenario::Scenario>>(std::move(scenario)),
      std::get<session::SessionOptions>(std::move(overrides)));
  if (auto* error = std::get_if<session::RegistryError>(&made)) {
    return respond(error_response(ApiError{error->status, error->code, error->message, nullptr}));
  }
  auto session = std::get<std::shared_ptr<session::Session>>(std::move(made));
  auto response = json_response(201, info_json(context, *session, request));
  response.set_header("Location", std::string(kPrefix) + "/sessions/" + session->id());
  respond(std::move(response));
}

void list_sessions(const AdminContext& context, const core::HttpRequest& request,
                   const core::Responder& respond) {
  json sessions = json::array();
  for (const auto& session : context.registry->list()) {
    if (!session->closed()) sessions.push_back(info_json(context, *session, request));
  }
  respond(json_response(200, {{"sessions", std::move(sessions)}}));
}

// Info plus what only the strand may read: the clock, the player's progress, the journal's size.
json detail_json(const AdminContext& context, session::Session& session,
                 const core::HttpRequest& request) {
  auto body = info_json(context, session, request);
  body["clock_state"] = clock_json(session);
  body["finished"] = session.player().finished();
  body["open_fault_windows"] = session.player().open_fault_windows();
  body["journal"] = {{"entries", session.journal().size()},
                     {"last_seq", session.journal().last_seq()},
                     {"dropped", session.journal().dropped()}};
  return body;
}

void get_session(const AdminContext& context, core::HttpRequest&& request,
                 const core::Responder& respond) {
  auto shared = std::make_shared<core::HttpRequest>(std::move(request));
  // The context outlives every handler (the routes hold it).
  with_session(context, *shared, respond, [&context, shared](session::Session& session) -> Reply {
    return json_response(200, detail_json(context, session, *shared));
  });
}

void delete_session(const AdminContext& context, const core::HttpRequest& request,
                    const core::Responder& respond) {
  std::string id(request.param("id").value_or(""));
  auto session = context.registry->find(id);
  if (!session || session->closed()) return respond(error_response(session_not_found(id)));
  if (session == context.registry->default_session()) {
    return respond(error_response(ApiError{
        409, "default_session", "the default session cannot be deleted; reset it", nullptr}));
  }
  if (!context.registry->remove(session->id())) {
    return respond(error_response(session_not_found(id)));
  }
  respond(core::HttpResponse{204, {}, {}, {}});
}

void reset_session(const AdminContext& context, core::HttpRequest&& request,
                   const core::Responder& respond) {
  auto shared = std::make_shared<core::HttpRequest>(std::move(request));
  with_session(context, *shared, respond, [&context, shared](session::Session& session) -> Reply {
    if (auto error = session.reset()) {
      return ApiError{409, "reset_failed", *error, nullptr};
    }
    return json_response(200, detail_json(context, session, *shared));
  });
}

}  // namespace

void add_sessions_routes(const RouteAdder& add, const ContextPtr& context) {
  const std::string sessions = std::string(kPrefix) + "/sessions";
  add("POST", sessions, [context](core::HttpRequest&& request, core::Responder respond) {
    create_session(*context, std::move(request), respond);
  });
  add("GET", sessions, [context](core::HttpRequest&& request, core::Responder respond) {
    list_sessions(*context, request, respond);
  });
  add("GET", sessions + "/{id}", [context](core::HttpRequest&& request, core::Responder respond) {
    get_session(*context, std::move(request), respond);
  });
  add("DELETE", sessions + "/{id}",
      [context](core::HttpRequest&& request, core::Responder respond) {
        delete_session(*context, request, respond);
      });
  add("POST", sessions + "/{id}/reset",
      [context](core::HttpRequest&& request, core::Responder respond) {
        reset_session(*context, std::move(request), respond);
      });
}

}  // namespace mockex::admin
