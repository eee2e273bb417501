// lag: deliver outgoing WebSocket events late, keeping their original event times. ms (required,
// >= 0).
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_lag(const Params& params) {
  detail::ParamReader in(Kind::lag, params);
  const auto ms = in.millis("ms", detail::MillisRule::non_negative, true);
  if (auto error = in.finish()) return *error;
  return std::make_unique<FixedEffect>(StageSet{Stage::ws_out}, Lag{*ms});
}

}  // namespace mockex::fault::kinds
