// ws_no_pong: the connection stops answering pings. No parameters.
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_ws_no_pong(const Params& params) {
  return compile_fixed(Kind::ws_no_pong, params, {Stage::ws_out}, WsNoPong{});
}

}  // namespace mockex::fault::kinds
