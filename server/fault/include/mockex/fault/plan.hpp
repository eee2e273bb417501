#pragma once
// A session's fault plan: its rules in order, each with a window, counters and its own random
// stream. Not thread-safe: the session calls it on its strand. Pure: time comes in as `now`
// (scenario time), randomness from the seed.
//
// Evaluation of one rule at one point, in this order:
//   1. the rule's kind acts at the point's stage (and accepts the point, see Behavior::accepts);
//   2. the window holds `now` (start <= now < end), the rule is not paused, and a trigger, if any,
//      has fired;
//   3. the match (and with a triggered account scope, the account) matches;
//   4. the point is counted: n = matched events inside the window, 1-based;
//   5. n <= after: no; k = n - after; every > 0 and k % every != 0: no;
//   6. first > 0 and fired >= first: no;
//   7. the probability is rolled (only here, so counting never consumes randomness);
//   8. the rule fires and its kind decides the effect with the same rule's stream.
// Same seed, same rules, same points at the same times: the same decisions.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mockex/core/timestamp.hpp"
#include "mockex/fault/effect.hpp"
#include "mockex/fault/error.hpp"
#include "mockex/fault/kind.hpp"
#include "mockex/fault/point.hpp"
#include "mockex/fault/spec.hpp"
#include "mockex/fault/stage.hpp"

namespace mockex::fault {

namespace detail {
struct Rule;  // a rule with its compiled match, behaviour, window and counters (plan.cpp)
}  // namespace detail

// A rule that fired at a point, with what it decided.
struct Fired {
  std::string name;
  Kind kind = Kind::latency;
  Effect effect;
  friend bool operator==(const Fired&, const Fired&) = default;
};

// A trading event, for triggers. Views: valid for the call only.
struct TradingEvent {
  TriggerOn on = TriggerOn::order_ack;
  std::string_view symbol;
  std::string_view api_key;
  std::string_view client_order_id;
};

// A triggered rule whose window now starts at a known instant (trigger time + delay), so the
// caller can act then (a ws_disconnect rule, say, disconnecting that account's sockets).
struct Armed {
  std::string name;
  Kind kind = Kind::latency;
  core::Timestamp starts_at;
  friend bool operator==(const Armed&, const Armed&) = default;
};

enum class RuleState : std::uint8_t {
  armed,    // waiting for its trigger, or triggered with a window that starts later
  active,   // inside its window: can fire
  paused,   // set_paused(name, true); neither counts nor fires
  expired,  // its window has ended, or it fired `first` times: it never fires again
};
std::string_view to_string(RuleState state);

struct RuleStatus {
  Spec spec;
  RuleState state = RuleState::armed;
  std::optional<core::Timestamp> window_start;  // nullopt: waiting for a trigger
  std::optional<core::Timestamp> window_end;    // nullopt: open-ended or not started
  // With a triggered account scope: the api_key the rule is confined to; empty otherwise.
  std::string account;
  std::uint64_t matched = 0;  // counted points (step 4)
  std::uint64_t fired = 0;
};

class Plan {
 public:
  // Rules one plan holds at most (expired ones included until removed): every decide() walks
  // them, so the admin API cannot grow a session's hot path without bound.
  static constexpr std::size_t kMaxRules = 1000;

  explicit Plan(std::uint64_t seed);
  ~Plan();
  Plan(Plan&&) noexcept;
  Plan& operator=(Plan&&) noexcept;
  Plan(const Plan&) = delete;
  Plan& operator=(const Plan&) = delete;

  std::uint64_t seed() const { return seed_; }

  // Adds a rule at the end of the order. Its window starts at `now`, or with a trigger when the
  // trigger fires. Errors: an empty or duplicate name, a full plan (kMaxRules), anything
  // validate() rejects.
  std::optional<Error> add(Spec spec, core::Timestamp now);
  // False when no rule has this name.
  bool remove(std::string_view name);
  // A paused rule neither counts nor fires (its window keeps running; triggers still arm it).
  // False when no rule has this name.
  bool set_paused(std::string_view name, bool paused);
  void clear();

  // Whether any rule that may still fire (active or armed, not paused) acts at `stage`: one bit
  // test, so a stage nobody watches costs nothing else.
  bool watches(Stage stage) const { return watched_.contains(stage); }

  // Every rule that fires at `point`, in rule order, with its effect.
  std::vector<Fired> decide(const Point& point, core::Timestamp now);

  // A fire decided outside decide(): a ws_disconnect window that opens ends the connections it
  // matches at once. may_fire() says whether the rule may still fire (it exists, is not paused,
  // has not ended or fired `first` times); count_fire() counts one fire toward `fired` and
  // `first`.
  bool may_fire(std::string_view name, core::Timestamp now) const;
  void count_fire(std::string_view name);

  // Feeds a trading event to the rules' triggers. Returns the rules this event triggered, with
  // the instants their windows start.
  std::vector<Armed> observe(const TradingEvent& event, core::Timestamp now);

  // Every rule in order, with its state at `now`.
  std::vector<RuleStatus> list(core::Timestamp now) const;
  // The spec of the rule with this name; nullptr when none.
  const Spec* find(std::string_view name) const;

  std::size_t size() const { return rules_.size(); }

 private:
  // Recomputes watched_ from the rules that may still fire.
  void rewatch();

  std::uint64_t seed_;
  std::vector<std::unique_ptr<detail::Rule>> rules_;
  StageSet watched_;
};

}  // namespace mockex::fault
