#pragma once
// Builds the market sources a scenario describes: one per `market` entry, merged in time order.

#include <memory>

#include "mockex/core/rng.hpp"
#include "mockex/scenario/market_source.hpp"
#include "mockex/scenario/model.hpp"

namespace mockex::scenario {

// The Rng stream of a symbol's generator: derived from the symbol name, so adding or reordering
// instruments does not change another symbol's market.
std::uint64_t market_stream_id(std::string_view symbol);

// The source for scenario.markets[market_index], starting at `start`: a RandomWalk, a
// ReplayReader (reading spec.replay->resolved_path), or a one-off snapshot of the initial book.
std::unique_ptr<MarketSource> make_market_source(const Scenario& scenario, std::size_t market_index,
                                                 core::Timestamp start, const core::Rng& root);

// Every market of the scenario, merged; `root` is the session's Rng seeded with scenario.seed.
std::unique_ptr<MergedMarket> make_market(const Scenario& scenario, core::Timestamp start,
                                          const core::Rng& root);

}  // namespace mockex::scenario
