// duplicate_report: send a user-data executionReport twice (ws_duplicate aimed at user data). No
// parameters. Considers only points whose stream is "executionReport" or whose event starts with
// it, so counters count execution reports.
#include <memory>

#include "../param_reader.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

namespace {

constexpr std::string_view kExecutionReport = "executionReport";

class DuplicateReport final : public Behavior {
 public:
  StageSet stages() const override { return {Stage::ws_out}; }
  bool accepts(const Point& point) const override {
    return point.stream == kExecutionReport || point.event.starts_with(kExecutionReport);
  }
  Effect decide(const Point&, core::Rng&) const override { return Duplicate{}; }
};

}  // namespace

CompileResult compile_duplicate_report(const Params& params) {
  detail::ParamReader in(Kind::duplicate_report, params);
  if (auto error = in.finish()) return *error;
  return std::make_unique<DuplicateReport>();
}

}  // namespace mockex::fault::kinds
