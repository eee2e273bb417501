#pragma once
// What the fault engine's decisions look like in Binance's words: error replies in the venue's
// error format (spec §5) and the payload manglings (malformed, corrupt). Pure text work.

#include <mockex/dialect/binance/errors.hpp>
#include <mockex/fault/effect.hpp>
#include <mockex/scenario/model.hpp>

#include <string>

namespace mockex::dialect::binance {

// The Binance error an http_error fault stands for. Defaults by status: 429 and 418 as the rate
// limiter words them (with Retry-After, 60 s unless the rule says, and the weight header at the
// scenario's limit), 503 -1008 (overloaded), 504 -1007 (backend timeout), 500 and 502 -1000.
// A rule's code without a message takes Binance's message for that code when there is one.
ApiError fault_error(const fault::ErrorReply& reply, const scenario::Scenario& scenario,
                     std::int64_t now_ms);
// The rejection of an order_reject fault: -2010 "Account has insufficient balance for requested
// action." unless the rule names another code or message.
ApiError order_reject_error(const fault::OrderReject& reject);
// The answer of an ack_lost fault in mode `error`: 503 -1007, the order's fate unknown.
ApiError ack_lost_error();

// JSON that no parser accepts but that looks right at a glance: a trailing comma before the
// closing bracket ({"a":1,}).
std::string malformed_json(std::string text);
// A WebSocket message corrupted as a ws_corrupt rule says: cut to half (truncate), broken syntax
// (invalid_json), or valid JSON with the event time "E" (else the first value) of the wrong type.
std::string corrupt_json(std::string text, fault::CorruptMode mode);

}  // namespace mockex::dialect::binance
