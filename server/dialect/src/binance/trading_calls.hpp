#pragma once
// The bodies of the REST trading and account endpoints that the WebSocket API serves too
// (spec §11.4: order.place, order.cancel, order.status, openOrders.status, openOrders.cancelAll
// and account.status take the same params and give the same results and errors). Each expects
// an authenticated call: `call.account` is the caller's account.

#include "rest_context.hpp"

namespace mockex::dialect::binance {

RestResult place_order(RestCall& call);         // POST /api/v3/order
RestResult cancel_order(RestCall& call);        // DELETE /api/v3/order
RestResult query_order(RestCall& call);         // GET /api/v3/order
RestResult open_orders(RestCall& call);         // GET /api/v3/openOrders
RestResult cancel_open_orders(RestCall& call);  // DELETE /api/v3/openOrders
RestResult account(RestCall& call);             // GET /api/v3/account

// GET openOrders weighs 6 with a symbol and 80 without (spec §4.4).
int open_orders_weight(const Params& params);

}  // namespace mockex::dialect::binance
