// latency: hold an HTTP or WS-API request before handling it.
//   ms (required, >= 0), jitter_ms (0), distribution uniform|lognormal (uniform),
//   sigma (0.5, > 0, lognormal only).
//   uniform:   ms + U[0, jitter_ms]
//   lognormal: ms + jitter_ms * exp(N(0, sigma)), capped at ms + 20 * jitter_ms (a long tail,
//              but never an accidental hang)
#include <algorithm>
#include <cmath>
#include <memory>

#include "../param_reader.hpp"
#include "jitter.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

namespace {

constexpr double kLognormalCap = 20.0;  // in units of jitter_ms

class Latency final : public Behavior {
 public:
  Latency(std::chrono::microseconds base, std::chrono::microseconds jitter,
          std::optional<double> lognormal_sigma)
      : base_(base), jitter_(jitter), sigma_(lognormal_sigma) {}

  StageSet stages() const override { return {Stage::http_request, Stage::ws_api_request}; }

  Effect decide(const Point&, core::Rng& rng) const override {
    if (!sigma_) return Delay{uniform_jitter(base_, jitter_, rng)};
    if (jitter_.count() <= 0) return Delay{base_};
    const auto jitter = static_cast<double>(jitter_.count());
    const double extra = std::min(jitter * rng.lognormal(0.0, *sigma_), kLognormalCap * jitter);
    return Delay{base_ + std::chrono::microseconds{std::llround(extra)}};
  }

 private:
  std::chrono::microseconds base_;
  std::chrono::microseconds jitter_;
  std::optional<double> sigma_;  // set: lognormal
};

}  // namespace

CompileResult compile_latency(const Params& params) {
  detail::ParamReader in(Kind::latency, params);
  const auto ms = in.millis("ms", detail::MillisRule::non_negative, true);
  const auto jitter = in.millis("jitter_ms", detail::MillisRule::non_negative, false);
  const auto distribution = in.choice("distribution", {"uniform", "lognormal"});
  const auto sigma =
      in.number("sigma", [](double v) { return v > 0.0 && v <= 10.0; }, "a number in (0, 10]");
  const bool lognormal = distribution.value_or(0) == 1;
  if (sigma && !lognormal) in.fail("sigma", "only applies with distribution lognormal");
  if (auto error = in.finish()) return *error;
  std::optional<double> lognormal_sigma;
  if (lognormal) lognormal_sigma = sigma.value_or(0.5);
  return std::make_unique<Latency>(*ms, jitter.value_or(std::chrono::microseconds{0}),
                                   lognormal_sigma);
}

}  // namespace mockex::fault::kinds
