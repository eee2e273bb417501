#include <mockex/session/session_clock.hpp>

#include <algorithm>
#include <cmath>

namespace mockex::session {

std::string_view to_string(ClockMode mode) {
  switch (mode) {
    case ClockMode::realtime: return "realtime";
    case ClockMode::accelerated: return "accelerated";
    case ClockMode::stepped: return "stepped";
  }
  return "unknown";
}

SessionClock::SessionClock(boost::asio::any_io_executor executor, ClockMode mode, double speed,
                           core::Timestamp start)
    : timeline_(start),
      timer_(std::move(executor)),
      mode_(mode),
      speed_(mode == ClockMode::realtime ? 1.0 : speed) {
  anchor_here();
}

SessionClock::~SessionClock() { stop(); }

void SessionClock::stop() {
  stopped_ = true;
  cancel_wait();
}

void SessionClock::hold() {
  held_ = true;
  cancel_wait();
}

void SessionClock::release() {
  if (!held_) return;
  held_ = false;
  rearm();
}

void SessionClock::anchor_here() {
  anchor_scenario_ = timeline_.now();
  anchor_wall_ = WallClock::now();
}

core::Timestamp SessionClock::wall_reading() const {
  auto elapsed = std::chrono::duration<double, std::micro>(WallClock::now() - anchor_wall_);
  auto scenario = static_cast<std::int64_t>(std::floor(elapsed.count() * speed_));
  return anchor_scenario_ + std::chrono::microseconds(std::max<std::int64_t>(0, scenario));
}

core::Result<core::TimerId> SessionClock::schedule_at(core::Timestamp when,
                                                      core::TimerCallback callback) {
  auto id = timeline_.schedule_at(when, std::move(callback));
  if (id && !in_callbacks_) rearm();
  return id;
}

bool SessionClock::cancel(core::TimerId id) { return timeline_.cancel(id); }

std::size_t SessionClock::catch_up() {
  if (in_callbacks_ || stopped_) return 0;
  in_callbacks_ = true;
  // Stepped or paused: only what is due at the current time (e.g. the scenario's start).
  auto ran = timeline_.advance_to(running() ? wall_reading() : timeline_.now());
  in_callbacks_ = false;
  rearm();
  return ran;
}

std::size_t SessionClock::advance(std::chrono::microseconds by) {
  if (in_callbacks_ || by.count() <= 0) return 0;
  catch_up();
  in_callbacks_ = true;
  auto ran = timeline_.advance_to(timeline_.now() + by);
  in_callbacks_ = false;
  anchor_here();  // a running clock goes on from the new time
  rearm();
  return ran;
}

void SessionClock::pause() {
  if (paused_) return;
  catch_up();
  paused_ = true;
  cancel_wait();
}

void SessionClock::resume() {
  if (!paused_) return;
  paused_ = false;
  anchor_here();
  rearm();
}

void SessionClock::set_speed(double speed) {
  if (!(speed > 0) || mode_ == ClockMode::stepped) return;
  catch_up();
  speed_ = speed;
  if (mode_ == ClockMode::realtime && speed != 1.0) mode_ = ClockMode::accelerated;
  anchor_here();
  rearm();
}

void SessionClock::cancel_wait() {
  ++arm_generation_;
  armed_at_.reset();
  timer_.cancel();
}

// Called after every catch_up, so once per request: it arms the Asio timer only when the wait in
// flight would fire too late. One that fires early finds nothing due and waits again.
void SessionClock::rearm() {
  if (!running()) {
    if (armed_at_) cancel_wait();
    return;
  }
  auto due = timeline_.next_due();
  if (!due) return;  // a wait still in flight fires, finds nothing due and is not renewed
  auto scenario_wait = std::max<std::int64_t>(0, (*due - anchor_scenario_).count());
  auto wall_due = anchor_wall_ + std::chrono::microseconds(static_cast<std::int64_t>(
                                     std::ceil(static_cast<double>(scenario_wait) / speed_)));
  if (armed_at_ && *armed_at_ <= wall_due) return;
  ++arm_generation_;
  armed_at_ = wall_due;
  timer_.expires_at(wall_due);  // a wait in flight completes as cancelled
  timer_.async_wait([this, alive = std::weak_ptr<char>(alive_),
                      generation = arm_generation_](const boost::system::error_code& ec) {
    if (ec || alive.expired() || generation != arm_generation_ || stopped_) return;
    armed_at_.reset();
    catch_up();
  });
}

}  // namespace mockex::session
