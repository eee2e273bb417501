#pragma once
// A pull interface over a seeded or recorded market: ask when the next event is due, then take
// every event up to a scenario time. Sources never look at a clock; the caller (the session's
// player, or drive_on_scheduler below) decides what "now" is.

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "mockex/core/timestamp.hpp"
#include "mockex/scenario/market_event.hpp"

namespace mockex::scenario {

class MarketSource {
 public:
  virtual ~MarketSource() = default;
  // Scenario time of the next event; nullopt when the source is exhausted.
  virtual std::optional<core::Timestamp> next_event_time() const = 0;
  // Appends every event with time <= `until`, in order, to `out`; returns how many.
  virtual std::size_t pop_until(core::Timestamp until, std::vector<MarketEvent>& out) = 0;
};

// Several sources (one per symbol) merged in time order; ties go to the source added first.
class MergedMarket final : public MarketSource {
 public:
  void add(std::unique_ptr<MarketSource> source);
  std::optional<core::Timestamp> next_event_time() const override;
  std::size_t pop_until(core::Timestamp until, std::vector<MarketEvent>& out) override;
  std::size_t size() const { return sources_.size(); }

 private:
  std::vector<std::unique_ptr<MarketSource>> sources_;
};

}  // namespace mockex::scenario
