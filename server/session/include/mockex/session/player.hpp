#pragma once
// Plays a scenario into a venue on scenario time: the market sources (generator or replay) feed
// the venue's background liquidity, and the timeline's entries run when they fall due (market
// events, halts, balances, fault windows). Driven by a Clock and Scheduler, so a test with a
// ManualClock sees exactly the events due in the time it advances. Not thread-safe: one strand.

#include <mockex/core/clock.hpp>
#include <mockex/core/rng.hpp>
#include <mockex/scenario/market_source.hpp>
#include <mockex/scenario/model.hpp>
#include <mockex/scenario/random_walk.hpp>
#include <mockex/scenario/scheduled_feed.hpp>
#include <mockex/venue/venue.hpp>

#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace mockex::session {

struct PlayerHooks {
  // Every batch of venue events the market or the timeline caused (for streams and the journal).
  std::function<void(const venue::Events&)> on_events;
  // A timeline fault window opened (true) or closed (false).
  std::function<void(const scenario::FaultSpec&, bool opened)> on_fault_window;
  // A line for the journal: "halt BTCUSDT", "replay: bad line 12 skipped", ...
  std::function<void(const std::string&)> on_note;
  // The scenario's duration has passed.
  std::function<void()> on_finished;
};

class ScenarioPlayer {
 public:
  // `scenario`, `venue`, `clock` and `scheduler` must outlive the player.
  ScenarioPlayer(const scenario::Scenario& scenario, venue::Venue& venue, const core::Clock& clock,
                 core::Scheduler& scheduler, const core::Rng& root, PlayerHooks hooks);
  ~ScenarioPlayer();
  ScenarioPlayer(const ScenarioPlayer&) = delete;
  ScenarioPlayer& operator=(const ScenarioPlayer&) = delete;

  // Arms the market feed and the timeline from the clock's current time (the scenario start).
  // Events due at the start run when the scheduler next runs what is due.
  core::Status start();
  void stop();
  // Runs one timeline entry now (the admin API's market actions: shock, halt, resume, liquidity,
  // spread, set_balance, fault windows), as if the scenario had it at this instant.
  void apply(scenario::TimelineEntry entry);

  bool finished() const { return finished_; }
  std::uint64_t market_events() const { return market_events_; }
  std::uint64_t timeline_entries_run() const { return timeline_run_; }
  // Names of the fault windows open now, in opening order.
  const std::vector<std::string>& open_fault_windows() const { return open_faults_; }

 private:
  void apply_market(std::span<const scenario::MarketEvent> batch);
  void run_entry(const scenario::TimelineEntry& entry);
  void for_each_walk(const std::string& symbol,
                     const std::function<void(scenario::RandomWalk&)>& action);
  void set_status(const std::string& symbol, venue::TradingStatus status);
  void emit(venue::Events& events);
  void note(const std::string& text);

  const scenario::Scenario& scenario_;
  venue::Venue& venue_;
  const core::Clock& clock_;
  core::Scheduler& scheduler_;
  PlayerHooks hooks_;
  core::Timestamp start_;
  std::vector<scenario::RandomWalk*> walks_;  // by instrument index; null when not a walk
  std::unique_ptr<scenario::MergedMarket> market_;
  std::unique_ptr<scenario::ScheduledFeed> feed_;
  std::vector<core::TimerId> timers_;
  std::vector<std::string> open_faults_;
  std::deque<scenario::TimelineEntry> applied_;  // entries run by apply(): timers refer to them
  venue::Events scratch_;
  bool finished_ = false;
  bool stopped_ = false;
  std::uint64_t market_events_ = 0;
  std::uint64_t timeline_run_ = 0;
};

}  // namespace mockex::session
