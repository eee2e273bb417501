// ws_drop: do not send the message. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_ws_drop(const Params& params) {
  return compile_fixed(Kind::ws_drop, params, {Stage::ws_out}, Drop{});
}

}  // namespace mockex::fault::kinds
