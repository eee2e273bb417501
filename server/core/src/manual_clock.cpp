#include "mockex/core/manual_clock.hpp"

#include <cassert>

namespace mockex::core {

ManualClock::ManualClock(Timestamp start, std::size_t max_timers)
    : now_(start), max_timers_(max_timers) {}

Result<TimerId> ManualClock::schedule_at(Timestamp when, TimerCallback callback) {
  if (queue_.size() >= max_timers_) return ErrorCode::scheduler_full;
  const std::uint64_t sequence = next_sequence_++;
  queue_.emplace(Key{when.micros(), sequence}, std::move(callback));
  due_of_.emplace(sequence, when.micros());
  return TimerId{sequence};
}

bool ManualClock::cancel(TimerId id) {
  const auto found = due_of_.find(id.value());
  if (found == due_of_.end()) return false;
  queue_.erase(Key{found->second, id.value()});
  due_of_.erase(found);
  return true;
}

std::size_t ManualClock::advance_to(Timestamp target) {
  assert(!advancing_ && "advance_to called from inside a timer callback");
  advancing_ = true;
  std::size_t ran = 0;
  while (!queue_.empty()) {
    auto first = queue_.begin();
    const Timestamp due = Timestamp::from_micros(first->first.first);
    if (due > target && due > now_) break;
    // Take the callback out before running it: it may schedule or cancel other timers.
    TimerCallback callback = std::move(first->second);
    due_of_.erase(first->first.second);
    queue_.erase(first);
    if (due > now_) now_ = due;
    callback();
    ++ran;
  }
  if (target > now_) now_ = target;
  advancing_ = false;
  return ran;
}

std::size_t ManualClock::advance_by(std::chrono::microseconds delta) {
  return advance_to(now_ + delta);
}

std::optional<Timestamp> ManualClock::next_due() const {
  if (queue_.empty()) return std::nullopt;
  return Timestamp::from_micros(queue_.begin()->first.first);
}

}  // namespace mockex::core
