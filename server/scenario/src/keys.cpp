#include "mockex/scenario/keys.hpp"

#include <array>

namespace mockex::scenario {

namespace {

using K = std::string_view;

constexpr std::array<K, 11> kRoot = {"name",        "description", "seed",   "dialect",
                                     "clock",       "instruments", "accounts", "market",
                                     "rate_limits", "timeline",    "strict_params"};
constexpr std::array<K, 4> kClock = {"mode", "speed", "start", "duration"};
constexpr std::array<K, 13> kInstrument = {
    "symbol",     "base",           "quote",         "base_precision", "quote_precision",
    "status",     "fill_model",     "price",         "lot",            "market_lot",
    "notional",   "max_num_orders", "max_num_algo_orders"};
constexpr std::array<K, 3> kPriceFilter = {"tick", "min", "max"};
constexpr std::array<K, 3> kLotFilter = {"step", "min", "max"};
constexpr std::array<K, 2> kMarketLot = {"min", "max"};
constexpr std::array<K, 4> kNotional = {"min", "max", "apply_min_to_market", "apply_max_to_market"};
constexpr std::array<K, 4> kAccount = {"api_key", "secret", "balances", "commission"};
constexpr std::array<K, 2> kCommission = {"maker", "taker"};
constexpr std::array<K, 3> kMarket = {"book", "random_walk", "replay"};
constexpr std::array<K, 2> kBook = {"bids", "asks"};
constexpr std::array<K, 10> kRandomWalk = {"mid",         "volatility",    "drift",
                                           "spread_bps",  "levels",        "level_spacing",
                                           "level_size",  "update_interval", "trade_rate",
                                           "trade_size"};
constexpr std::array<K, 6> kSize = {"distribution", "value", "min", "max", "median", "sigma"};
constexpr std::array<K, 3> kReplay = {"file", "speed", "loop"};
constexpr std::array<K, 4> kRateLimit = {"type", "interval", "interval_num", "limit"};
constexpr std::array<K, 8> kEntry = {"at",     "shock",       "halt", "resume", "liquidity",
                                     "spread", "set_balance", "fault"};
constexpr std::array<K, 3> kShock = {"symbol", "pct", "over"};
constexpr std::array<K, 1> kSymbolOnly = {"symbol"};
constexpr std::array<K, 2> kLiquidity = {"symbol", "factor"};
constexpr std::array<K, 3> kSpread = {"symbol", "factor", "bps"};
constexpr std::array<K, 3> kSetBalance = {"account", "asset", "amount"};
constexpr std::array<K, 10> kFault = {"name", "kind",  "params", "match", "probability",
                                      "for",  "first", "every",  "after", "trigger"};
constexpr std::array<K, 5> kTrigger = {"on", "match", "count", "delay", "scope"};
constexpr std::array<K, 3> kTriggerMatch = {"symbol", "api_key", "client_order_id"};
constexpr std::array<K, 8> kMatch = {"http",   "stream",   "event",    "ws_api",
                                     "symbol", "api_key", "protocol", "client_order_id"};

const std::array<KeySection, 27> kSections = {{
    {"", kRoot},
    {"clock", kClock},
    {"instruments[]", kInstrument},
    {"instruments[].price", kPriceFilter},
    {"instruments[].lot", kLotFilter},
    {"instruments[].market_lot", kMarketLot},
    {"instruments[].notional", kNotional},
    {"accounts[]", kAccount},
    {"accounts[].commission", kCommission},
    {"market.*", kMarket},
    {"market.*.book", kBook},
    {"market.*.random_walk", kRandomWalk},
    {"market.*.random_walk.level_size", kSize},
    {"market.*.random_walk.trade_size", kSize},
    {"market.*.replay", kReplay},
    {"rate_limits[]", kRateLimit},
    {"timeline[]", kEntry},
    {"timeline[].shock", kShock},
    {"timeline[].halt", kSymbolOnly},
    {"timeline[].resume", kSymbolOnly},
    {"timeline[].liquidity", kLiquidity},
    {"timeline[].spread", kSpread},
    {"timeline[].set_balance", kSetBalance},
    {"timeline[].fault", kFault},
    {"timeline[].fault.match", kMatch},
    {"timeline[].fault.trigger", kTrigger},
    {"timeline[].fault.trigger.match", kTriggerMatch},
}};
}  // namespace

std::span<const KeySection> key_sections() { return kSections; }

std::span<const std::string_view> keys_at(std::string_view path) {
  for (const auto& section : kSections) {
    if (section.path == path) return section.keys;
  }
  return {};
}

}  // namespace mockex::scenario
