#pragma once
// The faults of order entry (stages order_new and order_cancel) and the trading events that
// start triggered faults, for REST and the WebSocket API alike.

#include "rest_context.hpp"

#include <mockex/venue/commands.hpp>

#include <chrono>
#include <optional>

namespace mockex::dialect::binance {

// What the faults decided for one new order (a fill_delay in report mode is handed to the user
// data hub at once, keyed by the client order id: an order without one is not delayed).
struct NewOrderFaults {
  std::optional<ApiError> rejection;              // order_reject: answer this, place nothing
  std::optional<std::chrono::microseconds> hold;  // fill_delay: match this much later
};

// Consulted before a new order reaches the venue. Sets what the venue must do differently in
// `order` (deferred matching, a capped fill); an ack_lost fault is noted in the call (the order
// is placed, its answer lost). Also feeds the "order" trigger.
NewOrderFaults new_order_faults(RestCall& call, venue::PlaceOrder& order);
// After the venue accepted it: the "order_ack" trigger, and the deferred matching scheduled on
// the session's clock.
void order_acked(RestCall& call, const venue::PlaceOrder& order, const venue::Order& placed,
                 const NewOrderFaults& faults);
// Consulted before a cancel reaches the venue: cancel_unknown answers -2011 and leaves the
// order open.
std::optional<ApiError> cancel_faults(RestCall& call, std::string_view symbol,
                                      std::string_view client_order_id);

}  // namespace mockex::dialect::binance
