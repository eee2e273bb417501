#pragma once
// Time as the pure modules see it. They never read the wall clock: they are handed a Clock (what
// time is it in the scenario) and a Scheduler (run this at that scenario time). The session
// implements both over its real clock mode; tests use ManualClock.

#include <functional>

#include "mockex/core/ids.hpp"
#include "mockex/core/result.hpp"
#include "mockex/core/timestamp.hpp"

namespace mockex::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

using TimerCallback = std::function<void()>;

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  // Runs `callback` once scenario time reaches `when` (at once on the next tick if `when` has
  // passed). Callbacks due at the same time run in the order they were scheduled. Fails with
  // ErrorCode::scheduler_full, scheduling nothing, when the bounded timer queue is full.
  virtual Result<TimerId> schedule_at(Timestamp when, TimerCallback callback) = 0;
  // False when the timer already ran, was cancelled, or never existed.
  virtual bool cancel(TimerId id) = 0;
};

}  // namespace mockex::core
