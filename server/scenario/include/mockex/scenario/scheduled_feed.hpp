#pragma once
// Drives a MarketSource on scenario time: one timer at a time on the Scheduler, armed for the
// source's next event; when it fires, every event due is handed to the sink in one batch. With
// a ManualClock (tests, stepped mode) advancing by N seconds delivers exactly the events due in
// those N seconds; with the daemon's Asio-backed scheduler it runs in real or accelerated time.

#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "mockex/core/clock.hpp"
#include "mockex/scenario/market_source.hpp"

namespace mockex::scenario {

class ScheduledFeed {
 public:
  using Sink = std::function<void(std::span<const MarketEvent> batch)>;

  // `source`, `clock` and `scheduler` must outlive the feed.
  ScheduledFeed(MarketSource& source, const core::Clock& clock, core::Scheduler& scheduler,
                Sink sink);
  ~ScheduledFeed();
  ScheduledFeed(const ScheduledFeed&) = delete;
  ScheduledFeed& operator=(const ScheduledFeed&) = delete;

  // Arms the first timer. Fails (arming nothing) when the scheduler is full.
  core::Status start();
  void stop();
  std::uint64_t delivered() const { return delivered_; }
  // Why the feed stopped re-arming (ErrorCode::scheduler_full), or ok.
  core::ErrorCode last_error() const { return last_error_; }

 private:
  core::Status arm();
  void on_timer();

  MarketSource& source_;
  const core::Clock& clock_;
  core::Scheduler& scheduler_;
  Sink sink_;
  std::optional<core::TimerId> timer_;
  std::vector<MarketEvent> batch_;
  std::uint64_t delivered_ = 0;
  core::ErrorCode last_error_ = core::ErrorCode::ok;
};

}  // namespace mockex::scenario
