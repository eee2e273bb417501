#pragma once
// Plain-field summaries the session hands to the Journal's recorders, one per common entry kind.
// They depend on no venue, book or transport type: ids, prices and quantities arrive as the
// strings and numbers the session already printed. Each recorder turns its summary into the
// entry's `data` object; the keys written are listed beside each struct. Empty strings, zero ids
// and empty lists are left out of `data`. Every field has a default member initializer, so callers
// can name only the fields they have with designated initializers.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mockex::journal {

// `remote` is the client's address as "host:port" ("[v6]:port" for IPv6); the report groups a
// client's connections by host (and API key, when one was sent).

// http_request: method, path, query, remote, api_key, headers {name: value}, body, body_bytes.
// One per request: the texts are views of the request, valid for the call (nothing is copied
// but what the entry keeps).
struct HttpRequestRecord {
  std::string_view method{};
  std::string_view path{};   // as the dialect sees it, with or without the /s/{id} prefix
  std::string_view query{};  // raw, without '?'
  std::string_view remote{};
  std::string_view api_key{};
  std::vector<std::pair<std::string, std::string>> headers{};  // only those worth keeping
  std::string_view body{};  // kept up to JournalOptions::max_body_bytes; body_bytes is the full size
};

// http_response: method, path, query, status, latency_us, remote, api_key, request_body, body,
// body_bytes. One per request, when its answer left (or failed to leave) the server. Views, as
// above.
struct HttpResponseRecord {
  std::string_view method{};
  std::string_view path{};
  std::string_view query{};
  std::string_view remote{};
  std::string_view api_key{};
  int status = 0;                // 0: no response was delivered (hang, reset, ack lost)
  std::int64_t latency_us = 0;   // request read -> response written, injected delays included
  std::string_view request_body{};  // form parameters of a POST/PUT/DELETE, for retry detection
  std::string_view body{};          // kept up to JournalOptions::max_body_bytes
};

// ws_open: conn, remote, api_key, path, streams
struct WsOpenRecord {
  std::uint64_t conn_id = 0;  // unique per session
  std::string remote{};
  std::string api_key{};
  std::string path{};                  // e.g. /ws/btcusdt@depth or /stream
  std::vector<std::string> streams{};  // streams subscribed by the URL itself
};

// ws_close: conn, remote, api_key, code, reason, by
struct WsCloseRecord {
  std::uint64_t conn_id = 0;
  std::string remote{};
  std::string api_key{};
  int code = 0;        // the close code, 0 when the TCP connection just ended
  std::string reason{};
  std::string by{};      // "client", "server", "fault" or "error"
};

enum class WsDirection : std::uint8_t { in, out };

// ws_in / ws_out: conn, recipients, stream, subscribe, unsubscribe, text, text_bytes
struct WsMessageRecord {
  WsDirection direction = WsDirection::in;
  std::uint64_t conn_id = 0;  // 0 with `recipients`: one market-stream event sent to many
  std::uint64_t recipients = 0;  // connections a fanned-out stream event went to
  std::string stream{};  // the stream name (out) or the request method (in), when known
  std::vector<std::string> subscribe{};    // streams this message subscribed (a control request)
  std::vector<std::string> unsubscribe{};  // streams this message unsubscribed
  std::string text{};  // kept up to JournalOptions::max_text_bytes; text_bytes is the full size
};

// fault: name, fault_kind, effect, target
struct FaultRecord {
  std::string name{};    // the rule's name from the scenario or admin API
  std::string kind{};    // a fault kind name: latency, http_error, ws_drop, ...
  std::string effect{};  // what was done, e.g. "delay 250ms", "status 503", "dropped"
  std::string target{};  // what it was done to, e.g. "GET /api/v3/order", "ws 7 btcusdt@depth"
};

enum class OrderEvent : std::uint8_t {
  placed,           // accepted by the venue
  rejected,         // refused on placement (error_code says why)
  canceled,         // canceled by the client (or by the venue on its behalf)
  cancel_rejected,  // a cancel request was refused (error_code says why)
  expired,          // ended by time in force or by the venue
  amended,          // changed in place
};

// order: event, account, symbol, side, type, client_order_id, order_id, price, qty,
// error_code, error_message
struct OrderRecord {
  OrderEvent event = OrderEvent::placed;
  std::string account{};  // the account name or API key the order belongs to
  std::string symbol{};
  std::string side{};  // as the venue spells it
  std::string type{};
  std::string client_order_id{};
  std::uint64_t order_id = 0;  // 0: none assigned (a rejected order)
  std::string price{};           // decimal text, exact
  std::string qty{};
  int error_code = 0;  // the venue's code for rejected / cancel_rejected, 0 otherwise
  std::string error_message{};
};

// fill: account, symbol, side, order_id, client_order_id, trade_id, price, qty, maker,
// order_filled
struct FillRecord {
  std::string account{};
  std::string symbol{};
  std::string side{};
  std::uint64_t order_id = 0;
  std::string client_order_id{};
  std::uint64_t trade_id = 0;
  std::string price{};
  std::string qty{};
  bool maker = false;
  bool order_filled = false;  // this fill completed the order
};

std::string_view direction_name(WsDirection direction);
std::string_view order_event_name(OrderEvent event);

}  // namespace mockex::journal
