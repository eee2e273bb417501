#include "admin_harness.hpp"

#include <mockex/scenario/loader.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

namespace mockex::admin::testing {

nlohmann::json Answer::json() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << body;
  return parsed;
}

std::string Answer::header(std::string_view name) const {
  return std::string(core::find_header(headers, name).value_or(""));
}

std::string Answer::error_code() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("error")) return "";
  return parsed["error"].value("code", "");
}

admin::AdminOptions scenario_options(std::string token) {
  admin::AdminOptions options;
  options.scenario_dirs = {MOCKEX_SCENARIOS_DIR};
  options.token = std::move(token);
  return options;
}

AdminHarness::AdminHarness(admin::AdminOptions options, session::RegistryLimits limits)
    : registry(io, limits) {
  auto loaded =
      scenario::load_scenario_file(std::string(MOCKEX_SCENARIOS_DIR) + "/quickstart.yaml");
  EXPECT_TRUE(loaded.ok());
  session::SessionOptions defaults;
  defaults.clock = session::ClockMode::stepped;
  defaults.start = core::Timestamp::from_millis(kStartMs);
  auto made = registry.create_default(
      std::make_shared<const scenario::Scenario>(std::move(*loaded.scenario)), defaults);
  EXPECT_TRUE(std::holds_alternative<std::shared_ptr<session::Session>>(made));
  add_routes(
      [this](std::string method, std::string pattern, core::HttpHandler handler) {
        auto key = method + " " + pattern;
        EXPECT_EQ(routes.count(key), 0u) << "registered twice: " << key;
        routes[key] = std::move(handler);
      },
      registry, std::move(options));
}

AdminHarness::~AdminHarness() {
  // Close every session while the io_context can still run what closing posts.
  registry.close_all();
  io.restart();
  io.poll();
}

Answer AdminHarness::call(const std::string& method, const std::string& pattern,
                          core::PathParams params, std::string body, std::string query,
                          core::HeaderList headers) {
  auto it = routes.find(method + " " + pattern);
  if (it == routes.end()) {
    ADD_FAILURE() << "no route " << method << " " << pattern;
    return {};
  }
  core::HttpRequest request;
  request.method = method;
  request.path = pattern;
  for (const auto& [name, value] : params) {
    auto at = request.path.find("{" + name + "}");
    if (at != std::string::npos) request.path.replace(at, name.size() + 2, value);
  }
  request.query = std::move(query);
  request.target = request.path + (request.query.empty() ? "" : "?" + request.query);
  request.headers = std::move(headers);
  if (!core::find_header(request.headers, "Host"))
    request.headers.emplace_back("Host", "localhost:8765");
  request.body = std::move(body);
  request.remote_address = "127.0.0.1:40000";
  request.params = std::move(params);

  std::optional<core::HttpResponse> response;
  int calls = 0;
  it->second(std::move(request), [&](core::HttpResponse r) {
    ++calls;
    response = std::move(r);
  });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!response && std::chrono::steady_clock::now() < deadline) {
    io.restart();  // run_one() stops the context whenever it runs out of work
    io.run_one_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(calls, 1) << method << " " << pattern << " must respond exactly once";
  if (!response) return {};
  return Answer{response->status, response->headers, response->body};
}

Answer AdminHarness::on(const std::string& id, const std::string& method, const std::string& rest,
                        std::string body, std::string query) {
  core::PathParams params{{"id", id}};
  std::string pattern = "/_mockex/v1/sessions/{id}" + rest;
  if (auto slash = rest.find("/book/"); slash != std::string::npos) {
    params.emplace_back("symbol", rest.substr(slash + 6));
    pattern = "/_mockex/v1/sessions/{id}/book/{symbol}";
  }
  return call(method, pattern, std::move(params), std::move(body), std::move(query));
}

std::string AdminHarness::create_stepped() {
  auto answer = call(
      "POST", "/_mockex/v1/sessions", {},
      R"({"scenario":"quickstart","clock":"stepped","start":)" + std::to_string(kStartMs) + "}");
  EXPECT_EQ(answer.status, 201) << answer.body;
  return answer.json().value("id", "");
}

}  // namespace mockex::admin::testing
