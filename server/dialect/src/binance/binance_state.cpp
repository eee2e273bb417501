#include "binance_state.hpp"

#include "stream_hub.hpp"

#include <mockex/fault/behavior.hpp>

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

}  // namespace

BinanceState::BinanceState(session::Session& session)
    : limiter(limits_of(session.scenario())),
      key_rng(core::Rng(session.scenario().seed).fork(0x4c4b)),
      streams(std::make_unique<StreamHub>(session)),
      user_data(std::make_unique<UserDataHub>(session, listen_keys)),
      session_(session) {
  activation_token_ = session.on_fault_activation(
      [this](const fault::Spec& spec, const std::string& account) { on_activation(spec, account); });
}

BinanceState::~BinanceState() { session_.unlisten(activation_token_); }

void BinanceState::on_activation(const fault::Spec& spec, const std::string& account) {
  if (spec.kind != fault::Kind::ws_disconnect || !session_.faults().may_fire(spec.name)) return;
  auto behavior = fault::compile(spec.kind, spec.params);
  auto* compiled = std::get_if<std::unique_ptr<fault::Behavior>>(&behavior);
  if (compiled == nullptr) return;
  core::Rng unused(0);  // ws_disconnect decides without randomness
  auto effect = (*compiled)->decide(fault::Point{}, unused);
  const auto* how = std::get_if<fault::WsDisconnect>(&effect);
  if (how == nullptr) return;
  auto api_key = spec.match.api_key.empty() ? account : spec.match.api_key;
  std::vector<std::uint64_t> ended;
  if (!api_key.empty() || spec.match.stream.empty()) ended = user_data->disconnect(api_key, *how);
  if (api_key.empty()) {
    for (auto id : streams->disconnect(spec.match.stream, *how)) ended.push_back(id);
  }
  // The cut of every connection open when the window opens is one fire, so `first: 1` ends
  // them once and spares the connections clients open afterwards.
  if (!ended.empty()) session_.faults().count_fire(spec.name);
  for (auto id : ended) {
    session_.faults().record({{spec.name, spec.kind, *how}}, "ws " + std::to_string(id));
  }
}

BinanceState& binance_state(session::Session& session) {
  return session.dialect_state<BinanceState>(
      [&] { return std::make_unique<BinanceState>(session); });
}

}  // namespace mockex::dialect::binance
