#include <mockex/dialect/binance/ws_messages.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace mockex::dialect::binance {
namespace {

ControlRequest control(std::string_view text) {
  auto parsed = parse_control(text);
  EXPECT_TRUE(std::holds_alternative<ControlRequest>(parsed)) << text;
  return std::get<ControlRequest>(parsed);
}

nlohmann::json control_error(std::string_view text) {
  auto parsed = parse_control(text);
  EXPECT_TRUE(std::holds_alternative<ControlError>(parsed)) << text;
  return nlohmann::json::parse(std::get<ControlError>(parsed).reply);
}

TEST(BinanceControl, subscribe_keeps_the_id_type_for_the_reply) {
  auto numeric = control(R"({"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":1})");
  EXPECT_EQ(numeric.method, ControlRequest::Method::subscribe);
  EXPECT_EQ(numeric.streams, std::vector<std::string>{"btcusdt@trade"});
  EXPECT_EQ(control_result(numeric.id_json, "null"), R"({"result":null,"id":1})");
  auto text = control(R"({"method":"UNSUBSCRIBE","params":[],"id":"abc-1"})");
  EXPECT_EQ(control_result(text.id_json, "null"), R"({"result":null,"id":"abc-1"})");
  auto none = control(R"({"method":"LIST_SUBSCRIPTIONS"})");
  EXPECT_EQ(control_result(none.id_json, "[]"), R"({"result":[],"id":null})");
}

TEST(BinanceControl, properties) {
  auto set = control(R"({"method":"SET_PROPERTY","params":["combined",true],"id":4})");
  EXPECT_EQ(set.method, ControlRequest::Method::set_property);
  EXPECT_TRUE(set.value);
  auto get = control(R"({"method":"GET_PROPERTY","params":["combined"],"id":5})");
  EXPECT_EQ(get.method, ControlRequest::Method::get_property);
  EXPECT_EQ(control_error(R"({"method":"SET_PROPERTY","params":["fast",true],"id":6})"),
            nlohmann::json::parse(R"({"code":0,"msg":"Unknown property","id":6})"));
  EXPECT_EQ(control_error(R"({"method":"SET_PROPERTY","params":["combined","yes"],"id":7})"),
            nlohmann::json::parse(R"({"code":1,"msg":"Invalid value type: expected Boolean","id":7})"));
}

TEST(BinanceControl, bad_requests_get_binance_error_codes) {
  EXPECT_EQ(control_error("{not json")["code"], 3);
  EXPECT_EQ(control_error(R"({"method":"FLY","id":1})")["code"], 2);
  EXPECT_EQ(control_error(R"({"params":[],"id":1})")["code"], 2);
  EXPECT_EQ(control_error(R"({"method":"SUBSCRIBE","params":"btcusdt@trade","id":1})")["code"], 2);
  EXPECT_EQ(control_error(R"({"method":"SUBSCRIBE","params":[1],"id":1})")["code"], 2);
  EXPECT_EQ(control_error(R"({"method":"SUBSCRIBE","params":[],"id":1.5})")["code"], 2);
  EXPECT_EQ(control_error(R"({"method":"SUBSCRIBE","params":[],"id":"way-too-long-an-id-for-binance-0123456789"})")["code"],
            2);
}

TEST(BinanceControl, invalid_stream_reply_has_the_shape_ccxt_parses) {
  EXPECT_EQ(nlohmann::json::parse(control_invalid_stream("1")),
            nlohmann::json::parse(
                R"({"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":1})"));
}

WsApiRequest ws_api(std::string_view text) {
  auto parsed = parse_ws_api_request(text);
  EXPECT_TRUE(std::holds_alternative<WsApiRequest>(parsed)) << text;
  return std::get<WsApiRequest>(parsed);
}

TEST(BinanceWsApi, ccxt_subscribe_signature_payload_is_sorted_and_unsigned) {
  auto request = ws_api(
      R"({"id":"1","method":"userDataStream.subscribe.signature","params":{"timestamp":1700000000000,"apiKey":"demo-key","recvWindow":10000,"signature":"ab"}})");
  EXPECT_EQ(request.id_json, "\"1\"");
  EXPECT_EQ(request.method, "userDataStream.subscribe.signature");
  EXPECT_EQ(request.signature_payload(),
            "apiKey=demo-key&recvWindow=10000&timestamp=1700000000000");
}

TEST(BinanceWsApi, numbers_keep_their_raw_text_for_the_signature) {
  auto request = ws_api(
      R"({"id":7,"method":"v3/order.place","params":{"quantity":0.001,"price":50000.10,"flag":true}})");
  EXPECT_EQ(request.method, "order.place");
  EXPECT_EQ(request.params.at("quantity"), "0.001");
  EXPECT_EQ(request.params.at("price"), "50000.10");
  EXPECT_EQ(request.signature_payload(), "flag=true&price=50000.10&quantity=0.001");
}

TEST(BinanceWsApi, as_params_gives_the_same_values_to_rest_validation) {
  auto request = ws_api(R"({"id":1,"method":"order.place","params":{"note":"a&b=c+d%","q":1}})");
  auto params = request.as_params();
  EXPECT_EQ(params.get("note"), "a&b=c+d%");
  EXPECT_EQ(params.get("q"), "1");
}

TEST(BinanceWsApi, malformed_requests_get_an_error_reply) {
  for (std::string_view text : {"[]", "{", R"({"id":1})", R"({"id":1,"method":"ping","params":[1]})"}) {
    auto parsed = parse_ws_api_request(text);
    ASSERT_TRUE(std::holds_alternative<std::string>(parsed)) << text;
    auto reply = nlohmann::json::parse(std::get<std::string>(parsed));
    EXPECT_EQ(reply["status"], 400) << text;
  }
}

}  // namespace
}  // namespace mockex::dialect::binance
