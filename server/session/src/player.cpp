#include <mockex/session/player.hpp>

#include <mockex/core/arithmetic.hpp>
#include <mockex/scenario/market_factory.hpp>

#include <algorithm>
#include <numeric>

namespace mockex::session {
namespace {

venue::Side to_venue(scenario::Side side) {
  return side == scenario::Side::buy ? venue::Side::buy : venue::Side::sell;
}

}  // namespace

ScenarioPlayer::ScenarioPlayer(const scenario::Scenario& scenario, venue::Venue& venue,
                               const core::Clock& clock, core::Scheduler& scheduler,
                               const core::Rng& root, PlayerHooks hooks)
    : scenario_(scenario),
      venue_(venue),
      clock_(clock),
      scheduler_(scheduler),
      hooks_(std::move(hooks)),
      start_(clock.now()),
      walks_(scenario.instruments.size(), nullptr),
      market_(std::make_unique<scenario::MergedMarket>()) {
  for (std::size_t i = 0; i < scenario.markets.size(); ++i) {
    auto source = scenario::make_market_source(scenario, i, start_, root);
    auto index = scenario.instrument_index(scenario.markets[i].symbol);
    if (auto* walk = dynamic_cast<scenario::RandomWalk*>(source.get()); walk && index >= 0) {
      walks_[static_cast<std::size_t>(index)] = walk;
    }
    market_->add(std::move(source));
  }
}

ScenarioPlayer::~ScenarioPlayer() { stop(); }

core::Status ScenarioPlayer::start() {
  feed_ = std::make_unique<scenario::ScheduledFeed>(
      *market_, clock_, scheduler_,
      [this](std::span<const scenario::MarketEvent> batch) { apply_market(batch); });
  if (auto status = feed_->start(); !status) return status;

  // The timeline in time order; entries at the same time keep their file order.
  std::vector<std::size_t> order(scenario_.timeline.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return scenario_.timeline[a].at < scenario_.timeline[b].at;
  });
  for (auto index : order) {
    const auto& entry = scenario_.timeline[index];
    auto timer = scheduler_.schedule_at(start_ + entry.at, [this, &entry] { run_entry(entry); });
    if (!timer) return timer.error();
    timers_.push_back(*timer);
  }
  if (scenario_.clock.duration) {
    auto timer = scheduler_.schedule_at(start_ + *scenario_.clock.duration, [this] {
      finished_ = true;
      if (feed_) feed_->stop();
      note("scenario finished");
      if (hooks_.on_finished) hooks_.on_finished();
    });
    if (!timer) return timer.error();
    timers_.push_back(*timer);
  }
  return {};
}

void ScenarioPlayer::apply(scenario::TimelineEntry entry) {
  applied_.push_back(std::move(entry));
  run_entry(applied_.back());
}

void ScenarioPlayer::stop() {
  if (stopped_) return;
  stopped_ = true;
  if (feed_) feed_->stop();
  for (auto timer : timers_) scheduler_.cancel(timer);
  timers_.clear();
}

void ScenarioPlayer::emit(venue::Events& events) {
  if (!events.empty() && hooks_.on_events) hooks_.on_events(events);
  events.clear();
}

void ScenarioPlayer::note(const std::string& text) {
  if (hooks_.on_note) hooks_.on_note(text);
}

void ScenarioPlayer::apply_market(std::span<const scenario::MarketEvent> batch) {
  auto now = clock_.now();
  for (const auto& event : batch) {
    const auto& symbol = scenario_.instruments[event.symbol].symbol;
    switch (event.kind) {
      case scenario::MarketEventKind::clear_book:
        (void)venue_.replace_side(symbol, venue::Side::buy, {}, now, scratch_);
        (void)venue_.replace_side(symbol, venue::Side::sell, {}, now, scratch_);
        break;
      case scenario::MarketEventKind::level:
        (void)venue_.set_level(symbol, to_venue(event.side), event.price, event.qty, now,
                               scratch_);
        break;
      case scenario::MarketEventKind::trade:
        (void)venue_.market_trade(symbol, event.price, event.qty, to_venue(event.side), now,
                                  scratch_);
        break;
      case scenario::MarketEventKind::mid:
        break;  // the generator's reference only; the book carries the market
    }
    ++market_events_;
  }
  emit(scratch_);
}

void ScenarioPlayer::for_each_walk(const std::string& symbol,
                                   const std::function<void(scenario::RandomWalk&)>& action) {
  for (std::size_t i = 0; i < walks_.size(); ++i) {
    if (walks_[i] != nullptr && (symbol.empty() || scenario_.instruments[i].symbol == symbol)) {
      action(*walks_[i]);
    }
  }
}

void ScenarioPlayer::set_status(const std::string& symbol, venue::TradingStatus status) {
  for (const auto& instrument : scenario_.instruments) {
    if (symbol.empty() || instrument.symbol == symbol) {
      (void)venue_.set_trading_status(instrument.symbol, status);
    }
  }
}

void ScenarioPlayer::run_entry(const scenario::TimelineEntry& entry) {
  using Kind = scenario::TimelineEntry::Kind;
  ++timeline_run_;
  auto target = [](const std::string& symbol) { return symbol.empty() ? "all" : symbol; };
  switch (entry.kind) {
    case Kind::shock:
      for_each_walk(entry.shock.symbol, [&](scenario::RandomWalk& walk) {
        walk.shock(entry.shock.pct.to_double(), entry.shock.over);
      });
      note("shock " + target(entry.shock.symbol) + " " + entry.shock.pct.to_string() + "%");
      break;
    case Kind::halt:
      set_status(entry.halt.symbol, venue::TradingStatus::halt);
      note("halt " + target(entry.halt.symbol));
      break;
    case Kind::resume:
      set_status(entry.resume.symbol, venue::TradingStatus::trading);
      note("resume " + target(entry.resume.symbol));
      break;
    case Kind::liquidity:
      for_each_walk(entry.liquidity.symbol, [&](scenario::RandomWalk& walk) {
        walk.set_liquidity(entry.liquidity.factor.to_double());
      });
      note("liquidity " + target(entry.liquidity.symbol) + " x" +
           entry.liquidity.factor.to_string());
      break;
    case Kind::spread:
      for_each_walk(entry.spread.symbol, [&](scenario::RandomWalk& walk) {
        if (entry.spread.bps) {
          walk.set_spread_bps(entry.spread.bps->to_double());
        } else if (entry.spread.factor) {
          walk.scale_spread(entry.spread.factor->to_double());
        }
      });
      note("spread " + target(entry.spread.symbol));
      break;
    case Kind::set_balance: {
      const auto& action = entry.set_balance;
      auto account = venue_.find_account(action.account);
      auto asset = venue_.find_asset(action.asset);
      if (!account || !asset) {
        note("set_balance: unknown account or asset");
        break;
      }
      auto amount = core::rescale(action.amount.units(), action.scale, venue_.asset(*asset).scale);
      if (!amount || !venue_.set_balance(*account, action.asset, core::Amount{*amount},
                                         clock_.now(), scratch_)) {
        note("set_balance " + action.account + " " + action.asset + " refused");
        break;
      }
      emit(scratch_);
      note("set_balance " + action.account + " " + action.asset);
      break;
    }
    case Kind::fault: {
      const auto& fault = entry.fault;
      open_faults_.push_back(fault.name);
      note("fault window open: " + fault.name + " (" + fault.kind + ")");
      if (hooks_.on_fault_window) hooks_.on_fault_window(fault, true);
      if (fault.for_) {
        auto timer = scheduler_.schedule_at(clock_.now() + *fault.for_, [this, &fault] {
          std::erase(open_faults_, fault.name);
          note("fault window closed: " + fault.name);
          if (hooks_.on_fault_window) hooks_.on_fault_window(fault, false);
        });
        if (timer) timers_.push_back(*timer);
      }
      break;
    }
  }
}

}  // namespace mockex::session
