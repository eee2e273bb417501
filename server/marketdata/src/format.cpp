#include "mockex/marketdata/format.hpp"

#include "mockex/core/decimal.hpp"

namespace mockex::marketdata {

std::string format_percent(Percent percent) {
  return core::format_decimal(percent.units, Percent::kScale);
}

}  // namespace mockex::marketdata
