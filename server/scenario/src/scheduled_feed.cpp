#include "mockex/scenario/scheduled_feed.hpp"

namespace mockex::scenario {

ScheduledFeed::ScheduledFeed(MarketSource& source, const core::Clock& clock,
                             core::Scheduler& scheduler, Sink sink)
    : source_(source), clock_(clock), scheduler_(scheduler), sink_(std::move(sink)) {}

ScheduledFeed::~ScheduledFeed() { stop(); }

core::Status ScheduledFeed::start() {
  if (timer_) return {};
  return arm();
}

void ScheduledFeed::stop() {
  if (timer_) scheduler_.cancel(*timer_);
  timer_.reset();
}

core::Status ScheduledFeed::arm() {
  const auto when = source_.next_event_time();
  if (!when) return {};
  auto id = scheduler_.schedule_at(*when, [this] { on_timer(); });
  if (!id) return id.error();
  timer_ = *id;
  return {};
}

void ScheduledFeed::on_timer() {
  timer_.reset();
  batch_.clear();
  source_.pop_until(clock_.now(), batch_);
  delivered_ += batch_.size();
  if (!batch_.empty()) sink_(batch_);
  // A full scheduler stops the feed; last_error() tells the owner why it went quiet.
  if (auto status = arm(); !status) last_error_ = status.error();
}

}  // namespace mockex::scenario
