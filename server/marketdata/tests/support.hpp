#pragma once
// Shared helpers for the marketdata tests: one symbol with small scales, trades by literal.

#include <cstdint>

#include "mockex/marketdata/market_data.hpp"

namespace mockex::marketdata::testing {

inline constexpr venue::SymbolId kSym{0};
// Prices with 2 decimals, quantities with 3, quote amounts with 4.
inline constexpr SymbolScales kScales{core::Scale{2}, core::Scale{3}, core::Scale{4}};

// 2024-02-29T13:45:00.000Z, a minute boundary.
inline constexpr std::int64_t kT0 = 1709214300000;
inline constexpr std::int64_t kMinuteMs = 60'000;
inline constexpr std::int64_t kHourMs = 60 * kMinuteMs;

inline core::Timestamp at_ms(std::int64_t ms) { return core::Timestamp::from_millis(ms); }

// A trade of `qty_units` at `price_units`; the buyer is the taker unless buyer_is_maker.
inline venue::PublicTrade trade(std::uint64_t id, std::int64_t price_units, std::int64_t qty_units,
                                std::int64_t ms, bool buyer_is_maker = false) {
  venue::PublicTrade t;
  t.symbol = kSym;
  t.id = core::TradeId{id};
  t.price = core::Price{price_units};
  t.qty = core::Qty{qty_units};
  t.buyer_is_maker = buyer_is_maker;
  t.time = at_ms(ms);
  return t;
}

inline MarketData make_market_data(MarketDataLimits limits = {}) {
  MarketData md(limits);
  md.add_symbol(kSym, kScales);
  return md;
}

}  // namespace mockex::marketdata::testing
