#pragma once
// The user data events of spec §11.4, rendered from venue events as JSON text with Binance's
// field order: executionReport (OrderUpdate), outboundAccountPosition (AccountPosition),
// balanceUpdate (BalanceDelta), and the stream's own eventStreamTerminated and listenKeyExpired.
// Pure: the venue is read for names and scales only; every time arrives as an argument.

#include <mockex/venue/events.hpp>
#include <mockex/venue/venue.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace mockex::dialect::binance {

// `execution_id` is "I" (Binance's execution id, unique per session); `event_ms` is "E".
std::string execution_report(const venue::Venue& venue, const venue::OrderUpdate& update,
                             std::uint64_t execution_id, std::int64_t event_ms);
std::string account_position(const venue::Venue& venue, const venue::AccountPosition& position,
                             std::int64_t event_ms);
std::string balance_update(const venue::Venue& venue, const venue::BalanceDelta& delta,
                           std::int64_t event_ms);
// {"e":"eventStreamTerminated","E":ms}: the subscription ended (WS API unsubscribe).
std::string event_stream_terminated(std::int64_t event_ms);
// {"e":"listenKeyExpired","E":ms,"listenKey":"…"}: the last event of a legacy socket's key.
std::string listen_key_expired(std::string_view listen_key, std::int64_t event_ms);

// {"subscriptionId":n,"event":<payload>}: an event on the WebSocket API.
std::string ws_api_event(std::int64_t subscription_id, std::string_view payload);

}  // namespace mockex::dialect::binance
