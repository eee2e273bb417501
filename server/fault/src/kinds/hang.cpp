// hang: never answer the request. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_hang(const Params& params) {
  return compile_fixed(Kind::hang, params, {Stage::http_request, Stage::ws_api_request}, Hang{});
}

}  // namespace mockex::fault::kinds
