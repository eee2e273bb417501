#pragma once
// The `random_walk` market generator: a seeded geometric random walk of the mid, re-quoted as a
// ladder of levels around it every update interval, with market trades arriving as a Poisson
// process against the best levels. Pure and deterministic: the same spec, seed and start give
// the same events, byte for byte, whatever the caller's pull pattern.
//
// Each tick (every update_interval) the mid moves (plus any shock in progress), a `mid` event is
// emitted, and the ladder is rebuilt: levels whose price survives keep their size with
// probability 3/4 (so the book churns like a real one instead of flickering), the rest are
// drawn from level_size; only levels that changed are emitted. A trade takes min(drawn size,
// level size) from the best level of the side it hits and emits the trade, then that level's
// new size. Within a tick, removals (both sides) come before new and changed levels, so the
// book is never crossed part-way through applying a batch.

#include <chrono>
#include <cstdint>
#include <vector>

#include "mockex/core/rng.hpp"
#include "mockex/scenario/market_source.hpp"
#include "mockex/scenario/model.hpp"

namespace mockex::scenario {

class RandomWalk final : public MarketSource {
 public:
  // `initial_bids`/`initial_asks` (best first) make the first snapshot; when both are empty it
  // is generated around spec.mid. `rng` should be this symbol's own stream.
  RandomWalk(const Instrument& instrument, std::uint32_t symbol_index, const RandomWalkSpec& spec,
             std::vector<BookLevel> initial_bids, std::vector<BookLevel> initial_asks,
             core::Timestamp start, core::Rng rng);

  // Never nullopt: a random walk does not end. No event is due before the returned time.
  std::optional<core::Timestamp> next_event_time() const override;
  std::size_t pop_until(core::Timestamp until, std::vector<MarketEvent>& out) override;

  // Timeline controls; each takes effect from the next tick after `now`.
  // Moves the mid by `pct` percent (> -100), spread evenly over `over` (0: in one tick).
  void shock(double pct, std::chrono::microseconds over);
  // Scales every level size drawn from now on by `factor` (> 0) and redraws the whole ladder.
  void set_liquidity(double factor);
  // Sets the spread to `bps` basis points of the mid (> 0).
  void set_spread_bps(double bps);
  // Multiplies the configured spread by `factor` (> 0).
  void scale_spread(double factor);

  double mid() const { return mid_; }  // in price units (10^-price_scale)

 private:
  void emit_snapshot(std::vector<MarketEvent>& out);
  void tick(std::vector<MarketEvent>& out);
  // Re-quotes both sides around mid_ and emits the levels that changed.
  void tick_ladder(std::vector<MarketEvent>& out);
  void trade(std::vector<MarketEvent>& out);
  void build_side(Side side, std::int64_t best, const std::vector<BookLevel>& before,
                  std::vector<BookLevel>& after);
  enum class DiffPass : std::uint8_t { removals, sets };
  void emit_diff(Side side, const std::vector<BookLevel>& before, const std::vector<BookLevel>& after,
                 DiffPass pass, std::vector<MarketEvent>& out);
  std::int64_t draw_size(const SizeDistribution& dist, core::Rng& rng, double factor);
  MarketEvent event(MarketEventKind kind, Side side, std::int64_t price, std::int64_t qty) const;
  std::int64_t mid_units() const;  // the mid rounded to the tick

  // Instrument constants, in fixed-point units.
  std::uint32_t symbol_;
  std::int64_t tick_;
  std::int64_t min_price_;
  std::int64_t max_price_;  // 0: none
  std::int64_t step_;
  std::int64_t max_qty_;    // 0: none
  RandomWalkSpec spec_;

  core::Rng walk_rng_;
  core::Rng size_rng_;
  core::Rng trade_rng_;

  core::Timestamp now_;
  core::Timestamp next_tick_;
  core::Timestamp next_trade_;
  bool snapshot_pending_ = true;
  std::chrono::microseconds interval_;
  double drift_term_ = 0;   // (mu - sigma^2 / 2) * dt, per tick
  double sigma_sqrt_dt_ = 0;
  double trade_rate_ = 0;  // per second
  double mid_ = 0;
  double spread_bps_ = 0;
  double liquidity_ = 1.0;
  bool redraw_all_ = false;  // the next ladder draws every size afresh
  double shock_log_left_ = 0.0;     // log move still to apply
  std::int64_t shock_ticks_left_ = 0;

  std::vector<BookLevel> bids_;  // best first
  std::vector<BookLevel> asks_;
  std::vector<BookLevel> new_bids_;  // the next ladder, built before the diff
  std::vector<BookLevel> new_asks_;
};

}  // namespace mockex::scenario
