#include <mockex/session/faults.hpp>

#include <mockex/fault/kind.hpp>

namespace mockex::session {

void FaultTally::injected(std::string_view kind, std::string_view name) {
  std::lock_guard lock(mutex_);
  ++injected_[{std::string(kind), std::string(name)}];
}

std::map<std::pair<std::string, std::string>, std::uint64_t> FaultTally::injected_totals() const {
  std::lock_guard lock(mutex_);
  return injected_;
}

SessionFaults::SessionFaults(std::uint64_t seed, core::Clock& clock, core::Scheduler& scheduler,
                             journal::Journal& journal, StampFn stamp,
                             std::shared_ptr<FaultTally> tally, Activation on_activation)
    : plan_(seed),
      clock_(clock),
      scheduler_(scheduler),
      journal_(journal),
      stamp_(std::move(stamp)),
      tally_(std::move(tally)),
      on_activation_(std::move(on_activation)) {}

SessionFaults::~SessionFaults() {
  for (auto timer : timers_) scheduler_.cancel(timer);
  int active = 0;
  for (const auto& [name, on] : counted_active_) active += static_cast<int>(on);
  if (tally_ && active > 0) tally_->active_changed(-active);
}

std::vector<fault::Fired> SessionFaults::evaluate(const fault::Point& point) {
  auto now = clock_.now();
  strand_now_.store(now.micros());
  return decide_at(point, now);
}

std::vector<fault::Fired> SessionFaults::decide_off_strand(const fault::Point& point) {
  return decide_at(point, core::Timestamp::from_micros(strand_now_.load()));
}

std::vector<fault::Fired> SessionFaults::decide_at(const fault::Point& point, core::Timestamp now) {
  std::lock_guard lock(mutex_);
  auto fired = plan_.decide(point, now);
  // The watched stages shrink only when a rule fires its last or its window ends; the common
  // case (nothing fired, the stage still watched) skips the recount.
  if (!fired.empty() || !plan_.watches(point.stage)) rewatch();
  return fired;
}

void SessionFaults::record(const std::vector<fault::Fired>& fired, std::string_view target) {
  for (const auto& one : fired) {
    auto kind = fault::to_string(one.kind);
    journal_.record_fault(stamp_(), {.name = one.name,
                                     .kind = std::string(kind),
                                     .effect = fault::describe(one.effect),
                                     .target = std::string(target)});
    if (tally_) tally_->injected(kind, one.name);
  }
  bool counted = false;  // a rule with `first` fired: it may be over now
  {
    std::lock_guard lock(mutex_);
    for (const auto& one : fired) {
      const auto* spec = plan_.find(one.name);
      counted = counted || (spec != nullptr && spec->first > 0);
    }
  }
  if (counted) track_window({});
}

void SessionFaults::rewatch() {
  std::uint32_t bits = 0;
  for (auto stage : {fault::Stage::http_request, fault::Stage::ws_upgrade, fault::Stage::ws_out,
                     fault::Stage::ws_api_request, fault::Stage::order_new,
                     fault::Stage::order_cancel, fault::Stage::market_data, fault::Stage::time}) {
    if (plan_.watches(stage)) bits |= 1U << static_cast<int>(stage);
  }
  watched_.store(bits);
}

std::optional<fault::Error> SessionFaults::add(fault::Spec spec, std::string_view origin) {
  auto name = spec.name;
  auto kind = std::string(fault::to_string(spec.kind));
  bool triggered = spec.trigger.has_value();
  strand_now_.store(clock_.now().micros());
  {
    std::lock_guard lock(mutex_);
    auto error = plan_.add(std::move(spec), clock_.now());
    rewatch();
    if (error) return error;
  }
  journal_.record_event(stamp_(), journal::EntryKind::fault, triggered ? "armed" : "window opened",
                        {{"name", name}, {"kind", kind}, {"origin", std::string(origin)}});
  if (!triggered) activated(name);
  track_window(name);
  return std::nullopt;
}

bool SessionFaults::remove(std::string_view name) {
  {
    std::lock_guard lock(mutex_);
    bool removed = plan_.remove(name);
    rewatch();
    if (!removed) return false;
  }
  journal_.record_event(stamp_(), journal::EntryKind::fault, "removed",
                        {{"name", std::string(name)}});
  track_window({});
  return true;
}

bool SessionFaults::set_paused(std::string_view name, bool paused) {
  {
    std::lock_guard lock(mutex_);
    bool changed = plan_.set_paused(name, paused);
    rewatch();
    if (!changed) return false;
  }
  journal_.record_event(stamp_(), journal::EntryKind::fault, paused ? "paused" : "resumed",
                        {{"name", std::string(name)}});
  track_window({});
  return true;
}

bool SessionFaults::may_fire(std::string_view name) const {
  std::lock_guard lock(mutex_);
  return plan_.may_fire(name, clock_.now());
}

void SessionFaults::count_fire(std::string_view name) {
  {
    std::lock_guard lock(mutex_);
    plan_.count_fire(name);
    rewatch();
  }
  track_window({});
}

std::vector<fault::RuleStatus> SessionFaults::list() const {
  std::lock_guard lock(mutex_);
  return plan_.list(clock_.now());
}

void SessionFaults::observe(const fault::TradingEvent& event) {
  std::vector<fault::Armed> armed_rules;
  {
    std::lock_guard lock(mutex_);
    armed_rules = plan_.observe(event, clock_.now());
    rewatch();
  }
  for (auto& armed : armed_rules) {
    journal_.record_event(stamp_(), journal::EntryKind::fault, "triggered",
                          {{"name", armed.name},
                           {"kind", std::string(fault::to_string(armed.kind))},
                           {"starts_at", armed.starts_at.millis()}});
    auto timer = scheduler_.schedule_at(armed.starts_at, [this, name = armed.name] {
      activated(name);
      track_window(name);
    });
    if (timer) timers_.push_back(*timer);
  }
}

void SessionFaults::clear() {
  {
    std::lock_guard lock(mutex_);
    plan_.clear();
    rewatch();
  }
  track_window({});
}

void SessionFaults::activated(const std::string& name) {
  std::optional<fault::Spec> copy;  // the callback may change the plan
  std::string account;
  for (const auto& status : list()) {
    if (status.spec.name != name) continue;
    copy = status.spec;
    account = status.account;
  }
  if (!copy) return;
  if (on_activation_) on_activation_(*copy, account);
}

// Brings the active-rules gauge up to date, and wakes up again when `name`'s window ends.
void SessionFaults::track_window(const std::string& name) {
  std::map<std::string, bool, std::less<>> active;
  for (const auto& status : list()) {
    bool on = status.state == fault::RuleState::active;
    active.emplace(status.spec.name, on);
    if (on && status.spec.name == name && status.window_end) {
      auto timer = scheduler_.schedule_at(*status.window_end, [this] { track_window({}); });
      if (timer) timers_.push_back(*timer);
    }
  }
  int delta = 0;
  for (const auto& [rule, on] : active) {
    auto before = counted_active_.find(rule);
    bool was = before != counted_active_.end() && before->second;
    delta += static_cast<int>(on) - static_cast<int>(was);
  }
  for (const auto& [rule, was] : counted_active_) {
    if (was && !active.contains(rule)) --delta;
  }
  counted_active_ = std::move(active);
  if (tally_ && delta != 0) tally_->active_changed(delta);
}

}  // namespace mockex::session
