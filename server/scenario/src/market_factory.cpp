#include "mockex/scenario/market_factory.hpp"

#include <cassert>

#include "mockex/scenario/random_walk.hpp"
#include "mockex/scenario/replay_reader.hpp"

namespace mockex::scenario {

namespace {

// The initial book of a market without a generator (or before a replay's first line): one
// snapshot at the start, then nothing.
class InitialBook final : public MarketSource {
 public:
  InitialBook(std::uint32_t symbol, const MarketSpec& market, core::Timestamp start) {
    events_.push_back(MarketEvent{start, symbol, MarketEventKind::clear_book, Side::buy, {}, {}});
    for (const auto& level : market.bids) {
      events_.push_back(MarketEvent{start, symbol, MarketEventKind::level, Side::buy, level.price, level.qty});
    }
    for (const auto& level : market.asks) {
      events_.push_back(MarketEvent{start, symbol, MarketEventKind::level, Side::sell, level.price, level.qty});
    }
  }

  std::optional<core::Timestamp> next_event_time() const override {
    if (next_ < events_.size()) return events_[next_].time;
    return std::nullopt;
  }

  std::size_t pop_until(core::Timestamp until, std::vector<MarketEvent>& out) override {
    const std::size_t first = next_;
    while (next_ < events_.size() && events_[next_].time <= until) out.push_back(events_[next_++]);
    return next_ - first;
  }

 private:
  std::vector<MarketEvent> events_;
  std::size_t next_ = 0;
};

}  // namespace

std::uint64_t market_stream_id(std::string_view symbol) {
  // FNV-1a: stable across platforms and standard libraries, unlike std::hash.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : symbol) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::unique_ptr<MarketSource> make_market_source(const Scenario& scenario, std::size_t market_index,
                                                 core::Timestamp start, const core::Rng& root) {
  const MarketSpec& market = scenario.markets.at(market_index);
  const int index = scenario.instrument_index(market.symbol);
  assert(index >= 0 && "the loader only accepts markets of known symbols");
  const auto symbol = static_cast<std::uint32_t>(index);
  const Instrument& instrument = scenario.instruments[symbol];
  if (market.random_walk) {
    return std::make_unique<RandomWalk>(instrument, symbol, *market.random_walk, market.bids,
                                        market.asks, start, root.fork(market_stream_id(market.symbol)));
  }
  if (market.replay) {
    ReplayConfig config;
    config.file_name = market.replay->resolved_path;
    config.symbol = symbol;
    config.price_scale = instrument.price_scale();
    config.qty_scale = instrument.qty_scale();
    config.start = start;
    config.speed = market.replay->speed;
    config.loop = market.replay->loop;
    auto replay = ReplayReader::from_file(std::move(config), market.replay->resolved_path);
    if (market.bids.empty() && market.asks.empty()) return replay;
    auto merged = std::make_unique<MergedMarket>();
    merged->add(std::make_unique<InitialBook>(symbol, market, start));
    merged->add(std::move(replay));
    return merged;
  }
  return std::make_unique<InitialBook>(symbol, market, start);
}

std::unique_ptr<MergedMarket> make_market(const Scenario& scenario, core::Timestamp start,
                                          const core::Rng& root) {
  auto merged = std::make_unique<MergedMarket>();
  for (std::size_t i = 0; i < scenario.markets.size(); ++i) {
    merged->add(make_market_source(scenario, i, start, root));
  }
  return merged;
}

}  // namespace mockex::scenario
