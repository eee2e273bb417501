#include "ops_routes.hpp"

#include <nlohmann/json.hpp>
#include <prometheus/text_serializer.h>

#include <memory>
#include <string>

namespace mockex::app {
namespace {

std::string_view readiness_name(Readiness readiness) {
  switch (readiness) {
    case Readiness::starting: return "starting";
    case Readiness::ready: return "ready";
    case Readiness::draining: return "draining";
  }
  return "unknown";
}

class EchoHandler : public core::WsHandler {
 public:
  void on_open(std::shared_ptr<core::WsConnection> connection) override {
    connection_ = std::move(connection);
  }
  void on_message(std::string_view message, bool) override {
    connection_->send_text(std::string(message));
  }
  void on_close() override { connection_.reset(); }

 private:
  std::shared_ptr<core::WsConnection> connection_;
};

}  // namespace

void add_ops_routes(transport::Router& router, const OpsState& state,
                    prometheus::Registry& registry) {
  router.add("GET", "/healthz", [&state](core::HttpRequest&&, core::Responder respond) {
    auto uptime = std::chrono::duration<double>(std::chrono::steady_clock::now() - state.started);
    nlohmann::json body = {{"status", "ok"}, {"version", MOCKEX_VERSION},
                           {"uptime_seconds", uptime.count()}};
    respond(core::HttpResponse::json(200, body.dump()));
  });
  router.add("GET", "/readyz", [&state](core::HttpRequest&&, core::Responder respond) {
    auto readiness = state.readiness.load();
    nlohmann::json body = {{"status", readiness_name(readiness)}};
    respond(core::HttpResponse::json(readiness == Readiness::ready ? 200 : 503, body.dump()));
  });
  router.add("GET", "/metrics", [&state, &registry](core::HttpRequest&&, core::Responder respond) {
    if (state.before_scrape) state.before_scrape();
    core::HttpResponse response{200, {}, prometheus::TextSerializer{}.Serialize(registry.Collect()), {}};
    response.set_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    respond(std::move(response));
  });
  router.add_websocket("/_mockex/v1/ws/echo", [](const core::HttpRequest&) -> core::WsAccept {
    return std::make_shared<EchoHandler>();
  });
}

}  // namespace mockex::app
