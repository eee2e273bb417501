// truncate: cut an HTTP body or a WebSocket message short. bytes (optional, >= 0: keep this many
// bytes; default: half).
#include <limits>
#include <memory>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

CompileResult compile_truncate(const Params& params) {
  detail::ParamReader in(Kind::truncate, params);
  const auto bytes = in.integer("bytes", 0, std::numeric_limits<std::int64_t>::max(),
                                "a whole number of bytes >= 0");
  if (auto error = in.finish()) return *error;
  Truncate effect;
  if (bytes) effect.keep_bytes = static_cast<std::uint64_t>(*bytes);
  return std::make_unique<FixedEffect>(StageSet{Stage::http_request, Stage::ws_out}, effect);
}

}  // namespace mockex::fault::kinds
