#pragma once
// What a market source (generator or replay) says happened to one symbol's background market.
// Flat and small on purpose: sources produce millions of these per second. The venue applies
// them to the book's liquidity that belongs to no account.

#include <cstdint>
#include <string>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/timestamp.hpp"

namespace mockex::scenario {

enum class Side : std::uint8_t { buy, sell };  // book side: buy = bids, sell = asks

enum class MarketEventKind : std::uint8_t {
  clear_book,  // drop every background level on both sides (a snapshot follows as `level`s)
  level,       // the background quantity at (side, price) is now `qty`; 0 removes the level
  trade,       // the market traded `qty` at `price`; `side` is the aggressor (taker) side
  mid,         // the generator's reference mid moved to `price` (qty unused)
};

struct MarketEvent {
  core::Timestamp time;      // scenario time
  std::uint32_t symbol = 0;  // index into Scenario::instruments
  MarketEventKind kind = MarketEventKind::level;
  Side side = Side::buy;
  core::Price price;  // at the instrument's price scale
  core::Qty qty;      // at the instrument's qty scale

  friend bool operator==(const MarketEvent&, const MarketEvent&) = default;
};

// One line, stable across versions (golden files depend on it):
// "<micros> <symbol> level buy 3000000 150000" - fixed-point units, no scale applied.
std::string format_event(const MarketEvent& event);
void append_event(std::string& out, const MarketEvent& event);

}  // namespace mockex::scenario
