// http_error: answer an HTTP or WS-API request with an error in the dialect's format.
//   status (503; 418, 429, 500, 502, 503 or 504), code (the venue error code; default: the
//   dialect's for the status), msg (default: the dialect's), retry_after (seconds; default 60 for
//   429 and 418, none otherwise).
#include <array>
#include <limits>
#include <memory>
#include <string>
#include <utility>

#include "../param_reader.hpp"
#include "fixed.hpp"
#include "kinds.hpp"

namespace mockex::fault::kinds {

namespace {

constexpr std::array<int, 6> kStatuses = {418, 429, 500, 502, 503, 504};
constexpr int kDefaultRetryAfterS = 60;
constexpr std::int64_t kMaxRetryAfterS = 86'400;

}  // namespace

CompileResult compile_http_error(const Params& params) {
  detail::ParamReader in(Kind::http_error, params);
  constexpr std::string_view statuses = "one of 418, 429, 500, 502, 503 or 504";
  const auto status = in.integer("status", 0, 999, statuses);
  if (status) {
    bool known = false;
    for (int s : kStatuses) known = known || s == *status;
    if (!known) in.fail("status", "must be " + std::string(statuses));
  }
  const auto code =
      in.integer("code", std::numeric_limits<int>::min(), std::numeric_limits<int>::max(),
                 "a whole number (a venue error code)");
  const auto msg = in.text("msg");
  const auto retry_after =
      in.integer("retry_after", 0, kMaxRetryAfterS, "a whole number of seconds in [0, 86400]");
  if (auto error = in.finish()) return *error;

  ErrorReply reply;
  reply.status = static_cast<int>(status.value_or(503));
  if (code) reply.code = static_cast<int>(*code);
  reply.msg = msg;
  if (retry_after) {
    reply.retry_after_s = static_cast<int>(*retry_after);
  } else if (reply.status == 429 || reply.status == 418) {
    reply.retry_after_s = kDefaultRetryAfterS;
  }
  return std::make_unique<FixedEffect>(StageSet{Stage::http_request, Stage::ws_api_request},
                                       std::move(reply));
}

}  // namespace mockex::fault::kinds
