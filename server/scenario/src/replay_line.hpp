#pragma once
// Private to the replay reader: a small, allocation-light parser for one replay line. The line
// format is flat (docs/scenarios.md, "Replay files"), so a general JSON DOM would cost several
// times more than the events it yields. Views point into the line and live as long as it does.

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace mockex::scenario::detail {

// A JSON scalar as written: strings without their quotes (escapes left as they are).
struct JsonScalar {
  enum class Kind : std::uint8_t { absent, string, number, other };
  Kind kind = Kind::absent;
  std::string_view text;
};

struct ReplayLine {
  JsonScalar t;
  JsonScalar type;
  JsonScalar side;
  JsonScalar price;
  JsonScalar qty;
  // [price, qty] pairs; a level that is not a two-scalar list sets bad_levels.
  std::vector<std::pair<JsonScalar, JsonScalar>> bids;
  std::vector<std::pair<JsonScalar, JsonScalar>> asks;
  bool has_bids = false;
  bool has_asks = false;
  bool bad_bids = false;
  bool bad_asks = false;

  void clear();
};

// False when `text` is not one well-formed JSON object. Unknown keys are skipped.
bool parse_replay_line(std::string_view text, ReplayLine& out);

}  // namespace mockex::scenario::detail
