#pragma once
// The shape shared by the kinds that take no parameters and always decide the same effect.

#include <memory>
#include <utility>

#include "../param_reader.hpp"
#include "mockex/fault/behavior.hpp"

namespace mockex::fault::kinds {

class FixedEffect final : public Behavior {
 public:
  FixedEffect(StageSet stages, Effect effect) : stages_(stages), effect_(std::move(effect)) {}

  StageSet stages() const override { return stages_; }
  Effect decide(const Point&, core::Rng&) const override { return effect_; }

 private:
  StageSet stages_;
  Effect effect_;
};

// Rejects any parameter, then builds the fixed behaviour.
inline CompileResult compile_fixed(Kind kind, const Params& params, StageSet stages,
                                   Effect effect) {
  detail::ParamReader in(kind, params);
  if (auto error = in.finish()) return *error;
  return std::make_unique<FixedEffect>(stages, std::move(effect));
}

}  // namespace mockex::fault::kinds
