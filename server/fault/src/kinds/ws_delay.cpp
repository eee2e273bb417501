// ws_delay: hold an outgoing WebSocket message. ms (required, >= 0), jitter_ms (0):
// ms + U[0, jitter_ms].
#include <memory>

#include "../param_reader.hpp"
#include "jitter.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

namespace {

class WsDelay final : public Behavior {
 public:
  WsDelay(std::chrono::microseconds base, std::chrono::microseconds jitter)
      : base_(base), jitter_(jitter) {}

  StageSet stages() const override { return {Stage::ws_out}; }
  Effect decide(const Point&, core::Rng& rng) const override {
    return Delay{uniform_jitter(base_, jitter_, rng)};
  }

 private:
  std::chrono::microseconds base_;
  std::chrono::microseconds jitter_;
};

}  // namespace

CompileResult compile_ws_delay(const Params& params) {
  detail::ParamReader in(Kind::ws_delay, params);
  const auto ms = in.millis("ms", detail::MillisRule::non_negative, true);
  const auto jitter = in.millis("jitter_ms", detail::MillisRule::non_negative, false);
  if (auto error = in.finish()) return *error;
  return std::make_unique<WsDelay>(*ms, jitter.value_or(std::chrono::microseconds{0}));
}

}  // namespace mockex::fault::kinds
