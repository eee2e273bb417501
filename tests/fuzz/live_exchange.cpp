#include "live_exchange.hpp"

#include "checks.hpp"

#include <mockex/scenario/loader.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace mockex::fuzz {
namespace {

constexpr auto kAnswerDeadline = std::chrono::seconds(5);

// What one dispatched request came to; shared with its responder, which may outlive serve().
struct Outcome {
  std::string what;  // "METHOD target", for failure messages
  std::optional<core::HttpResponse> response;
};

session::RegistryLimits small_limits() {
  session::RegistryLimits limits;
  limits.max_sessions = 16;  // an input can make a few sessions, not exhaust memory with them
  return limits;
}

}  // namespace

std::string scenarios_dir() { return MOCKEX_SCENARIOS_DIR; }

std::shared_ptr<const scenario::Scenario> quickstart() {
  static const auto loaded = [] {
    auto result = scenario::load_scenario_file(scenarios_dir() + "/quickstart.yaml");
    if (!result.ok()) {
      fail("scenarios/quickstart.yaml does not load", result.errors.front().to_string());
    }
    return std::make_shared<const scenario::Scenario>(std::move(*result.scenario));
  }();
  return loaded;
}

session::SessionOptions stepped_options() {
  session::SessionOptions options;
  options.clock = session::ClockMode::stepped;
  options.start = core::Timestamp::from_millis(kStartMs);
  return options;
}

LiveExchange::LiveExchange() : registry_(io_, small_limits()) {
  auto made = registry_.create_default(quickstart(), stepped_options());
  if (auto* error = std::get_if<session::RegistryError>(&made)) {
    fail("the default session cannot be made", error->message);
  }
}

LiveExchange::~LiveExchange() {
  registry_.close_all();
  run_ready();
}

core::RouteAdder LiveExchange::route_adder() {
  return [this](std::string method, std::string pattern, core::HttpHandler handler) {
    router_.add(std::move(method), std::move(pattern), std::move(handler));
  };
}

core::HttpResponse LiveExchange::serve(core::HttpRequest request) {
  auto match = router_.match(request.method, request.path);
  if (match.handler == nullptr) {
    trace(request.method + " " + request.target, "no route: " + match.error->body);
    return std::move(*match.error);
  }
  request.params = std::move(match.params);

  auto outcome = std::make_shared<Outcome>();
  outcome->what = request.method + " " + request.target;
  // Lives exactly as long as the responder and its copies: expired and unanswered means the
  // handler dropped the request (the transport would send a 500 for it).
  auto held = std::make_shared<char>();
  std::weak_ptr<char> responder_alive = held;
  (*match.handler)(std::move(request), [outcome, held](core::HttpResponse response) {
    if (outcome->response) fail("answered twice", outcome->what);
    outcome->response = std::move(response);
  });
  held.reset();

  auto deadline = std::chrono::steady_clock::now() + kAnswerDeadline;
  while (!outcome->response) {
    if (responder_alive.expired()) fail("dropped without an answer", outcome->what);
    if (std::chrono::steady_clock::now() > deadline) fail("unanswered after 5 s", outcome->what);
    io_.restart();  // poll() and run_one_for() stop the context whenever it runs out of work
    if (io_.poll() == 0) io_.run_one_for(std::chrono::milliseconds(10));
  }
  trace(outcome->what, std::to_string(outcome->response->status) + " " + outcome->response->body);
  return std::move(*outcome->response);
}

void LiveExchange::run_ready() {
  io_.restart();
  io_.poll();
}

}  // namespace mockex::fuzz
