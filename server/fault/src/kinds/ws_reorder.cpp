// ws_reorder: send the message after the next one. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_ws_reorder(const Params& params) {
  return compile_fixed(Kind::ws_reorder, params, {Stage::ws_out}, Reorder{});
}

}  // namespace mockex::fault::kinds
