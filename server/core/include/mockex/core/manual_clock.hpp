#pragma once
// A Clock and Scheduler that move only when told: for tests and for the stepped clock mode.
// advance_to / advance_by run every due callback in time order (ties in scheduling order), with
// now() equal to each callback's due time while it runs, then leave now() at the target.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "mockex/core/clock.hpp"

namespace mockex::core {

class ManualClock final : public Clock, public Scheduler {
 public:
  static constexpr std::size_t kDefaultMaxTimers = 1 << 20;

  explicit ManualClock(Timestamp start = {}, std::size_t max_timers = kDefaultMaxTimers);

  Timestamp now() const override { return now_; }
  Result<TimerId> schedule_at(Timestamp when, TimerCallback callback) override;
  bool cancel(TimerId id) override;

  // Moves time forward to `target` (never backward: an earlier target only runs what is due
  // now). Callbacks may schedule and cancel; those that fall due by `target` run in this call.
  // Returns how many callbacks ran. Must not be called from inside a callback.
  std::size_t advance_to(Timestamp target);
  std::size_t advance_by(std::chrono::microseconds delta);

  std::size_t pending() const { return queue_.size(); }
  std::optional<Timestamp> next_due() const;

 private:
  using Key = std::pair<std::int64_t, std::uint64_t>;  // (due micros, scheduling sequence)

  Timestamp now_;
  std::size_t max_timers_;
  std::uint64_t next_sequence_ = 1;
  bool advancing_ = false;
  std::map<Key, TimerCallback> queue_;
  std::unordered_map<std::uint64_t, std::int64_t> due_of_;  // timer id -> due micros
};

}  // namespace mockex::core
