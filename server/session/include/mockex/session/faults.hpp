#pragma once
// A session's faults: its fault plan (scenario timeline windows and rules added live), the
// journal entry and the count of every fault applied, and trigger timers on the session clock.
// On the session's strand, like the rest of the session, except decide_off_strand() (WebSocket
// upgrades are answered before they reach the strand); a mutex keeps the plan whole for it.

#include <mockex/core/clock.hpp>
#include <mockex/fault/plan.hpp>
#include <mockex/journal/journal.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace mockex::session {

// Faults applied and rules active across every session of the daemon, for the metrics.
// Thread-safe.
class FaultTally {
 public:
  void injected(std::string_view kind, std::string_view name);
  void active_changed(int delta) { active_.fetch_add(delta); }

  // (kind, name) -> faults applied since start-up.
  std::map<std::pair<std::string, std::string>, std::uint64_t> injected_totals() const;
  std::int64_t active() const { return active_.load(); }

 private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> injected_;
  std::atomic<std::int64_t> active_{0};
};

class SessionFaults {
 public:
  using StampFn = std::function<journal::Stamp()>;
  // A rule's window opened (added live, a timeline window, or a trigger's instant): the kinds
  // that act on what already exists (ws_disconnect on open sockets) act now. `account` is the
  // api_key a triggered rule is confined to, else empty.
  using Activation = std::function<void(const fault::Spec& spec, const std::string& account)>;

  // `clock` and `scheduler` must outlive this (a session rebuilds its faults with its clock).
  SessionFaults(std::uint64_t seed, core::Clock& clock, core::Scheduler& scheduler,
                journal::Journal& journal, StampFn stamp, std::shared_ptr<FaultTally> tally,
                Activation on_activation);
  ~SessionFaults();
  SessionFaults(const SessionFaults&) = delete;
  SessionFaults& operator=(const SessionFaults&) = delete;

  // One bit test: does any rule that may still fire act at `stage`? Thread-safe.
  bool watches(fault::Stage stage) const { return (watched_.load() >> static_cast<int>(stage)) & 1U; }
  // The rules that fire at `point`, without journaling them.
  std::vector<fault::Fired> evaluate(const fault::Point& point);
  // The rules that fire at `point`, each journaled (what was done to `target`) and counted.
  // `target` is text, or a callable that makes it: called only when a rule fires, so traffic
  // that no rule hits builds no string.
  template <class Target>
  std::vector<fault::Fired> decide(const fault::Point& point, Target&& target) {
    auto fired = evaluate(point);
    if (fired.empty()) return fired;
    if constexpr (std::is_invocable_v<Target>) {
      record(fired, target());
    } else {
      record(fired, std::string_view(target));
    }
    return fired;
  }
  // The first rule that fires at `point` with an effect of type E, if any (others that fire are
  // journaled too).
  template <class E, class Target>
  std::optional<std::pair<std::string, E>> first(const fault::Point& point, Target&& target) {
    if (!watches(point.stage)) return std::nullopt;
    for (auto& fired : decide(point, std::forward<Target>(target))) {
      if (auto* effect = std::get_if<E>(&fired.effect)) return std::pair{fired.name, *effect};
    }
    return std::nullopt;
  }

  // The same from any thread, at the scenario time the strand saw last; the caller posts
  // record() of the result to the strand.
  std::vector<fault::Fired> decide_off_strand(const fault::Point& point);
  // Journals and counts rules that fired.
  void record(const std::vector<fault::Fired>& fired, std::string_view target);

  // Adds a rule now; `origin` ("admin", "scenario") goes into the journal.
  std::optional<fault::Error> add(fault::Spec spec, std::string_view origin);
  bool remove(std::string_view name);
  bool set_paused(std::string_view name, bool paused);
  std::vector<fault::RuleStatus> list() const;
  // A fire decided outside decide() (fault::Plan::may_fire, count_fire).
  bool may_fire(std::string_view name) const;
  void count_fire(std::string_view name);
  // A trading event for the triggers; armed rules start at their instant (a timer).
  void observe(const fault::TradingEvent& event);
  // Removes every rule (a session reset: the timeline adds its windows again).
  void clear();

 private:
  void activated(const std::string& name);
  std::vector<fault::Fired> decide_at(const fault::Point& point, core::Timestamp now);
  void rewatch();  // after every change of the plan, under the lock
  void track_window(const std::string& name);

  mutable std::mutex mutex_;  // guards plan_
  fault::Plan plan_;
  std::atomic<std::uint32_t> watched_{0};       // plan_.watches() of each stage, as bits
  std::atomic<std::int64_t> strand_now_{0};     // scenario time (µs) the strand saw last
  core::Clock& clock_;
  core::Scheduler& scheduler_;
  journal::Journal& journal_;
  StampFn stamp_;
  std::shared_ptr<FaultTally> tally_;
  Activation on_activation_;
  std::vector<core::TimerId> timers_;
  std::map<std::string, bool, std::less<>> counted_active_;  // rules counted in the tally's gauge
};

}  // namespace mockex::session
