// The Journal's convenience recorders: each turns a plain record into an entry's `data` object,
// leaving out empty fields and cutting client-supplied text to the configured sizes.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data_writer.hpp"
#include "mockex/journal/journal.hpp"
#include "text.hpp"

namespace mockex::journal {

namespace {

using nlohmann::json;

void put(json& data, const char* key, std::string_view value) {
  if (!value.empty()) data[key] = value;
}

void put(json& data, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) data[key] = values;
}

// Keeps at most `max_bytes` of `text` under `key`; when cut, `size_key` holds the full size.
void put_text(detail::DataWriter& data, std::string_view key, std::string_view size_key,
              std::string_view text, std::size_t max_bytes) {
  if (text.empty()) return;
  const std::string_view kept = detail::utf8_prefix(text, max_bytes);
  data.text(key, kept);
  if (kept.size() != text.size()) data.unsigned_number(size_key, text.size());
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
  detail::DataWriter data;  // keys in sorted order
  data.text("api_key", request.api_key);
  put_text(data, "body", "body_bytes", request.body, options_.max_body_bytes);
  if (!request.headers.empty()) {
    json headers = json::object();
    for (const auto& [name, value] : request.headers) headers[name] = value;
    data.raw("headers", dump_data(headers));
  }
  data.text("method", request.method);
  data.text("path", request.path);
  data.text("query", request.query);
  data.text("remote", request.remote);
  return record_text(at, EntryKind::http_request, data.finish());
}

std::uint64_t Journal::record_http_response(Stamp at, const HttpResponseRecord& response) {
  detail::DataWriter data;  // keys in sorted order
  data.text("api_key", response.api_key);
  put_text(data, "body", "body_bytes", response.body, options_.max_body_bytes);
  data.number("latency_us", response.latency_us);
  data.text("method", response.method);
  data.text("path", response.path);
  data.text("query", response.query);
  data.text("remote", response.remote);
  put_text(data, "request_body", "request_body_bytes", response.request_body,
           options_.max_body_bytes);
  data.number("status", response.status);
  return record_text(at, EntryKind::http_response, data.finish());
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
  detail::DataWriter data;  // keys in sorted order
  data.unsigned_number("conn", message.conn_id);
  if (message.recipients > 0) data.unsigned_number("recipients", message.recipients);
  data.text("stream", message.stream);
  if (!message.subscribe.empty()) data.raw("subscribe", dump_data(json(message.subscribe)));
  put_text(data, "text", "text_bytes", message.text, options_.max_text_bytes);
  if (!message.unsubscribe.empty()) data.raw("unsubscribe", dump_data(json(message.unsubscribe)));
  const auto kind = message.direction == WsDirection::in ? EntryKind::ws_in : EntryKind::ws_out;
  return record_text(at, kind, data.finish());
}

std::uint64_t Journal::record_fault(Stamp at, const FaultRecord& fault) {
  detail::DataWriter data;  // keys in sorted order
  data.text("effect", fault.effect);
  data.text("fault_kind", fault.kind);
  data.text("name", fault.name);
  data.text("target", fault.target);
  return record_text(at, EntryKind::fault, data.finish());
}

std::uint64_t Journal::record_order(Stamp at, const OrderRecord& order) {
  detail::DataWriter data;  // keys in sorted order
  data.text("account", order.account);
  data.text("client_order_id", order.client_order_id);
  if (order.error_code != 0) data.number("error_code", order.error_code);
  data.text("error_message", order.error_message);
  data.text("event", order_event_name(order.event));
  if (order.order_id != 0) data.unsigned_number("order_id", order.order_id);
  data.text("price", order.price);
  data.text("qty", order.qty);
  data.text("side", order.side);
  data.text("symbol", order.symbol);
  data.text("type", order.type);
  return record_text(at, EntryKind::order, data.finish());
}

std::uint64_t Journal::record_fill(Stamp at, const FillRecord& fill) {
  detail::DataWriter data;  // keys in sorted order
  data.text("account", fill.account);
  data.text("client_order_id", fill.client_order_id);
  data.boolean("maker", fill.maker);
  data.boolean("order_filled", fill.order_filled);
  if (fill.order_id != 0) data.unsigned_number("order_id", fill.order_id);
  data.text("price", fill.price);
  data.text("qty", fill.qty);
  data.text("side", fill.side);
  data.text("symbol", fill.symbol);
  if (fill.trade_id != 0) data.unsigned_number("trade_id", fill.trade_id);
  return record_text(at, EntryKind::fill, data.finish());
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
