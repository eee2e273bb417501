#include "binance_state.hpp"

#include "stream_hub.hpp"

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
      user_data(std::make_unique<UserDataHub>(session, listen_keys)) {}

BinanceState::~BinanceState() = default;

BinanceState& binance_state(session::Session& session) {
  return session.dialect_state<BinanceState>(
      [&] { return std::make_unique<BinanceState>(session); });
}

}  // namespace mockex::dialect::binance
