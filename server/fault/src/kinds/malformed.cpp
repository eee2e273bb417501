// malformed: replace the body or message with invalid JSON. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_malformed(const Params& params) {
  return compile_fixed(Kind::malformed, params, {Stage::http_request, Stage::ws_out}, Malformed{});
}

}  // namespace mockex::fault::kinds
