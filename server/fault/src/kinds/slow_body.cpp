// slow_body: dribble an HTTP response body. ms (required, > 0: the total time), chunk_bytes
// (1, >= 1: bytes per write).
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

namespace {
constexpr std::int64_t kMaxChunkBytes = 1 << 20;
}  // namespace

CompileResult compile_slow_body(const Params& params) {
  detail::ParamReader in(Kind::slow_body, params);
  const auto ms = in.millis("ms", detail::MillisRule::positive, true);
  const auto chunk = in.integer("chunk_bytes", 1, kMaxChunkBytes,
                                "a whole number of bytes in [1, 1048576]");
  if (auto error = in.finish()) return *error;
  SlowBody effect;
  effect.total = *ms;
  effect.chunk_bytes = static_cast<std::uint32_t>(chunk.value_or(1));
  return std::make_unique<FixedEffect>(StageSet{Stage::http_request}, effect);
}

}  // namespace mockex::fault::kinds
