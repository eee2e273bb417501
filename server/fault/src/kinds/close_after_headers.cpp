// close_after_headers: send the headers, then close. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_close_after_headers(const Params& params) {
  return compile_fixed(Kind::close_after_headers, params, {Stage::http_request},
                       CloseAfterHeaders{});
}

}  // namespace mockex::fault::kinds
