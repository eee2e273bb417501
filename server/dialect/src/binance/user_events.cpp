#include "user_events.hpp"

#include "json_writer.hpp"
#include "rest_context.hpp"

namespace mockex::dialect::binance {
namespace {

std::int64_t id_or_minus_one(core::TradeId id) {
  return id.is_valid() ? static_cast<std::int64_t>(id.value()) : -1;
}

}  // namespace

std::string execution_report(const venue::Venue& venue, const venue::OrderUpdate& update,
                             std::uint64_t execution_id, std::int64_t event_ms) {
  const auto& order = update.order;
  auto s = scales_of(venue, order.symbol);
  // The fill of a TRADE; zeros (and no commission asset) for every other execution type.
  const venue::Fill* fill = update.last_fill ? &*update.last_fill : nullptr;
  JsonWriter w;
  w.begin_object()
      .field("e", "executionReport")
      .field("E", event_ms)
      .field("s", venue.instrument(order.symbol).symbol)
      .field("c", update.client_order_id.view())
      .field("S", book::to_string(order.side))
      .field("o", book::to_string(order.type))
      .field("f", book::to_string(order.tif))
      .field("q", decimal(order.orig_qty.units(), s.qty))
      .field("p", decimal(order.price.units(), s.price))
      .field("P", decimal(order.stop_price.units(), s.price))
      .field("F", decimal(0, s.qty))
      .field("g", -1)
      .field("C", update.orig_client_order_id.view())
      .field("x", venue::to_string(update.exec))
      .field("X", venue::to_string(order.status))
      .field("r", "NONE")
      .field("i", order.id.value())
      .field("l", decimal(fill ? fill->qty.units() : 0, s.qty))
      .field("z", decimal(order.executed_qty.units(), s.qty))
      .field("L", decimal(fill ? fill->price.units() : 0, s.price));
  if (fill) {
    const auto& asset = venue.asset(fill->commission_asset);
    w.field("n", decimal(fill->commission.units(), asset.scale)).field("N", asset.name);
  } else {
    w.field("n", "0").key("N").null();
  }
  w.field("T", update.time.millis())
      .field("t", fill ? id_or_minus_one(fill->trade_id) : std::int64_t{-1})
      .field("I", execution_id)
      .field("w", order.is_working() && !venue::is_final(order.status))
      .field("m", fill != nullptr && fill->is_maker)
      .field("M", false)
      .field("O", order.time.millis())
      .field("Z", decimal(order.cumulative_quote_qty.units(), s.quote))
      .field("Y", decimal(fill ? fill->quote_qty.units() : 0, s.quote))
      .field("Q", decimal(order.orig_quote_qty.units(), s.quote))
      .field("W", order.working_time ? order.working_time->millis() : std::int64_t{-1})
      .field("V", book::to_string(order.stp));
  if (update.exec == venue::ExecType::trade_prevention) {
    w.field("v", order.prevented_match_id)
        .field("U", update.counter_order.value())
        .field("A", decimal(order.prevented_qty.units(), s.qty));
  }
  if (update.exec == venue::ExecType::expired && order.expiry_reason != venue::ExpiryReason::none) {
    w.field("eR", venue::to_string(order.expiry_reason));
  }
  w.end_object();
  return w.take();
}

std::string account_position(const venue::Venue& venue, const venue::AccountPosition& position,
                             std::int64_t event_ms) {
  JsonWriter w;
  w.begin_object()
      .field("e", "outboundAccountPosition")
      .field("E", event_ms)
      .field("u", position.time.millis())
      .key("B")
      .begin_array();
  for (std::uint8_t i = 0; i < position.count; ++i) {
    const auto& held = position.assets[i];
    const auto& asset = venue.asset(held.asset);
    w.begin_object()
        .field("a", asset.name)
        .field("f", decimal(held.free.units(), asset.scale))
        .field("l", decimal(held.locked.units(), asset.scale))
        .end_object();
  }
  w.end_array().end_object();
  return w.take();
}

std::string balance_update(const venue::Venue& venue, const venue::BalanceDelta& delta,
                           std::int64_t event_ms) {
  const auto& asset = venue.asset(delta.asset);
  JsonWriter w;
  w.begin_object()
      .field("e", "balanceUpdate")
      .field("E", event_ms)
      .field("a", asset.name)
      .field("d", decimal(delta.delta.units(), asset.scale))
      .field("T", delta.time.millis())
      .end_object();
  return w.take();
}

std::string event_stream_terminated(std::int64_t event_ms) {
  JsonWriter w;
  w.begin_object().field("e", "eventStreamTerminated").field("E", event_ms).end_object();
  return w.take();
}

std::string listen_key_expired(std::string_view listen_key, std::int64_t event_ms) {
  JsonWriter w;
  w.begin_object()
      .field("e", "listenKeyExpired")
      .field("E", event_ms)
      .field("listenKey", listen_key)
      .end_object();
  return w.take();
}

std::string ws_api_event(std::int64_t subscription_id, std::string_view payload) {
  JsonWriter w;
  w.begin_object().field("subscriptionId", subscription_id).key("event").raw(payload).end_object();
  return w.take();
}

}  // namespace mockex::dialect::binance
