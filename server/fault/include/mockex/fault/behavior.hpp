#pragma once
// The one interface behind every fault kind: the stages it acts at, and the effect it decides
// once the plan has matched, counted and rolled the rule's probability. Kinds hold only their
// checked parameters; one small file each (src/kinds/), assembled explicitly by compile().

#include <memory>
#include <variant>

#include "mockex/core/rng.hpp"
#include "mockex/fault/effect.hpp"
#include "mockex/fault/error.hpp"
#include "mockex/fault/kind.hpp"
#include "mockex/fault/point.hpp"
#include "mockex/fault/spec.hpp"
#include "mockex/fault/stage.hpp"

namespace mockex::fault {

class Behavior {
 public:
  virtual ~Behavior();

  // Where this kind acts; never empty.
  virtual StageSet stages() const = 0;
  // Narrows the kind to the points it means, before anything is counted (depth_gap: depth
  // updates; duplicate_report: executionReports). Part of the match, so counters skip the rest.
  virtual bool accepts(const Point& point) const;
  // The effect for a point the rule fires at; draws any randomness from `rng` (the rule's own).
  virtual Effect decide(const Point& point, core::Rng& rng) const = 0;
};

using CompileResult = std::variant<std::unique_ptr<Behavior>, Error>;

// Checks the parameters of `kind` (unknown keys are errors; fields are "params.<key>") and
// builds its behaviour.
CompileResult compile(Kind kind, const Params& params);

}  // namespace mockex::fault
