// clock_skew: offset the server time the dialect reports. ms (required; negative: behind).
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_clock_skew(const Params& params) {
  detail::ParamReader in(Kind::clock_skew, params);
  const auto ms = in.millis("ms", detail::MillisRule::any_sign, true);
  if (auto error = in.finish()) return *error;
  return std::make_unique<FixedEffect>(StageSet{Stage::time}, ClockSkew{*ms});
}

}  // namespace mockex::fault::kinds
