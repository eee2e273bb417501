// FaultRule's JSON without a daemon: the builders give the documented shape (docs/faults.md).

#include <mockex/sdk/fault_rule.hpp>

#include <gtest/gtest.h>

namespace mockex::sdk {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

TEST(FaultRule, latency_builder_with_setters_gives_the_documented_json) {
  auto rule = faults::latency("POST /api/v3/order", 800ms, 200ms).named("slow-orders").lasting("10s");
  EXPECT_EQ(rule.to_json(), json::parse(R"({"name": "slow-orders", "kind": "latency",
      "match": {"http": "POST /api/v3/order"}, "params": {"ms": 800, "jitter_ms": 200},
      "for": "10s"})"));
}

TEST(FaultRule, only_what_is_set_is_sent) {
  EXPECT_EQ(faults::rule("hang").to_json(), json::parse(R"({"kind": "hang"})"));
}

TEST(FaultRule, counters_probability_and_match_setters) {
  auto rule = faults::http_error(429)
                  .with_probability(0.5)
                  .only_first(5)
                  .every_nth(2)
                  .skip_first(1)
                  .on_symbol("BTCUSDT")
                  .on_api_key("demo-key")
                  .with_param("retry_after", 7)
                  .lasting(1500ms);
  EXPECT_EQ(rule.to_json(), json::parse(R"({"kind": "http_error",
      "params": {"status": 429, "retry_after": 7},
      "match": {"http": "* /api/v3/*", "symbol": "BTCUSDT", "api_key": "demo-key"},
      "probability": 0.5, "first": 5, "every": 2, "after": 1, "for": 1500})"));
}

TEST(FaultRule, trigger_is_sent_with_what_is_set) {
  auto rule = faults::ws_disconnect("*", 4001).when(
      {.on = "order_ack", .match = {.client_order_id = "x-*"}, .delay = "50ms"});
  EXPECT_EQ(rule.to_json().at("trigger"), json::parse(R"({"on": "order_ack", "count": 1,
      "match": {"client_order_id": "x-*"}, "delay": "50ms"})"));
}

TEST(FaultRule, builders_of_every_common_kind) {
  EXPECT_EQ(faults::hang("GET /x").to_json(), json::parse(R"({"kind":"hang","match":{"http":"GET /x"}})"));
  EXPECT_EQ(faults::reset("GET /x").to_json(), json::parse(R"({"kind":"reset","match":{"http":"GET /x"}})"));
  EXPECT_EQ(faults::ws_drop("*@depth*", 0.2).to_json(),
            json::parse(R"({"kind":"ws_drop","match":{"stream":"*@depth*"},"probability":0.2})"));
  EXPECT_EQ(faults::ws_drop("*").to_json(), json::parse(R"({"kind":"ws_drop","match":{"stream":"*"}})"));
  EXPECT_EQ(faults::ws_delay("*@trade", 30ms).to_json(),
            json::parse(R"({"kind":"ws_delay","match":{"stream":"*@trade"},"params":{"ms":30}})"));
  EXPECT_EQ(faults::ws_disconnect("*", 1001, true).to_json(),
            json::parse(R"({"kind":"ws_disconnect","match":{"stream":"*"},"params":{"code":1001,"abrupt":true}})"));
  EXPECT_EQ(faults::depth_gap("*@depth", 3).to_json(),
            json::parse(R"({"kind":"depth_gap","match":{"stream":"*@depth"},"params":{"skip":3}})"));
  EXPECT_EQ(faults::stale("ETHUSDT").to_json(), json::parse(R"({"kind":"stale","match":{"symbol":"ETHUSDT"}})"));
  EXPECT_EQ(faults::clock_skew(-1500ms).to_json(), json::parse(R"({"kind":"clock_skew","params":{"ms":-1500}})"));
  EXPECT_EQ(faults::order_reject().to_json(), json::parse(R"({"kind":"order_reject","params":{"code":-2010}})"));
  EXPECT_EQ(faults::ack_lost("x-*", "drop").to_json(),
            json::parse(R"({"kind":"ack_lost","match":{"client_order_id":"x-*"},"params":{"mode":"drop"}})"));
}

TEST(FaultRule, from_json_reads_back_what_to_json_wrote) {
  auto rule = faults::latency("GET /api/v3/depth", 5ms)
                  .named("n")
                  .with_probability(0.25)
                  .lasting("2s")
                  .only_first(3)
                  .when({.on = "fill", .count = 2, .delay = "1s", .scope = "all"});
  EXPECT_EQ(FaultRule::from_json(rule.to_json()), rule);
}

}  // namespace
}  // namespace mockex::sdk
