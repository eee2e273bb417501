// ws_disconnect: close the WebSocket instead of sending the message. code (1001; a close code in
// [1000, 4999] that may be sent: not 1004-1006 or 1015), abrupt (false; true: drop the TCP
// connection without a close frame).
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

namespace {

// RFC 6455 7.4.1: 1004 is reserved; 1005, 1006 and 1015 must never be sent in a close frame.
bool sendable(std::int64_t code) { return !(code >= 1004 && code <= 1006) && code != 1015; }

}  // namespace

CompileResult compile_ws_disconnect(const Params& params) {
  detail::ParamReader in(Kind::ws_disconnect, params);
  constexpr std::string_view expected =
      "a close code in [1000, 4999], not 1004, 1005, 1006 or 1015";
  const auto code = in.integer("code", 1000, 4999, expected);
  if (code && !sendable(*code)) in.fail("code", "must be " + std::string(expected));
  const auto abrupt = in.boolean("abrupt");
  if (auto error = in.finish()) return *error;
  WsDisconnect effect;
  effect.code = static_cast<int>(code.value_or(1001));
  effect.abrupt = abrupt.value_or(false);
  return std::make_unique<FixedEffect>(StageSet{Stage::ws_out}, effect);
}

}  // namespace mockex::fault::kinds
