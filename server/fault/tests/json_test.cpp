// The one JSON shape of a rule: reading, writing, round trips and errors that name the key.
#include "mockex/fault/json.hpp"

#include <gtest/gtest.h>

#include "support.hpp"

namespace mockex::fault {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;

const char* const kExample = R"({
  "name": "slow-orders", "kind": "latency",
  "match": {"http": "POST /api/v3/order"},
  "params": {"ms": 200, "jitter_ms": 50},
  "probability": 1.0, "for": "30s", "first": 0, "every": 0, "after": 0,
  "trigger": {"on": "order_ack", "match": {"client_order_id": "x-*"}, "count": 1,
              "delay": "50ms", "scope": "account"}})";

Spec parsed(const json& j) {
  auto result = spec_from_json(j);
  if (auto* error = std::get_if<Error>(&result)) {
    ADD_FAILURE() << to_string(*error);
    return Spec{};
  }
  return std::get<Spec>(result);
}

Error error_of(const json& j) {
  auto result = spec_from_json(j);
  if (auto* error = std::get_if<Error>(&result)) return *error;
  ADD_FAILURE() << "accepted: " << j.dump();
  return Error{};
}

json with(const char* key, json value) {
  json j = {{"name", "n"}, {"kind", "hang"}};
  j[key] = std::move(value);
  return j;
}

TEST(Json, reads_the_documented_example) {
  const Spec spec = parsed(json::parse(kExample));
  EXPECT_EQ(spec.name, "slow-orders");
  EXPECT_EQ(spec.kind, Kind::latency);
  EXPECT_EQ(spec.match.http, "POST /api/v3/order");
  EXPECT_EQ(spec.params, (Params{{"jitter_ms", "50"}, {"ms", "200"}}));
  EXPECT_EQ(spec.probability, 1.0);
  EXPECT_EQ(spec.duration, milliseconds{30'000});
  ASSERT_TRUE(spec.trigger.has_value());
  EXPECT_EQ(spec.trigger->on, TriggerOn::order_ack);
  EXPECT_EQ(spec.trigger->match.client_order_id, "x-*");
  EXPECT_EQ(spec.trigger->count, 1U);
  EXPECT_EQ(spec.trigger->delay, milliseconds{50});
  EXPECT_EQ(spec.trigger->scope, TriggerScope::account);
  EXPECT_EQ(validate(spec), std::nullopt);
}

TEST(Json, round_trips_the_example_exactly) {
  const json original = json::parse(kExample);
  EXPECT_EQ(to_json(parsed(original)), original);
}

TEST(Json, round_trips_a_spec_built_in_code) {
  Spec spec = test::make_spec("mixed", Kind::http_error,
                              {{"code", "-1003"}, {"msg", "Too many requests"}, {"status", "429"}});
  spec.match.protocol = "ws-api";
  spec.match.ws_api = "order.*";
  spec.match.symbol = "BTCUSDT";
  spec.match.api_key = "demo-key";
  spec.probability = 0.25;
  spec.duration = std::chrono::microseconds{1'500};  // not whole ms: written as a number
  spec.first = 3;
  spec.every = 2;
  spec.after = 1;
  Trigger trigger;
  trigger.on = TriggerOn::fill;
  trigger.match.symbol = "ETHUSDT";
  trigger.count = 4;
  trigger.delay = milliseconds{90'000};
  trigger.scope = TriggerScope::all;
  spec.trigger = trigger;

  const json written = to_json(spec);
  EXPECT_EQ(written["for"], 1.5);
  EXPECT_EQ(written["trigger"]["delay"], "90s");
  EXPECT_EQ(written["params"]["status"], 429);
  EXPECT_EQ(written["params"]["msg"], "Too many requests");
  EXPECT_EQ(parsed(written), spec);
  EXPECT_EQ(parsed(json::parse(written.dump())), spec);  // through text too
}

TEST(Json, parameter_values_keep_their_text) {
  const Spec spec = parsed(with("params", {{"a", 200}, {"b", 0.5}, {"c", -3}, {"d", true},
                                           {"e", "lognormal"}, {"f", "007"}}));
  EXPECT_EQ(spec.params, (Params{{"a", "200"}, {"b", "0.5"}, {"c", "-3"}, {"d", "true"},
                                 {"e", "lognormal"}, {"f", "007"}}));
  const json back = to_json(spec)["params"];
  EXPECT_EQ(back["a"], 200);
  EXPECT_EQ(back["d"], true);
  EXPECT_EQ(back["f"], "007");  // not a number as written: stays a string
  EXPECT_EQ(error_of(with("params", {{"ms", {1, 2}}})).field, "params.ms");
  EXPECT_EQ(error_of(with("params", {{"ms", nullptr}})).field, "params.ms");
  EXPECT_EQ(error_of(with("params", "ms=5")).field, "params");
}

TEST(Json, durations_take_text_or_milliseconds) {
  EXPECT_EQ(parsed(with("for", "250ms")).duration, milliseconds{250});
  EXPECT_EQ(parsed(with("for", "1.5s")).duration, milliseconds{1'500});
  EXPECT_EQ(parsed(with("for", 250)).duration, milliseconds{250});
  EXPECT_EQ(parsed(with("for", 0.25)).duration, std::chrono::microseconds{250});
  EXPECT_EQ(parsed(with("for", nullptr)).duration, std::nullopt);

  const Error bad = error_of(with("for", "5x"));
  EXPECT_EQ(bad.field, "for");
  EXPECT_NE(bad.message.find("unknown unit"), std::string::npos);
  EXPECT_EQ(error_of(with("for", -5)).field, "for");
  EXPECT_EQ(error_of(with("for", true)).field, "for");
  EXPECT_EQ(error_of(with("trigger", {{"on", "fill"}, {"delay", "soon"}})).field, "trigger.delay");
}

TEST(Json, probability_must_be_between_zero_and_one) {
  EXPECT_EQ(parsed(with("probability", 0)).probability, 0.0);
  EXPECT_EQ(parsed(with("probability", 0.2)).probability, 0.2);
  const Error bad = error_of(with("probability", 1.5));
  EXPECT_EQ(to_string(bad), "probability: must be a number between 0 and 1");
  EXPECT_EQ(error_of(with("probability", -0.1)).field, "probability");
  EXPECT_EQ(error_of(with("probability", "0.5")).field, "probability");
}

TEST(Json, unknown_keys_anywhere_are_errors_naming_the_key) {
  const Error top = error_of(with("probablity", 0.5));
  EXPECT_EQ(top.field, "probablity");
  EXPECT_EQ(top.message, "unknown key 'probablity' in fault");
  const Error match = error_of(with("match", {{"path", "/api/*"}}));
  EXPECT_EQ(match.field, "match.path");
  EXPECT_EQ(match.message, "unknown key 'path' in match");
  EXPECT_EQ(error_of(with("trigger", {{"on", "fill"}, {"times", 2}})).field, "trigger.times");
  EXPECT_EQ(error_of(with("trigger", {{"on", "fill"}, {"match", {{"sym", "X"}}}})).field,
            "trigger.match.sym");
}

TEST(Json, unknown_kind_names_the_kind_and_lists_the_known_ones) {
  const Error bad = error_of({{"name", "n"}, {"kind", "latencyy"}});
  EXPECT_EQ(bad.field, "kind");
  EXPECT_NE(bad.message.find("unknown fault kind 'latencyy'"), std::string::npos);
  EXPECT_NE(bad.message.find("latency, http_error"), std::string::npos);
  EXPECT_NE(bad.message.find("duplicate_report"), std::string::npos);
}

TEST(Json, required_keys_and_types) {
  EXPECT_EQ(error_of({{"kind", "hang"}}).field, "name");
  EXPECT_EQ(error_of({{"name", "n"}}).field, "kind");
  EXPECT_EQ(error_of(json::array()).field, "");
  EXPECT_EQ(error_of({{"name", 5}, {"kind", "hang"}}).field, "name");
  EXPECT_EQ(error_of(with("match", {{"http", 5}})).field, "match.http");
  EXPECT_EQ(error_of(with("first", -1)).field, "first");
  EXPECT_EQ(error_of(with("every", 1.5)).field, "every");
  EXPECT_EQ(error_of(with("after", "2")).field, "after");
  EXPECT_EQ(error_of(with("trigger", {{"count", 2}})).field, "trigger.on");
  EXPECT_EQ(error_of(with("trigger", {{"on", "cancel"}})).field, "trigger.on");
  EXPECT_EQ(error_of(with("trigger", {{"on", "fill"}, {"count", 0}})).field, "trigger.count");
  EXPECT_EQ(error_of(with("trigger", {{"on", "fill"}, {"scope", "me"}})).field, "trigger.scope");
  const Spec minimal = parsed({{"name", "n"}, {"kind", "hang"}});
  EXPECT_EQ(minimal, test::make_spec("n", Kind::hang));
}

TEST(Json, shape_errors_come_from_the_reader_and_meaning_errors_from_validate) {
  const Spec spec = parsed({{"name", "n"}, {"kind", "latency"}, {"params", {{"ms", -5}}},
                            {"match", {{"http", "/api"}}}});
  const auto error = validate(spec);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->field, "match.http");
  Spec fixed_match = spec;
  fixed_match.match.http = "* /api";
  EXPECT_EQ(to_string(*validate(fixed_match)),
            "params.ms: must be a whole number of milliseconds >= 0");
}

TEST(Json, rule_status_adds_state_window_and_counters) {
  Plan plan(1);
  Spec spec = test::make_spec("cut", Kind::ws_disconnect, {{"code", "1001"}});
  spec.duration = milliseconds{500};
  spec.trigger = Trigger{};
  ASSERT_EQ(plan.add(spec, test::at_ms(0)), std::nullopt);

  json armed = to_json(plan.list(test::at_ms(1))[0]);
  EXPECT_EQ(armed["state"], "armed");
  EXPECT_TRUE(armed["window_start_ms"].is_null());
  EXPECT_FALSE(armed.contains("account"));
  EXPECT_EQ(armed["name"], "cut");
  EXPECT_EQ(armed["params"]["code"], 1001);

  TradingEvent event;
  event.on = TriggerOn::order_ack;
  event.api_key = "alice";
  ASSERT_EQ(plan.observe(event, test::at_ms(1000)).size(), 1U);
  Point point = test::ws_point("executionReport", "executionReport.NEW");
  point.api_key = "alice";
  ASSERT_EQ(plan.decide(point, test::at_ms(1001)).size(), 1U);

  const json active = to_json(plan.list(test::at_ms(1001))[0]);
  EXPECT_EQ(active["state"], "active");
  EXPECT_EQ(active["window_start_ms"], 1000);
  EXPECT_EQ(active["window_end_ms"], 1500);
  EXPECT_EQ(active.value("account", ""), "alice");
  EXPECT_EQ(active["matched"], 1);
  EXPECT_EQ(active["fired"], 1);
}

}  // namespace
}  // namespace mockex::fault
