// cancel_unknown: reject the cancel as an unknown order. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_cancel_unknown(const Params& params) {
  return compile_fixed(Kind::cancel_unknown, params, {Stage::order_cancel}, CancelUnknown{});
}

}  // namespace mockex::fault::kinds
