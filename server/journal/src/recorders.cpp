// The Journal's convenience recorders: each turns a plain record into an entry's `data` object,
// leaving out empty fields and cutting client-supplied text to the configured sizes.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mockex/journal/journal.hpp"
#include "text.hpp"

namespace mockex::journal {

namespace {

using nlohmann::json;

void put(json& data, const char* key, std::string_view value) {
  if (!value.empty()) data[key] = value;
}

void put(json& data, const char* key, std::uint64_t value) {
  if (value != 0) data[key] = value;
}

void put(json& data, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) data[key] = values;
}

// Keeps at most `max_bytes` of `text` under `key`; when cut, `size_key` holds the full size.
void put_text(json& data, const char* key, const char* size_key, std::string_view text,
              std::size_t max_bytes) {
  if (text.empty()) return;
  const std::string_view kept = detail::utf8_prefix(text, max_bytes);
  data[key] = kept;
  if (kept.size() != text.size()) data[size_key] = text.size();
}

}  // namespace

std::string_view direction_name(WsDirection direction) {
  return direction == WsDirection::in ? "in" : "out";
}

std::string_view order_event_name(OrderEvent event) {
  switch (event) {
    case OrderEvent::placed: return "placed";
    case OrderEvent::rejected: return "rejected";
    case OrderEvent::canceled: return "canceled";
    case OrderEvent::cancel_rejected: return "cancel_rejected";
    case OrderEvent::expired: return "expired";
    case OrderEvent::amended: return "amended";
  }
  return "unknown";
}

std::uint64_t Journal::record_http_request(Stamp at, const HttpRequestRecord& request) {
  json data = json::object();
  put(data, "method", request.method);
  put(data, "path", request.path);
  put(data, "query", request.query);
  put(data, "remote", request.remote);
  put(data, "api_key", request.api_key);
  if (!request.headers.empty()) {
    json headers = json::object();
    for (const auto& [name, value] : request.headers) headers[name] = value;
    data["headers"] = std::move(headers);
  }
  put_text(data, "body", "body_bytes", request.body, options_.max_body_bytes);
  return record(at, EntryKind::http_request, std::move(data));
}

std::uint64_t Journal::record_http_response(Stamp at, const HttpResponseRecord& response) {
  json data = json::object();
  put(data, "method", response.method);
  put(data, "path", response.path);
  put(data, "query", response.query);
  data["status"] = response.status;
  data["latency_us"] = response.latency_us;
  put(data, "remote", response.remote);
  put(data, "api_key", response.api_key);
  put_text(data, "request_body", "request_body_bytes", response.request_body,
           options_.max_body_bytes);
  put_text(data, "body", "body_bytes", response.body, options_.max_body_bytes);
  return record(at, EntryKind::http_response, std::move(data));
}

std::uint64_t Journal::record_ws_open(Stamp at, const WsOpenRecord& open) {
  json data = json::object();
  data["conn"] = open.conn_id;
  put(data, "remote", open.remote);
  put(data, "api_key", open.api_key);
  put(data, "path", open.path);
  put(data, "streams", open.streams);
  return record(at, EntryKind::ws_open, std::move(data));
}

std::uint64_t Journal::record_ws_close(Stamp at, const WsCloseRecord& close) {
  json data = json::object();
  data["conn"] = close.conn_id;
  put(data, "remote", close.remote);
  put(data, "api_key", close.api_key);
  data["code"] = close.code;
  put(data, "reason", close.reason);
  put(data, "by", close.by);
  return record(at, EntryKind::ws_close, std::move(data));
}

std::uint64_t Journal::record_ws_message(Stamp at, const WsMessageRecord& message) {
  json data = json::object();
  data["conn"] = message.conn_id;
  if (message.recipients > 0) data["recipients"] = message.recipients;
  put(data, "stream", message.stream);
  put(data, "subscribe", message.subscribe);
  put(data, "unsubscribe", message.unsubscribe);
  put_text(data, "text", "text_bytes", message.text, options_.max_text_bytes);
  const auto kind = message.direction == WsDirection::in ? EntryKind::ws_in : EntryKind::ws_out;
  return record(at, kind, std::move(data));
}

std::uint64_t Journal::record_fault(Stamp at, const FaultRecord& fault) {
  json data = json::object();
  put(data, "name", fault.name);
  put(data, "fault_kind", fault.kind);
  put(data, "effect", fault.effect);
  put(data, "target", fault.target);
  return record(at, EntryKind::fault, std::move(data));
}

std::uint64_t Journal::record_order(Stamp at, const OrderRecord& order) {
  json data = json::object();
  data["event"] = order_event_name(order.event);
  put(data, "account", order.account);
  put(data, "symbol", order.symbol);
  put(data, "side", order.side);
  put(data, "type", order.type);
  put(data, "client_order_id", order.client_order_id);
  put(data, "order_id", order.order_id);
  put(data, "price", order.price);
  put(data, "qty", order.qty);
  if (order.error_code != 0) data["error_code"] = order.error_code;
  put(data, "error_message", order.error_message);
  return record(at, EntryKind::order, std::move(data));
}

std::uint64_t Journal::record_fill(Stamp at, const FillRecord& fill) {
  json data = json::object();
  put(data, "account", fill.account);
  put(data, "symbol", fill.symbol);
  put(data, "side", fill.side);
  put(data, "order_id", fill.order_id);
  put(data, "client_order_id", fill.client_order_id);
  put(data, "trade_id", fill.trade_id);
  put(data, "price", fill.price);
  put(data, "qty", fill.qty);
  data["maker"] = fill.maker;
  data["order_filled"] = fill.order_filled;
  return record(at, EntryKind::fill, std::move(data));
}

std::uint64_t Journal::record_event(Stamp at, EntryKind kind, std::string_view event,
                                    json detail) {
  json data = json::object();
  if (detail.is_object()) {
    data = std::move(detail);
  } else if (!detail.is_null()) {
    data["detail"] = std::move(detail);
  }
  data["event"] = event;
  return record(at, kind, std::move(data));
}

}  // namespace mockex::journal
