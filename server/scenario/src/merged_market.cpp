#include "mockex/scenario/market_source.hpp"

namespace mockex::scenario {

void MergedMarket::add(std::unique_ptr<MarketSource> source) { sources_.push_back(std::move(source)); }

std::optional<core::Timestamp> MergedMarket::next_event_time() const {
  std::optional<core::Timestamp> next;
  for (const auto& source : sources_) {
    auto t = source->next_event_time();
    if (t && (!next || *t < *next)) next = t;
  }
  return next;
}

std::size_t MergedMarket::pop_until(core::Timestamp until, std::vector<MarketEvent>& out) {
  const std::size_t before = out.size();
  // Repeatedly take from the earliest source everything up to the next source's time (ties to
  // the earlier-added source), so the merged stream is in time order.
  for (;;) {
    std::size_t first = sources_.size();
    core::Timestamp first_time = core::Timestamp::max();
    core::Timestamp second_time = core::Timestamp::max();
    for (std::size_t i = 0; i < sources_.size(); ++i) {
      auto t = sources_[i]->next_event_time();
      if (!t || *t > until) continue;
      if (*t < first_time) {
        second_time = first_time;
        first_time = *t;
        first = i;
      } else if (*t < second_time) {
        second_time = *t;
      }
    }
    if (first == sources_.size()) break;
    // Events at second_time itself belong to a later source when it ties, so stop just before.
    const core::Timestamp limit =
        second_time == core::Timestamp::max() ? until
                                              : std::min(until, second_time - std::chrono::microseconds{1});
    const core::Timestamp bound = std::max(limit, first_time);
    sources_[first]->pop_until(bound, out);
  }
  return out.size() - before;
}

}  // namespace mockex::scenario
