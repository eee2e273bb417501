#include "order_journal.hpp"

#include <mockex/core/decimal.hpp>

namespace mockex::session {
namespace {

std::string account_name(const venue::Venue& venue, core::AccountId account) {
  const auto* spec = venue.account(account);
  return spec ? spec->api_key : std::string();
}

void record_fill(journal::Journal& journal, journal::Stamp at, const venue::Venue& venue,
                 const venue::OrderUpdate& update) {
  const auto& order = update.order;
  const auto& fill = *update.last_fill;
  const auto& spec = venue.instrument(order.symbol);
  journal.record_fill(at, {.account = account_name(venue, order.account),
                           .symbol = spec.symbol,
                           .side = std::string(book::to_string(order.side)),
                           .order_id = order.id.value(),
                           .client_order_id = std::string(order.client_order_id.view()),
                           .trade_id = fill.trade_id.value(),
                           .price = core::format_decimal(fill.price.units(), spec.price_scale),
                           .qty = core::format_decimal(fill.qty.units(), spec.qty_scale),
                           .maker = fill.is_maker,
                           .order_filled = order.status == venue::OrderStatus::filled});
}

void record_end(journal::Journal& journal, journal::Stamp at, const venue::Venue& venue,
                const venue::OrderUpdate& update, journal::OrderEvent event) {
  const auto& order = update.order;
  const auto& spec = venue.instrument(order.symbol);
  journal::OrderRecord record;
  record.event = event;
  record.account = account_name(venue, order.account);
  record.symbol = spec.symbol;
  record.side = std::string(book::to_string(order.side));
  record.type = std::string(book::to_string(order.type));
  record.client_order_id = std::string(order.client_order_id.view());
  record.order_id = order.id.value();
  record.price = core::format_decimal(order.price.units(), spec.price_scale);
  record.qty = core::format_decimal(order.orig_qty.units(), spec.qty_scale);
  journal.record_order(at, record);
}

}  // namespace

void journal_order_events(journal::Journal& journal, journal::Stamp at, const venue::Venue& venue,
                          const venue::Events& events) {
  for (const auto& event : events) {
    const auto* update = std::get_if<venue::OrderUpdate>(&event);
    if (update == nullptr || !update->order.account.is_valid()) continue;
    switch (update->exec) {
      case venue::ExecType::trade:
        if (update->last_fill) record_fill(journal, at, venue, *update);
        break;
      case venue::ExecType::canceled:
        record_end(journal, at, venue, *update, journal::OrderEvent::canceled);
        break;
      case venue::ExecType::expired:
      case venue::ExecType::trade_prevention:
        record_end(journal, at, venue, *update, journal::OrderEvent::expired);
        break;
      case venue::ExecType::new_order:
      case venue::ExecType::rejected:
        break;
    }
  }
}

}  // namespace mockex::session
