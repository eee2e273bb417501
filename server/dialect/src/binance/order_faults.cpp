#include "order_faults.hpp"

#include "fault_replies.hpp"

namespace mockex::dialect::binance {
namespace {

std::string_view api_key_of(RestCall& call) {
  const auto* account = call.session.venue().account(call.account);
  return account != nullptr ? std::string_view(account->api_key) : std::string_view();
}

fault::Point order_point(RestCall& call, fault::Stage stage, std::string_view symbol,
                         std::string_view client_order_id) {
  fault::Point point;
  point.stage = stage;
  // The WebSocket API's calls carry the upgrade request.
  point.protocol = call.request.header("Upgrade") ? "ws-api" : "http";
  point.symbol = symbol;
  point.api_key = api_key_of(call);
  point.client_order_id = client_order_id;
  return point;
}

// ratio x the order's quantity, down to the lot step (nothing for an order by quote amount).
std::optional<core::Qty> capped_qty(RestCall& call, const venue::PlaceOrder& order, double ratio) {
  if (!order.qty.is_positive()) return std::nullopt;
  auto symbol = call.session.venue().find_symbol(order.symbol);
  if (!symbol) return std::nullopt;
  std::int64_t step = 1;
  for (const auto& filter : call.session.venue().instrument(*symbol).filters) {
    if (const auto* lot = std::get_if<venue::LotSizeFilter>(&filter)) {
      step = std::max<std::int64_t>(1, lot->step_size.units());
    }
  }
  auto units = static_cast<std::int64_t>(static_cast<double>(order.qty.units()) * ratio);
  return core::Qty{units / step * step};
}

void observe(RestCall& call, fault::TriggerOn on, const venue::PlaceOrder& order) {
  call.session.faults().observe(
      {.on = on, .symbol = order.symbol, .api_key = api_key_of(call),
       .client_order_id = order.client_order_id.view()});
}

}  // namespace

NewOrderFaults new_order_faults(RestCall& call, venue::PlaceOrder& order) {
  observe(call, fault::TriggerOn::order, order);
  NewOrderFaults out;
  auto& faults = call.session.faults();
  if (!faults.watches(fault::Stage::order_new)) return out;
  auto client_id = order.client_order_id.view();
  auto point = order_point(call, fault::Stage::order_new, order.symbol, client_id);
  auto target = [&] {
    return "new order " + order.symbol + (client_id.empty() ? "" : " " + std::string(client_id));
  };
  for (const auto& fired : faults.decide(point, target)) {
    if (const auto* reject = std::get_if<fault::OrderReject>(&fired.effect)) {
      if (!out.rejection) out.rejection = order_reject_error(*reject);
    } else if (const auto* lost = std::get_if<fault::AckLost>(&fired.effect)) {
      call.ack_lost = lost->mode;
    } else if (const auto* delay = std::get_if<fault::FillDelay>(&fired.effect)) {
      if (delay->report_only) {
        // Known before placing, so the fills made while placing are late too.
        if (!client_id.empty()) {
          binance_state(call.session).user_data->delay_reports(client_id, delay->delay);
        }
      } else {
        out.hold = delay->delay;
        order.defer_matching = true;
      }
    } else if (const auto* partial = std::get_if<fault::PartialFill>(&fired.effect)) {
      order.max_fill_qty = capped_qty(call, order, partial->ratio);
    }
  }
  if (out.rejection) call.ack_lost.reset();
  return out;
}

void order_acked(RestCall& call, const venue::PlaceOrder& order, const venue::Order& placed,
                 const NewOrderFaults& faults) {
  observe(call, fault::TriggerOn::order_ack, order);
  if (!faults.hold) return;
  auto session = call.session.shared_from_this();
  auto symbol = order.symbol;
  auto id = placed.id;
  auto& clock = call.session.clock();
  auto release = [session, symbol, id] {
    venue::Events events;
    // Canceled meanwhile: nothing to release.
    if (session->venue().release_deferred(symbol, id, session->clock().now(), events)) {
      session->publish(events);
    }
  };
  // A full timer queue must not strand the order: it then meets the book at once.
  if (!clock.schedule_at(clock.now() + *faults.hold, release)) release();
}

std::optional<ApiError> cancel_faults(RestCall& call, std::string_view symbol,
                                      std::string_view client_order_id) {
  auto& faults = call.session.faults();
  if (!faults.watches(fault::Stage::order_cancel)) return std::nullopt;
  auto point = order_point(call, fault::Stage::order_cancel, symbol, client_order_id);
  auto fired = faults.first<fault::CancelUnknown>(point, [&] { return "cancel " + std::string(symbol); });
  if (fired) return make_error(Error::unknown_order);
  return std::nullopt;
}

}  // namespace mockex::dialect::binance
