#include "mockex/fault/plan.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "compiled_rule.hpp"
#include "mockex/fault/rule_rng.hpp"

namespace mockex::fault {

namespace detail {

struct Rule {
  Rule(Spec s, CompiledRule compiled, core::Rng stream)
      : spec(std::move(s)),
        behavior(std::move(compiled.behavior)),
        match(std::move(compiled.match)),
        trigger_match(std::move(compiled.trigger_match)),
        stages(behavior->stages()),
        rng(stream) {}

  Spec spec;
  std::unique_ptr<Behavior> behavior;
  Matcher match;
  Matcher trigger_match;
  StageSet stages;
  core::Rng rng;  // this rule's own stream: probability rolls, then the kind's draws

  std::optional<core::Timestamp> start;  // nullopt: waiting for the trigger
  std::optional<core::Timestamp> end;    // nullopt: open-ended (or not started)
  std::string account;                   // confined to this api_key when not empty
  std::uint32_t trigger_seen = 0;        // trigger events matched so far
  std::uint64_t matched = 0;
  std::uint64_t fired = 0;
  bool paused = false;
  bool done = false;  // seen expired or exhausted: never fires again

  bool exhausted() const { return spec.first > 0 && fired >= spec.first; }
  bool ended(core::Timestamp now) const { return end && now >= *end; }
};

}  // namespace detail

namespace {

using detail::Rule;

// start + duration, saturating at Timestamp::max() instead of overflowing.
core::Timestamp later(core::Timestamp start, std::chrono::microseconds duration) {
  const std::int64_t room = std::numeric_limits<std::int64_t>::max() - start.micros();
  if (duration.count() >= room) return core::Timestamp::max();
  return start + duration;
}

void open_window(Rule& rule, core::Timestamp start) {
  rule.start = start;
  if (rule.spec.duration) rule.end = later(start, *rule.spec.duration);
}

}  // namespace

std::string_view to_string(RuleState state) {
  switch (state) {
    case RuleState::armed: return "armed";
    case RuleState::active: return "active";
    case RuleState::paused: return "paused";
    case RuleState::expired: return "expired";
  }
  return "unknown";
}

Plan::Plan(std::uint64_t seed) : seed_(seed) {}
Plan::~Plan() = default;
Plan::Plan(Plan&&) noexcept = default;
Plan& Plan::operator=(Plan&&) noexcept = default;

std::optional<Error> Plan::add(Spec spec, core::Timestamp now) {
  if (find(spec.name) != nullptr) {
    return Error{"name", "a fault named \"" + spec.name + "\" already exists"};
  }
  if (rules_.size() >= kMaxRules) {
    return Error{"", "too many faults in this session (at most " + std::to_string(kMaxRules) + ")"};
  }
  auto compiled = detail::compile_rule(spec);
  if (auto* error = std::get_if<Error>(&compiled)) return std::move(*error);
  const core::Rng stream = rule_rng(seed_, spec.name);
  auto rule = std::make_unique<Rule>(std::move(spec),
                                     std::get<detail::CompiledRule>(std::move(compiled)), stream);
  if (!rule->spec.trigger) open_window(*rule, now);
  rules_.push_back(std::move(rule));
  rewatch();
  return std::nullopt;
}

bool Plan::remove(std::string_view name) {
  const auto it = std::find_if(rules_.begin(), rules_.end(),
                               [&](const auto& rule) { return rule->spec.name == name; });
  if (it == rules_.end()) return false;
  rules_.erase(it);
  rewatch();
  return true;
}

bool Plan::set_paused(std::string_view name, bool paused) {
  for (auto& rule : rules_) {
    if (rule->spec.name == name) {
      rule->paused = paused;
      rewatch();
      return true;
    }
  }
  return false;
}

void Plan::clear() {
  rules_.clear();
  rewatch();
}

void Plan::rewatch() {
  watched_ = StageSet{};
  for (const auto& rule : rules_) {
    if (!rule->done && !rule->paused) watched_ |= rule->stages;
  }
}

std::vector<Fired> Plan::decide(const Point& point, core::Timestamp now) {
  std::vector<Fired> fired;
  if (!watched_.contains(point.stage)) return fired;
  bool retired = false;  // a rule was seen to never fire again: the watched stages may shrink
  for (auto& ptr : rules_) {
    Rule& rule = *ptr;
    if (rule.done || rule.paused || !rule.stages.contains(point.stage)) continue;
    if (!rule.start || now < *rule.start) continue;
    if (rule.ended(now)) {
      rule.done = retired = true;
      continue;
    }
    if (!rule.behavior->accepts(point) || !rule.match.matches(point)) continue;
    if (!rule.account.empty() && rule.account != point.api_key) continue;

    const std::uint64_t n = ++rule.matched;
    if (n <= rule.spec.after) continue;
    const std::uint64_t k = n - rule.spec.after;
    if (rule.spec.every > 0 && k % rule.spec.every != 0) continue;
    if (rule.exhausted()) continue;
    if (!rule.rng.bernoulli(rule.spec.probability)) continue;

    ++rule.fired;
    fired.push_back(Fired{rule.spec.name, rule.spec.kind, rule.behavior->decide(point, rule.rng)});
    if (rule.exhausted()) rule.done = retired = true;
  }
  if (retired) rewatch();
  return fired;
}

bool Plan::may_fire(std::string_view name, core::Timestamp now) const {
  for (const auto& rule : rules_) {
    if (rule->spec.name == name) {
      return !rule->paused && !rule->done && !rule->exhausted() && !rule->ended(now);
    }
  }
  return false;
}

void Plan::count_fire(std::string_view name) {
  for (auto& rule : rules_) {
    if (rule->spec.name != name) continue;
    ++rule->fired;
    if (rule->exhausted()) {
      rule->done = true;
      rewatch();
    }
    return;
  }
}

std::vector<Armed> Plan::observe(const TradingEvent& event, core::Timestamp now) {
  std::vector<Armed> armed;
  Point point;
  point.symbol = event.symbol;
  point.api_key = event.api_key;
  point.client_order_id = event.client_order_id;
  for (auto& ptr : rules_) {
    Rule& rule = *ptr;
    if (rule.done || !rule.spec.trigger || rule.start) continue;
    const Trigger& trigger = *rule.spec.trigger;
    if (trigger.on != event.on || !rule.trigger_match.matches(point)) continue;
    if (++rule.trigger_seen < trigger.count) continue;

    open_window(rule, later(now, trigger.delay));
    if (trigger.scope == TriggerScope::account && rule.spec.match.api_key.empty()) {
      rule.account = std::string(event.api_key);
    }
    armed.push_back(Armed{rule.spec.name, rule.spec.kind, *rule.start});
  }
  return armed;
}

std::vector<RuleStatus> Plan::list(core::Timestamp now) const {
  std::vector<RuleStatus> out;
  out.reserve(rules_.size());
  for (const auto& ptr : rules_) {
    const Rule& rule = *ptr;
    RuleStatus status;
    status.spec = rule.spec;
    if (rule.done || rule.exhausted() || rule.ended(now)) {
      status.state = RuleState::expired;
    } else if (rule.paused) {
      status.state = RuleState::paused;
    } else if (!rule.start || now < *rule.start) {
      status.state = RuleState::armed;
    } else {
      status.state = RuleState::active;
    }
    status.window_start = rule.start;
    status.window_end = rule.end;
    status.account = rule.account;
    status.matched = rule.matched;
    status.fired = rule.fired;
    out.push_back(std::move(status));
  }
  return out;
}

const Spec* Plan::find(std::string_view name) const {
  for (const auto& rule : rules_) {
    if (rule->spec.name == name) return &rule->spec;
  }
  return nullptr;
}

}  // namespace mockex::fault
