#include "rest_faults.hpp"

#include "fault_replies.hpp"

namespace mockex::dialect::binance {
namespace {

using Action = core::WireEffect::Action;

struct Apply {
  session::Session& session;
  RestFaults& out;

  void operator()(const fault::Delay& e) const { out.wire.delay += e.delay; }
  void operator()(const fault::ErrorReply& e) const {
    if (!out.instead) {
      out.instead = to_response(fault_error(e, session.scenario(), session.clock().now().millis()));
    }
  }
  void operator()(const fault::Hang&) const { out.instead = silent_response(Action::hang); }
  void operator()(const fault::Reset&) const { out.instead = silent_response(Action::reset); }
  void operator()(const fault::CloseAfterHeaders&) const {
    out.wire.action = Action::close_after_headers;
  }
  void operator()(const fault::Truncate& e) const {
    out.wire.action = Action::truncate;
    // Half of a body we have not seen yet: marked with the largest value, resolved in apply().
    out.wire.keep_bytes = e.keep_bytes ? static_cast<std::size_t>(*e.keep_bytes) : SIZE_MAX;
  }
  void operator()(const fault::Malformed&) const { out.malformed = true; }
  void operator()(const fault::SlowBody& e) const {
    out.wire.action = Action::slow_body;
    out.wire.slow_total = e.total;
    out.wire.chunk_bytes = e.chunk_bytes;
  }
  template <class Other>
  void operator()(const Other&) const {}  // kinds of other stages never fire here
};

}  // namespace

core::HttpResponse silent_response(core::WireEffect::Action action) {
  core::HttpResponse response;
  response.effect.action = action;
  return response;
}

void RestFaults::apply(core::HttpResponse& response) const {
  if (malformed) response.body = malformed_json(std::move(response.body));
  if (wire.empty()) return;
  auto delay = response.effect.delay + wire.delay;
  if (wire.action != Action::none) response.effect = wire;
  response.effect.delay = delay;
  if (response.effect.action == Action::truncate && response.effect.keep_bytes == SIZE_MAX) {
    response.effect.keep_bytes = response.body.size() / 2;
  }
}

std::string_view venue_path(const core::HttpRequest& request) {
  std::string_view path = request.path;
  if (auto id = request.param("session")) {
    auto prefix_size = 3 + id->size();  // "/s/" + id
    if (path.size() >= prefix_size) path.remove_prefix(prefix_size);
  }
  return path;
}

RestFaults decide_rest_faults(session::Session& session, const core::HttpRequest& request,
                              const Params* params, std::string_view api_key) {
  RestFaults out;
  auto path = venue_path(request);
  fault::Point point;
  point.stage = fault::Stage::http_request;
  point.protocol = "http";
  point.method = request.method;
  point.path = path;
  point.api_key = api_key;
  if (params != nullptr) {
    point.symbol = params->peek("symbol").value_or("");
    point.client_order_id =
        params->peek("newClientOrderId").value_or(params->peek("origClientOrderId").value_or(""));
  }
  auto target = [&] { return request.method + " " + std::string(path); };
  for (const auto& fired : session.faults().decide(point, target)) {
    std::visit(Apply{session, out}, fired.effect);
  }
  return out;
}

bool stale_market_data(session::Session& session, const core::HttpRequest& request,
                       const Params* params) {
  if (!session.faults().watches(fault::Stage::market_data) || request.method != "GET") return false;
  auto path = venue_path(request);
  static constexpr std::string_view kMarketData[] = {
      "/api/v3/depth",  "/api/v3/trades", "/api/v3/historicalTrades", "/api/v3/aggTrades",
      "/api/v3/klines", "/api/v3/uiKlines", "/api/v3/avgPrice", "/api/v3/ticker"};
  bool market_data = false;
  for (auto prefix : kMarketData) market_data = market_data || path.starts_with(prefix);
  if (!market_data) return false;
  fault::Point point;
  point.stage = fault::Stage::market_data;
  point.protocol = "http";
  point.method = request.method;
  point.path = path;
  if (params != nullptr) point.symbol = params->peek("symbol").value_or("");
  return session.faults()
      .first<fault::Stale>(point, [&] { return "GET " + std::string(path); })
      .has_value();
}

std::int64_t clock_skew_ms(session::Session& session, const core::HttpRequest& request,
                           std::string_view api_key) {
  if (!session.faults().watches(fault::Stage::time)) return 0;
  fault::Point point;
  point.stage = fault::Stage::time;
  point.protocol = "http";
  point.method = request.method;
  point.path = venue_path(request);
  point.api_key = api_key;
  auto skew = session.faults().first<fault::ClockSkew>(
      point, [&] { return "time " + std::string(point.path); });
  return skew ? skew->second.offset.count() / 1000 : 0;
}

}  // namespace mockex::dialect::binance
