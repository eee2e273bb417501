// ws_refuse: refuse a WebSocket upgrade. status (503; an HTTP error status in [400, 599]).
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_ws_refuse(const Params& params) {
  detail::ParamReader in(Kind::ws_refuse, params);
  const auto status = in.integer("status", 400, 599, "an HTTP status in [400, 599]");
  if (auto error = in.finish()) return *error;
  WsRefuse effect;
  effect.status = static_cast<int>(status.value_or(503));
  return std::make_unique<FixedEffect>(StageSet{Stage::ws_upgrade}, effect);
}

}  // namespace mockex::fault::kinds
