// ack_lost: place a new order but lose its acknowledgement, so the client must reconcile. mode
// drop|hang|error (error).
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_ack_lost(const Params& params) {
  detail::ParamReader in(Kind::ack_lost, params);
  const auto mode = in.choice("mode", {"drop", "hang", "error"});
  if (auto error = in.finish()) return *error;
  constexpr AckLostMode kModes[] = {AckLostMode::drop, AckLostMode::hang, AckLostMode::error};
  AckLost effect;
  effect.mode = kModes[mode.value_or(2)];
  return std::make_unique<FixedEffect>(StageSet{Stage::order_new}, effect);
}

}  // namespace mockex::fault::kinds
