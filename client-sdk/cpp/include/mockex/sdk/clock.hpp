#pragma once
// A session's scenario clock: session.clock().advance("5s").

#include <mockex/sdk/duration.hpp>
#include <mockex/sdk/session_info.hpp>
#include <mockex/sdk/session_ref.hpp>

#include <utility>

namespace mockex::sdk {

class ClockApi {
 public:
  explicit ClockApi(detail::SessionPtr session) : session_(std::move(session)) {}

  ClockState get() const;
  // Moves scenario time forward at once, running what falls due in order; `ran` counts it.
  ClockState advance(const Duration& by) const;
  ClockState pause() const;
  ClockState resume() const;
  // Scenario seconds per wall second; a stepped clock refuses (409 clock_stepped).
  ClockState set_speed(double speed) const;

 private:
  detail::SessionPtr session_;
};

}  // namespace mockex::sdk
