#pragma once
// What the Binance dialect keeps in one session (Session::dialect_state): rate-limit windows,
// legacy listen keys, the market streams' hub and the user data hub. Made on first use; on the
// session's strand.

#include "user_data_hub.hpp"

#include <mockex/core/rng.hpp>
#include <mockex/dialect/binance/rate_limits.hpp>
#include <mockex/session/session.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace mockex::dialect::binance {

class StreamHub;

struct BinanceState {
  explicit BinanceState(session::Session& session);
  ~BinanceState();
  RateLimiter limiter;

  // Legacy user data stream keys (spec §7.5): one per account, valid 60 minutes of scenario time
  // from its creation or last keepalive.
  ListenKeys listen_keys;
  core::Rng key_rng;  // seeded from the session's seed, so keys repeat run after run

  std::unique_ptr<StreamHub> streams;
  std::unique_ptr<UserDataHub> user_data;
  std::uint64_t next_connection = 1;  // WebSocket connection ids, per session

  // A stale fault's frozen REST market data: the first answer to each path and query while the
  // fault holds, served again until it lets go.
  std::map<std::string, core::HttpResponse, std::less<>> stale_answers;

 private:
  // A ws_disconnect rule whose window opens ends the matching open connections at once.
  void on_activation(const fault::Spec& spec, const std::string& account);

  session::Session& session_;
  std::uint64_t activation_token_ = 0;
};

// The session's Binance state, made on first use.
BinanceState& binance_state(session::Session& session);

}  // namespace mockex::dialect::binance
