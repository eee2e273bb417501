#pragma once
// A session's scenario clock over an Asio executor (the session's strand): the Clock and
// Scheduler the pure modules are driven by, in the scenario's clock mode.
//
//   realtime     scenario time runs with the wall clock
//   accelerated  scenario time runs `speed` times faster than the wall clock
//   stepped      scenario time moves only when advance() says so
//
// Scheduled callbacks live in a ManualClock; in the running modes one Asio timer is armed for the
// earliest of them. Before a request is handled, catch_up() brings scenario time to the wall
// clock's reading and runs whatever fell due, so a client never sees a state older than the time
// it is told. All calls on the session's strand (or, while held, on the one thread building the
// session).

#include <mockex/core/clock.hpp>
#include <mockex/core/manual_clock.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

namespace mockex::session {

enum class ClockMode { realtime, accelerated, stepped };
std::string_view to_string(ClockMode mode);

class SessionClock final : public core::Clock, public core::Scheduler {
 public:
  using WallClock = std::chrono::steady_clock;

  SessionClock(boost::asio::any_io_executor executor, ClockMode mode, double speed,
               core::Timestamp start);
  ~SessionClock() override;
  SessionClock(const SessionClock&) = delete;
  SessionClock& operator=(const SessionClock&) = delete;

  core::Timestamp now() const override { return timeline_.now(); }
  core::Result<core::TimerId> schedule_at(core::Timestamp when,
                                          core::TimerCallback callback) override;
  bool cancel(core::TimerId id) override;

  // Runs what is due up to the wall clock's reading; stepped or paused, what is due at the
  // current scenario time. Returns the number of callbacks run.
  std::size_t catch_up();
  // Moves scenario time forward by `by` at once, running what falls due in order. In the running
  // modes the clock then keeps running from the new time.
  std::size_t advance(std::chrono::microseconds by);
  // Freezes scenario time (a running clock behaves as stepped until resume()).
  void pause();
  void resume();
  // Scenario seconds per wall second, > 0. Takes effect from the current instant.
  void set_speed(double speed);

  ClockMode mode() const { return mode_; }
  bool paused() const { return paused_; }
  double speed() const { return speed_; }
  std::size_t pending() const { return timeline_.pending(); }

  // Cancels the Asio timer; nothing runs afterwards. For teardown.
  void stop();

  // While held, no Asio timer is armed, so nothing runs on the strand: a session is built off
  // its strand (on the thread that creates it) with the clock held, and release() hands it to the
  // strand as the builder's last step. catch_up() while held runs what is due at the current
  // scenario time, as when stepped.
  void hold();
  void release();

 private:
  bool running() const {
    return mode_ != ClockMode::stepped && !paused_ && !stopped_ && !held_;
  }
  core::Timestamp wall_reading() const;
  void rearm();
  void cancel_wait();
  void anchor_here();

  core::ManualClock timeline_;
  boost::asio::steady_timer timer_;
  ClockMode mode_;
  double speed_;
  bool paused_ = false;
  bool stopped_ = false;
  bool held_ = false;
  bool in_callbacks_ = false;
  // Scenario time `anchor_scenario_` corresponds to wall instant `anchor_wall_`.
  core::Timestamp anchor_scenario_;
  WallClock::time_point anchor_wall_;
  std::uint64_t arm_generation_ = 0;
  // When the Asio wait in flight fires; none while no wait is in flight.
  std::optional<WallClock::time_point> armed_at_;
  // Expires with the clock: a timer wait that completed before the clock was destroyed (its
  // cancel came too late) may still run, on the same strand, and must not touch it.
  std::shared_ptr<char> alive_ = std::make_shared<char>();
};

}  // namespace mockex::session
