#include "rest_context.hpp"

#include <boost/asio/post.hpp>

namespace mockex::dialect::binance {
namespace {

RateLimitConfig limits_of(const scenario::Scenario& scenario) {
  RateLimitConfig config;
  config.limits.clear();
  for (const auto& limit : scenario.rate_limits) {
    config.limits.push_back(
        {static_cast<RateLimit::Type>(limit.type), static_cast<RateLimit::Interval>(limit.interval),
         static_cast<int>(limit.interval_num), static_cast<std::int64_t>(limit.limit)});
  }
  return config;
}

core::HttpResponse json_response(int status, const nlohmann::json& body) {
  core::HttpResponse response{
      status, {}, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
  response.set_header("Content-Type", std::string(json_content_type));
  return response;
}

void add_headers(core::HttpResponse& response, const core::HeaderList& headers) {
  for (const auto& [name, value] : headers) response.set_header(name, value);
}

}  // namespace

BinanceState::BinanceState(const scenario::Scenario& scenario) : limiter(limits_of(scenario)) {}

std::string client_ip(const core::HttpRequest& request) {
  const auto& remote = request.remote_address;
  auto colon = remote.rfind(':');
  return colon == std::string::npos ? remote : remote.substr(0, colon);
}

core::HttpHandler rest_handler(session::SessionRegistry& registry, Weight weight, RestBody body) {
  return [&registry, weight = std::move(weight), body = std::move(body)](
             core::HttpRequest&& request, core::Responder respond) {
    auto id = request.param("session");
    auto session = id ? registry.find(*id) : registry.default_session();
    if (!session || session->closed()) {
      auto error = make_error(Error::not_found, {request.path});
      error.msg = "Unknown session: " + std::string(id.value_or("default"));
      respond(to_response(error));
      return;
    }
    auto parsed = Params::parse(request.query, request.body);
    boost::asio::post(session->executor(), [session, &weight, &body,
                                            request = std::move(request),
                                            parsed = std::move(parsed),
                                            respond = std::move(respond)]() mutable {
      if (session->closed()) {
        respond(to_response(make_error(Error::unknown)));
        return;
      }
      session->touch();
      session->clock().catch_up();
      auto now_ms = session->clock().now().millis();
      auto& state = session->dialect_state<BinanceState>(
          [&] { return std::make_unique<BinanceState>(session->scenario()); });
      if (auto* error = std::get_if<ApiError>(&parsed)) {
        respond(to_response(*error));
        return;
      }
      const auto& params = std::get<Params>(parsed);
      auto charge = state.limiter.charge_request(client_ip(request), weight(params), now_ms);
      if (charge.refusal) {
        respond(to_response(*charge.refusal));
        return;
      }
      RestCall call{*session, state, request, params, now_ms};
      auto result = body(call);
      core::HttpResponse response = std::holds_alternative<ApiError>(result)
                                        ? to_response(std::get<ApiError>(result))
                                        : json_response(200, std::get<nlohmann::json>(result));
      add_headers(response, charge.headers);
      respond(std::move(response));
    });
  };
}

void add_both(const core::RouteAdder& add, const std::string& method, const std::string& pattern,
              const core::HttpHandler& handler) {
  add(method, pattern, handler);
  add(method, "/s/{session}" + pattern, handler);
}

}  // namespace mockex::dialect::binance
