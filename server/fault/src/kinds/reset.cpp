// reset: reset the connection instead of answering. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_reset(const Params& params) {
  return compile_fixed(Kind::reset, params, {Stage::http_request}, Reset{});
}

}  // namespace mockex::fault::kinds
