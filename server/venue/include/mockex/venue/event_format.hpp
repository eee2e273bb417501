#pragma once
// One-line text for venue events, for journals, debugging and golden tests. Decimals use the
// instrument's and assets' scales; times are scenario milliseconds. E.g.
//   ORDER BTCUSDT #1 x=TRADE X=FILLED acct=1 c=a1 BUY LIMIT GTC p=100.00 q=1.000 z=1.000 Z=100.0000 fill=1:100.00x1.000 fee=0.00100000BTC taker T=1000

#include <string>

#include "mockex/venue/events.hpp"
#include "mockex/venue/venue.hpp"

namespace mockex::venue {

std::string format_event(const Event& event, const Venue& venue);
void append_event(std::string& out, const Event& event, const Venue& venue);

}  // namespace mockex::venue
