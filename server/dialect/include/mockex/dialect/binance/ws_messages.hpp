#pragma once
// The JSON text frames clients send on WebSockets: control messages on market-stream sockets
// (spec §10.2) and requests on the WebSocket API (spec §11.2). Request ids are kept as their JSON
// text, so the reply echoes them with the same type (ccxt uses ints on one, strings on the other).

#include <mockex/dialect/binance/params.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mockex::dialect::binance {

struct ControlRequest {
  enum class Method { subscribe, unsubscribe, list_subscriptions, set_property, get_property };
  Method method = Method::subscribe;
  std::string id_json = "null";     // `1`, `"abc"` or `null`, exactly as the reply must carry it
  std::vector<std::string> streams; // SUBSCRIBE / UNSUBSCRIBE
  std::string property;             // SET_PROPERTY / GET_PROPERTY
  bool value = false;               // SET_PROPERTY
};

// A control message that cannot be served, with the reply text ready to send.
struct ControlError {
  std::string reply;
};

std::variant<ControlRequest, ControlError> parse_control(std::string_view text);

// {"result":<result_json>,"id":<id_json>}
std::string control_result(std::string_view id_json, std::string_view result_json);
// {"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":..} — the shape ccxt parses.
std::string control_invalid_stream(std::string_view id_json);
// {"code":<code>,"msg":<msg>,"id":..}: the other control errors (spec §10.2).
std::string control_error(int code, std::string_view msg, std::string_view id_json);

// One WebSocket API request. Scalar params keep their raw JSON text (numbers exactly as sent,
// strings unquoted), because the HMAC covers that text (spec §11.3).
struct WsApiRequest {
  std::string id_json = "null";
  std::string method;  // without a "v3/" prefix
  std::map<std::string, std::string> params;

  // The signed text: every param but `signature`, sorted by name, joined as k=v with '&'.
  std::string signature_payload() const;
  // The params as REST-style Params (for shared validation).
  Params as_params() const;
};

// A request that cannot be parsed: the error reply (status 400) is ready to send.
std::variant<WsApiRequest, std::string> parse_ws_api_request(std::string_view text);

}  // namespace mockex::dialect::binance
