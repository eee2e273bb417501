#pragma once
// Exact decimal text for the values only this module produces.

#include <string>

#include "mockex/marketdata/records.hpp"

namespace mockex::marketdata {

// Three decimals, as Binance prints priceChangePercent: "-95.960", "0.000", "1.234".
std::string format_percent(Percent percent);

}  // namespace mockex::marketdata
