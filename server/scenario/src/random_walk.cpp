#include "mockex/scenario/random_walk.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mockex::scenario {

namespace {

constexpr double kSecondsPerYear = 365.0 * 24 * 3600;
// A surviving level is redrawn with this probability each tick (see the header).
constexpr double kRedrawProbability = 0.25;

bool better(Side side, std::int64_t a, std::int64_t b) { return side == Side::buy ? a > b : a < b; }

}  // namespace

RandomWalk::RandomWalk(const Instrument& instrument, std::uint32_t symbol_index,
                       const RandomWalkSpec& spec, std::vector<BookLevel> initial_bids,
                       std::vector<BookLevel> initial_asks, core::Timestamp start, core::Rng rng)
    : symbol_(symbol_index),
      tick_(instrument.tick_size.units()),
      min_price_(std::max(instrument.min_price.units(), instrument.tick_size.units())),
      max_price_(instrument.max_price.units()),
      step_(instrument.step_size.units()),
      max_qty_(instrument.max_qty.units()),
      spec_(spec),
      walk_rng_(rng.fork(1)),
      size_rng_(rng.fork(2)),
      trade_rng_(rng.fork(3)),
      now_(start),
      next_tick_(start + std::chrono::microseconds(spec.update_interval)),
      next_trade_(core::Timestamp::max()),
      interval_(spec.update_interval),
      trade_rate_(spec.trade_rate.to_double()),
      spread_bps_(spec.spread_bps.to_double()),
      bids_(std::move(initial_bids)),
      asks_(std::move(initial_asks)) {
  const double dt = std::chrono::duration<double>(interval_).count() / kSecondsPerYear;
  const double sigma = spec.volatility.to_double();
  drift_term_ = (spec.drift.to_double() - sigma * sigma / 2) * dt;
  sigma_sqrt_dt_ = sigma * std::sqrt(dt);
  if (spec.mid) {
    mid_ = static_cast<double>(spec.mid->units());
  } else {
    mid_ = (static_cast<double>(bids_.front().price.units()) +
            static_cast<double>(asks_.front().price.units())) / 2;
  }
  if (bids_.empty() && asks_.empty()) {
    // No initial book: the first snapshot is a generated ladder around the mid.
    redraw_all_ = true;
    std::vector<MarketEvent> ignored;
    tick_ladder(ignored);
  }
  if (trade_rate_ > 0) {
    next_trade_ = start + std::chrono::microseconds(
                              std::max<std::int64_t>(1, std::llround(trade_rng_.exponential(trade_rate_) * 1e6)));
  }
}

std::optional<core::Timestamp> RandomWalk::next_event_time() const {
  if (snapshot_pending_) return now_;
  return std::min(next_tick_, next_trade_);
}

std::size_t RandomWalk::pop_until(core::Timestamp until, std::vector<MarketEvent>& out) {
  const std::size_t before = out.size();
  if (snapshot_pending_) {
    if (now_ > until) return 0;
    emit_snapshot(out);
    snapshot_pending_ = false;
  }
  for (;;) {
    if (next_tick_ <= next_trade_) {
      if (next_tick_ > until) break;
      tick(out);
    } else {
      if (next_trade_ > until) break;
      trade(out);
    }
  }
  return out.size() - before;
}

void RandomWalk::shock(double pct, std::chrono::microseconds over) {
  shock_log_left_ += std::log1p(pct / 100);
  const std::int64_t ticks = (over.count() + interval_.count() - 1) / interval_.count();
  shock_ticks_left_ = std::max<std::int64_t>(1, ticks);
}

void RandomWalk::set_liquidity(double factor) {
  liquidity_ = factor;
  redraw_all_ = true;
}

void RandomWalk::set_spread_bps(double bps) { spread_bps_ = bps; }

void RandomWalk::scale_spread(double factor) { spread_bps_ = spec_.spread_bps.to_double() * factor; }

MarketEvent RandomWalk::event(MarketEventKind kind, Side side, std::int64_t price,
                              std::int64_t qty) const {
  return MarketEvent{now_, symbol_, kind, side, core::Price{price}, core::Qty{qty}};
}

std::int64_t RandomWalk::mid_units() const {
  const double ticks = std::round(mid_ / static_cast<double>(tick_));
  return static_cast<std::int64_t>(ticks) * tick_;
}

void RandomWalk::emit_snapshot(std::vector<MarketEvent>& out) {
  out.push_back(event(MarketEventKind::clear_book, Side::buy, 0, 0));
  for (const auto& level : bids_) {
    out.push_back(event(MarketEventKind::level, Side::buy, level.price.units(), level.qty.units()));
  }
  for (const auto& level : asks_) {
    out.push_back(event(MarketEventKind::level, Side::sell, level.price.units(), level.qty.units()));
  }
  out.push_back(event(MarketEventKind::mid, Side::buy, mid_units(), 0));
}

void RandomWalk::tick(std::vector<MarketEvent>& out) {
  now_ = next_tick_;
  next_tick_ += interval_;
  double log_move = drift_term_ + sigma_sqrt_dt_ * walk_rng_.normal(0.0, 1.0);
  if (shock_ticks_left_ > 0) {
    const double part = shock_log_left_ / static_cast<double>(shock_ticks_left_);
    log_move += part;
    shock_log_left_ -= part;
    --shock_ticks_left_;
  }
  mid_ *= std::exp(log_move);
  tick_ladder(out);
  out.push_back(event(MarketEventKind::mid, Side::buy, mid_units(), 0));
}

void RandomWalk::tick_ladder(std::vector<MarketEvent>& out) {
  // Keep the mid where a ladder fits: above the lowest price, below the highest.
  const double floor_mid = static_cast<double>(min_price_ + tick_);
  if (!(mid_ >= floor_mid)) mid_ = floor_mid;
  if (max_price_ > 0 && mid_ > static_cast<double>(max_price_ - tick_)) {
    mid_ = static_cast<double>(max_price_ - tick_);
  }
  const double spread = mid_ * spread_bps_ / 10'000;
  const auto spread_ticks =
      std::max<std::int64_t>(1, std::llround(spread / static_cast<double>(tick_)));
  const double bid_ticks = std::floor((mid_ - static_cast<double>(spread_ticks * tick_) / 2) /
                                      static_cast<double>(tick_));
  std::int64_t best_bid = static_cast<std::int64_t>(bid_ticks) * tick_;
  best_bid = std::max(best_bid, min_price_);
  const std::int64_t best_ask = best_bid + spread_ticks * tick_;

  build_side(Side::buy, best_bid, bids_, new_bids_);
  build_side(Side::sell, best_ask, asks_, new_asks_);
  // Removals on both sides first, so that a consumer applying the batch event by event never
  // sees a crossed book when the ladder jumps past the old opposite side.
  emit_diff(Side::buy, bids_, new_bids_, DiffPass::removals, out);
  emit_diff(Side::sell, asks_, new_asks_, DiffPass::removals, out);
  emit_diff(Side::buy, bids_, new_bids_, DiffPass::sets, out);
  emit_diff(Side::sell, asks_, new_asks_, DiffPass::sets, out);
  bids_.swap(new_bids_);
  asks_.swap(new_asks_);
  redraw_all_ = false;
}

void RandomWalk::build_side(Side side, std::int64_t best, const std::vector<BookLevel>& before,
                            std::vector<BookLevel>& after) {
  after.clear();
  const std::int64_t gap = tick_ * spec_.level_spacing;
  std::size_t j = 0;
  for (std::uint32_t i = 0; i < spec_.levels; ++i) {
    const std::int64_t offset = gap * i;
    const std::int64_t price = side == Side::buy ? best - offset : best + offset;
    if (side == Side::buy && price < min_price_) break;
    if (side == Side::sell && max_price_ > 0 && price > max_price_) break;
    while (j < before.size() && better(side, before[j].price.units(), price)) ++j;
    std::int64_t qty = 0;
    if (j < before.size() && before[j].price.units() == price && !redraw_all_ &&
        size_rng_.uniform_real() >= kRedrawProbability) {
      qty = before[j].qty.units();
    } else {
      qty = draw_size(spec_.level_size, size_rng_, liquidity_);
    }
    after.push_back(BookLevel{core::Price{price}, core::Qty{qty}});
  }
}

void RandomWalk::emit_diff(Side side, const std::vector<BookLevel>& before,
                           const std::vector<BookLevel>& after, DiffPass pass,
                           std::vector<MarketEvent>& out) {
  const bool removals = pass == DiffPass::removals;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < before.size() || j < after.size()) {
    if (j == after.size() ||
        (i < before.size() && better(side, before[i].price.units(), after[j].price.units()))) {
      if (removals) out.push_back(event(MarketEventKind::level, side, before[i].price.units(), 0));
      ++i;
    } else if (i == before.size() || better(side, after[j].price.units(), before[i].price.units())) {
      if (!removals) {
        out.push_back(event(MarketEventKind::level, side, after[j].price.units(), after[j].qty.units()));
      }
      ++j;
    } else {
      if (!removals && before[i].qty != after[j].qty) {
        out.push_back(event(MarketEventKind::level, side, after[j].price.units(), after[j].qty.units()));
      }
      ++i;
      ++j;
    }
  }
}

std::int64_t RandomWalk::draw_size(const SizeDistribution& dist, core::Rng& rng, double factor) {
  double units = 0;
  switch (dist.kind) {
    case SizeDistribution::Kind::fixed:
      units = static_cast<double>(dist.value.units());
      break;
    case SizeDistribution::Kind::uniform:
      units = rng.uniform_real(static_cast<double>(dist.min.units()), static_cast<double>(dist.max.units()));
      break;
    case SizeDistribution::Kind::lognormal:
      units = static_cast<double>(dist.median.units()) *
              std::exp(dist.sigma.to_double() * rng.normal(0.0, 1.0));
      if (dist.max.units() > 0) units = std::min(units, static_cast<double>(dist.max.units()));
      break;
  }
  units *= factor;
  const double limit = max_qty_ > 0 ? static_cast<double>(max_qty_) : 1e18;
  units = std::min(units, limit);
  auto qty = static_cast<std::int64_t>(std::floor(units / static_cast<double>(step_))) * step_;
  return std::max(qty, step_);
}

void RandomWalk::trade(std::vector<MarketEvent>& out) {
  now_ = next_trade_;
  const Side aggressor = trade_rng_.bernoulli(0.5) ? Side::buy : Side::sell;
  std::int64_t qty = draw_size(spec_.trade_size, trade_rng_, 1.0);
  const double wait_seconds = trade_rng_.exponential(trade_rate_);
  next_trade_ = now_ + std::chrono::microseconds(std::max<std::int64_t>(1, std::llround(wait_seconds * 1e6)));
  // A buy takes from the asks, a sell from the bids.
  auto& levels = aggressor == Side::buy ? asks_ : bids_;
  const Side book_side = aggressor == Side::buy ? Side::sell : Side::buy;
  if (levels.empty()) return;
  BookLevel& best = levels.front();
  qty = std::min(qty, best.qty.units());
  out.push_back(event(MarketEventKind::trade, aggressor, best.price.units(), qty));
  best.qty = core::Qty{best.qty.units() - qty};
  out.push_back(event(MarketEventKind::level, book_side, best.price.units(), best.qty.units()));
  if (best.qty.is_zero()) levels.erase(levels.begin());
}

}  // namespace mockex::scenario
