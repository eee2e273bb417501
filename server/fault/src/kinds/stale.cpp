// stale: market data freezes while the market moves on. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_stale(const Params& params) {
  return compile_fixed(Kind::stale, params, {Stage::market_data}, Stale{});
}

}  // namespace mockex::fault::kinds
