// order_reject: reject a new order with a venue error. code (-2010, the venue error code), msg
// (default: the dialect's message for the code), status (400; an HTTP error status in [400, 599]).
#include <limits>
#include <memory>
#include <utility>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_order_reject(const Params& params) {
  detail::ParamReader in(Kind::order_reject, params);
  const auto code =
      in.integer("code", std::numeric_limits<int>::min(), std::numeric_limits<int>::max(),
                 "a whole number (a venue error code)");
  const auto msg = in.text("msg");
  const auto status = in.integer("status", 400, 599, "an HTTP status in [400, 599]");
  if (auto error = in.finish()) return *error;
  OrderReject effect;
  effect.code = static_cast<int>(code.value_or(-2010));
  effect.msg = msg;
  effect.status = static_cast<int>(status.value_or(400));
  return std::make_unique<FixedEffect>(StageSet{Stage::order_new}, std::move(effect));
}

}  // namespace mockex::fault::kinds
