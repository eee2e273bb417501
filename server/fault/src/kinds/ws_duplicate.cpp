// ws_duplicate: send the message twice. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_ws_duplicate(const Params& params) {
  return compile_fixed(Kind::ws_duplicate, params, {Stage::ws_out}, Duplicate{});
}

}  // namespace mockex::fault::kinds
