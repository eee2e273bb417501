// partial_fill: fill only part of a new order. ratio (0.5, in (0, 1)): the filled share of its
// quantity; the text is kept so the venue can apply it in exact decimal arithmetic.
#include <memory>
#include <string>
#include <utility>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_partial_fill(const Params& params) {
  detail::ParamReader in(Kind::partial_fill, params);
  const auto ratio =
      in.number("ratio", [](double v) { return v > 0.0 && v < 1.0; }, "a number in (0, 1)");
  auto text = in.text("ratio");
  if (auto error = in.finish()) return *error;
  PartialFill effect;
  effect.ratio = ratio.value_or(0.5);
  effect.ratio_text = text.value_or("0.5");
  return std::make_unique<FixedEffect>(StageSet{Stage::order_new}, std::move(effect));
}

}  // namespace mockex::fault::kinds
