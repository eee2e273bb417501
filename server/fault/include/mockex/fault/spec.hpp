#pragma once
// A fault rule as people write it: kind + parameters + match + when. The same shape is read from
// scenario YAML, the admin API and the SDKs (json.hpp); validate() checks it the way Plan::add
// does.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mockex/fault/error.hpp"
#include "mockex/fault/kind.hpp"
#include "mockex/fault/match.hpp"

namespace mockex::fault {

// One kind parameter, kept as written ("ms" = "200"); the kind interprets the text. The order of
// a Params list carries no meaning (JSON hands keys over sorted).
struct Param {
  std::string key;
  std::string value;
  friend bool operator==(const Param&, const Param&) = default;
};
using Params = std::vector<Param>;

// The trading events a rule can start on.
enum class TriggerOn : std::uint8_t {
  order_ack,  // an order was acknowledged (accepted by the venue)
  order,      // an order request was received (accepted or not)
  fill,       // an order (partly) filled
};
std::string_view to_string(TriggerOn on);
std::optional<TriggerOn> parse_trigger_on(std::string_view text);

enum class TriggerScope : std::uint8_t {
  // A rule whose own match.api_key is empty takes the trigger event's api_key: the fault hits
  // only the account that traded ("that account's sockets").
  account,
  all,  // the rule's match as written
};
std::string_view to_string(TriggerScope scope);
std::optional<TriggerScope> parse_trigger_scope(std::string_view text);

// Starts a rule's window on a trading event instead of when it is added.
struct Trigger {
  TriggerOn on = TriggerOn::order_ack;
  Match match;                           // only symbol, api_key and client_order_id may be set
  std::uint32_t count = 1;               // the Nth matching event fires it; >= 1
  std::chrono::microseconds delay{0};    // the window starts this long after that event; >= 0
  TriggerScope scope = TriggerScope::account;
  friend bool operator==(const Trigger&, const Trigger&) = default;
};

struct Spec {
  std::string name;  // unique in its plan; not empty
  Kind kind = Kind::latency;
  Params params;
  Match match;
  double probability = 1.0;  // 0..1: the chance that an otherwise firing point fires
  // The window length ("for"); nullopt: open-ended. The window starts when the rule is added,
  // or with a trigger, at trigger time + delay. > 0 when set.
  std::optional<std::chrono::microseconds> duration;
  std::uint32_t first = 0;  // fire at most this many times (0: no limit)
  std::uint32_t every = 0;  // fire only on every Nth counted match (0: each)
  std::uint32_t after = 0;  // skip the first N matches of the window (0: none)
  std::optional<Trigger> trigger;
  friend bool operator==(const Spec&, const Spec&) = default;
};

// The first problem with `spec` (name, probability, duration, counts, match globs, kind
// parameters, trigger); nullopt when Plan::add would accept it (names aside).
std::optional<Error> validate(const Spec& spec);

}  // namespace mockex::fault
