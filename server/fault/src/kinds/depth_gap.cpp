// depth_gap: skip update ids before a depth update, so the client sees a sequence gap and must
// resync from a snapshot. skip (1, >= 1: update ids skipped). Considers only points whose event
// is "depthUpdate", so counters (every, first) count depth updates.
#include <limits>
#include <memory>

#include "../param_reader.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

namespace {

class DepthGapBehavior final : public Behavior {
 public:
  explicit DepthGapBehavior(std::uint32_t skip) : skip_(skip) {}

  StageSet stages() const override { return {Stage::ws_out}; }
  bool accepts(const Point& point) const override { return point.event == "depthUpdate"; }
  Effect decide(const Point&, core::Rng&) const override { return DepthGap{skip_}; }

 private:
  std::uint32_t skip_;
};

}  // namespace

CompileResult compile_depth_gap(const Params& params) {
  detail::ParamReader in(Kind::depth_gap, params);
  const auto skip = in.integer("skip", 1, std::numeric_limits<std::uint32_t>::max(),
                               "a whole number of update ids >= 1");
  if (auto error = in.finish()) return *error;
  return std::make_unique<DepthGapBehavior>(static_cast<std::uint32_t>(skip.value_or(1)));
}

}  // namespace mockex::fault::kinds
