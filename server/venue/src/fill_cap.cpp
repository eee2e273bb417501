// The partial_fill fault's question: would an order, sent to the book as it stands, execute more
// than its cap? Answered by walking the opposite side the way the book's matching would.

#include <algorithm>
#include <cstddef>

#include "mockex/core/arithmetic.hpp"
#include "level_walk.hpp"
#include "venue_impl.hpp"

namespace mockex::venue {

bool Venue::Impl::executes_more_than(const Market& m, const book::NewOrder& order,
                                     core::Qty cap) const {
  const bool by_quote = order.type == OrderType::market && order.quote_qty.is_positive();
  if (!by_quote && order.qty <= cap) return false;

  const book::BookConfig& config = m.book.config();
  const Side side = book::opposite(order.side);
  const bool has_limit = book::has_limit_price(order.type);
  const bool stp_applies = order.stp != StpMode::none && order.owner.is_valid();
  const std::int64_t step = std::max<std::int64_t>(config.qty_step.units(), 1);
  // A quote budget at price + qty decimals, rounded down, as the book keeps it.
  core::Int128 budget = 0;
  if (by_quote) {
    const int shift = int{config.price_scale.decimals} + config.qty_scale.decimals -
                      config.quote_scale.decimals;
    budget = shift >= 0 ? static_cast<core::Int128>(order.quote_qty.units()) *
                              core::pow10_128(static_cast<unsigned>(shift))
                        : order.quote_qty.units() / core::pow10_128(static_cast<unsigned>(-shift));
  }

  core::Int128 taken = 0;
  bool more = false;
  detail::for_each_level(m.book, side, 16, [&](const book::LevelInfo& level) {
    const core::Price price = level.price;
    if (has_limit && (order.side == Side::buy ? price > order.price : price < order.price)) {
      return false;
    }
    for (const book::OrderInfo& maker : m.book.orders_at(side, price)) {
      if (stp_applies && maker.owner == order.owner) {
        // EXPIRE_MAKER removes the maker and goes on; the other modes expire the taker here.
        if (order.stp == StpMode::expire_maker) continue;
        return false;
      }
      std::int64_t fill = maker.open_qty.units();
      if (by_quote) {
        // Whole steps while the budget lasts; the first it cannot afford ends the order.
        const core::Int128 whole = budget / price.units();
        if (whole < fill) fill = static_cast<std::int64_t>(whole);
        fill -= fill % step;
        if (fill == 0) return false;
        budget -= static_cast<core::Int128>(price.units()) * fill;
      }
      taken += fill;
      if (taken > cap.units()) {
        more = true;
        return false;
      }
    }
    return true;
  });
  return more;
}

}  // namespace mockex::venue
