// Rolling tickers and avgPrice over the one-minute buckets (see market_data.hpp for the window).

#include <algorithm>

#include "mockex/marketdata/market_data.hpp"
#include "symbol_state.hpp"

namespace mockex::marketdata {
namespace {

// The stored minute buckets [first, end) inside [floor_minute(now - window), now].
struct WindowRange {
  std::int64_t start_ms = 0;
  std::size_t first = 0;
  std::size_t end = 0;
};

WindowRange window_range(const Ring<detail::Bucket>& buckets, std::chrono::minutes window,
                         std::int64_t now_ms) {
  WindowRange range;
  const std::int64_t window_ms = std::chrono::milliseconds{window}.count();
  range.start_ms = bucket_open(Interval::m1, now_ms - window_ms);
  const auto by_open = [](const detail::Bucket& b, std::int64_t t) { return b.open_ms < t; };
  range.first = buckets.lower_bound(range.start_ms, by_open);
  range.end = buckets.lower_bound(now_ms + 1, by_open);
  return range;
}

}  // namespace

std::optional<Ticker> MarketData::ticker(venue::SymbolId symbol, std::chrono::minutes window,
                                         core::Timestamp now) const {
  const SymbolState* state = find(symbol);
  if (!state || !state->last) return std::nullopt;
  window = std::clamp<std::chrono::minutes>(window, std::chrono::minutes{1}, std::chrono::days{7});
  const auto& buckets = state->minutes.buckets();
  const WindowRange range = window_range(buckets, window, now.millis());

  Ticker ticker;
  ticker.open_time_ms = range.start_ms;
  ticker.close_time_ms = now.millis();
  if (range.first >= range.end) {
    const core::Price last = state->last->price;
    ticker.prev_close_price = last;
    ticker.last_price = ticker.open_price = ticker.high_price = ticker.low_price = last;
    ticker.weighted_avg_price = last;
    ticker.last_qty = state->last->qty;
    return ticker;
  }

  const detail::Bucket& head = buckets[range.first];
  const detail::Bucket& tail = buckets[range.end - 1];
  ticker.prev_close_price = range.first > 0 ? buckets[range.first - 1].close : core::Price{};
  ticker.open_price = head.open;
  ticker.high_price = head.high;
  ticker.low_price = head.low;
  ticker.last_price = tail.close;
  ticker.last_qty = tail.last_qty;
  ticker.first_id = head.first_id;
  ticker.last_id = tail.last_id;
  core::Int128 volume = 0;
  core::Int128 quote = 0;
  for (std::size_t i = range.first; i < range.end; ++i) {
    const detail::Bucket& bucket = buckets[i];
    ticker.high_price = std::max(ticker.high_price, bucket.high);
    ticker.low_price = std::min(ticker.low_price, bucket.low);
    volume += bucket.volume;
    quote += bucket.quote;
    ticker.count += bucket.count;
  }
  ticker.volume = core::Qty{detail::saturate(volume)};
  ticker.quote_volume = detail::to_quote(quote, state->scales);
  ticker.weighted_avg_price = detail::weighted_average(quote, volume, ticker.last_price);
  ticker.price_change = ticker.last_price - ticker.open_price;
  ticker.price_change_percent = detail::change_percent(ticker.open_price, ticker.last_price);
  return ticker;
}

std::optional<AvgPrice> MarketData::avg_price(venue::SymbolId symbol, core::Timestamp now) const {
  const SymbolState* state = find(symbol);
  if (!state || !state->last) return std::nullopt;
  const auto& buckets = state->minutes.buckets();
  const WindowRange range = window_range(buckets, kAvgPriceWindow, now.millis());
  core::Int128 volume = 0;
  core::Int128 quote = 0;
  for (std::size_t i = range.first; i < range.end; ++i) {
    volume += buckets[i].volume;
    quote += buckets[i].quote;
  }
  AvgPrice avg;
  avg.mins = static_cast<int>(kAvgPriceWindow.count());
  avg.price = detail::weighted_average(quote, volume, state->last->price);
  avg.close_time_ms = state->last->time_ms;
  return avg;
}

}  // namespace mockex::marketdata
