#pragma once
// One-line text for book events, for journals, debugging and golden tests. Decimals use the
// book's scales, e.g.
//   TRADE id=1 maker=1 taker=2 maker_owner=7 taker_owner=8 maker_side=SELL price=100.00 qty=0.500
//   maker_open=0.000

#include <string>

#include "mockex/book/events.hpp"
#include "mockex/book/types.hpp"

namespace mockex::book {

std::string format_event(const Event& event, const BookConfig& config);
void append_event(std::string& out, const Event& event, const BookConfig& config);

}  // namespace mockex::book
