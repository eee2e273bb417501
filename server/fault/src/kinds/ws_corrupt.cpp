// ws_corrupt: send the WebSocket message corrupted. mode truncate|invalid_json|wrong_type
// (truncate).
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_ws_corrupt(const Params& params) {
  detail::ParamReader in(Kind::ws_corrupt, params);
  const auto mode = in.choice("mode", {"truncate", "invalid_json", "wrong_type"});
  if (auto error = in.finish()) return *error;
  constexpr CorruptMode kModes[] = {CorruptMode::truncate, CorruptMode::invalid_json,
                                    CorruptMode::wrong_type};
  Corrupt effect;
  effect.mode = kModes[mode.value_or(0)];
  return std::make_unique<FixedEffect>(StageSet{Stage::ws_out}, effect);
}

}  // namespace mockex::fault::kinds
