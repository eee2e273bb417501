// fill_delay: delay a new order's fills (scenario time). ms (required, >= 0), what match|report
// (match: the order's matching waits ms; report: it fills at once, but its executionReport goes
// out ms after the REST response).
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_fill_delay(const Params& params) {
  detail::ParamReader in(Kind::fill_delay, params);
  const auto ms = in.millis("ms", detail::MillisRule::non_negative, true);
  const auto what = in.choice("what", {"match", "report"});
  if (auto error = in.finish()) return *error;
  FillDelay effect;
  effect.delay = *ms;
  effect.report_only = what.value_or(0) == 1;
  return std::make_unique<FixedEffect>(StageSet{Stage::order_new}, effect);
}

}  // namespace mockex::fault::kinds
