// Binance REST: the legacy listenKey endpoints (spec §7.5). USER_STREAM security: the API key
// only, never signed. Binance retired them, but clients still call them.

#include "rest_context.hpp"

#include <optional>

namespace mockex::dialect::binance {
namespace {

using nlohmann::json;

constexpr std::int64_t key_lifetime_ms = 60 * 60 * 1000;

std::string new_key(core::Rng& rng) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string key(60, ' ');
  for (auto& c : key) c = alphabet[rng.below(sizeof(alphabet) - 1)];
  return key;
}

// The account's live key, if any; expired keys are forgotten first.
std::optional<std::string> live_key_of(BinanceState& state, core::AccountId account,
                                       std::int64_t now_ms) {
  std::erase_if(state.listen_keys,
                [&](const auto& entry) { return entry.second.expires_ms <= now_ms; });
  for (const auto& [key, entry] : state.listen_keys) {
    if (entry.account == account) return key;
  }
  return std::nullopt;
}

RestResult create(RestCall& call) {
  auto& state = call.state;
  auto key = live_key_of(state, call.account, call.now_ms).value_or(std::string());
  if (key.empty()) key = new_key(state.key_rng);
  state.listen_keys[key] = {call.account, call.now_ms + key_lifetime_ms};
  return json{{"listenKey", key}};
}

// PUT (keepalive) and DELETE: the key must be the caller's and still live, else -1125.
RestResult keep_or_close(RestCall& call, bool close) {
  auto key = call.params.non_empty("listenKey");
  if (!key) return make_error(Error::mandatory_parameter, {"listenKey"});
  live_key_of(call.state, call.account, call.now_ms);  // drop expired keys
  auto found = call.state.listen_keys.find(*key);
  if (found == call.state.listen_keys.end() || found->second.account != call.account) {
    return make_error(Error::unknown_listen_key);
  }
  if (close) {
    call.state.listen_keys.erase(found);
  } else {
    found->second.expires_ms = call.now_ms + key_lifetime_ms;
  }
  return json::object();
}

}  // namespace

void add_user_stream_routes(const core::RouteAdder& add, session::SessionRegistry& registry) {
  auto route = [&](const std::string& method, RestBody body) {
    add_both(add, method, "/api/v3/userDataStream",
             rest_handler(registry, fixed_weight(2), std::move(body), Security::user_stream));
  };
  route("POST", create);
  route("PUT", [](RestCall& call) { return keep_or_close(call, false); });
  route("DELETE", [](RestCall& call) { return keep_or_close(call, true); });
}

}  // namespace mockex::dialect::binance
