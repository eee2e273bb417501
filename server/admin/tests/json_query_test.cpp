// The request readers behind every handler: query strings and strict JSON fields.

#include "../src/json_io.hpp"
#include "../src/query_string.hpp"

#include <gtest/gtest.h>

namespace mockex::admin {
namespace {

TEST(QueryString, percent_decodes_keys_and_values_and_keeps_the_first_of_a_repeat) {
  QueryString query("text=halt%20BTC&kinds=market%2Cclock&a+b=c+d&text=second&flag&bad=%zz");
  EXPECT_EQ(query.get("text"), "halt BTC");
  EXPECT_EQ(query.get("kinds"), "market,clock");
  EXPECT_EQ(query.get("a b"), "c d");
  EXPECT_EQ(query.get("flag"), "");
  EXPECT_EQ(query.get("bad"), "%zz");
  EXPECT_EQ(query.get("missing"), std::nullopt);
}

TEST(QueryString, numbers_are_whole_and_in_range) {
  QueryString query("a=12&b=-3&c=1x&d=&e=99999999999999999999");
  bool valid = false;
  EXPECT_EQ(query.get_uint("a", valid), 12u);
  EXPECT_TRUE(valid);
  EXPECT_EQ(query.get_uint("b", valid), std::nullopt);
  EXPECT_FALSE(valid);
  EXPECT_EQ(query.get_int("b", valid), -3);
  EXPECT_TRUE(valid);
  for (const char* key : {"c", "d", "e"}) {
    query.get_uint(key, valid);
    EXPECT_FALSE(valid) << key;
  }
  EXPECT_EQ(query.get_uint("none", valid), std::nullopt);
  EXPECT_TRUE(valid);
}

TEST(JsonFields, decimals_are_read_from_their_text) {
  EXPECT_EQ(parse_decimal_text("-12.50"), (scenario::Decimal{-1250, 2}));
  EXPECT_EQ(parse_decimal_text("7"), (scenario::Decimal{7, 0}));
  for (const char* bad : {"", "-", ".5", "5.", "1e3", "+1", "1.2.3", "1234567890123456789"}) {
    EXPECT_FALSE(parse_decimal_text(bad).has_value()) << bad;
  }
  auto body = nlohmann::json::parse(R"({"a":"0.25","b":1.5,"c":true})");
  EXPECT_EQ(std::get<scenario::Decimal>(decimal_field(body, "a")), (scenario::Decimal{25, 2}));
  EXPECT_EQ(std::get<scenario::Decimal>(decimal_field(body, "b")), (scenario::Decimal{15, 1}));
  EXPECT_TRUE(has_error(decimal_field(body, "c")));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(decimal_field(body, "d")));
}

TEST(JsonFields, durations_are_strings_or_whole_milliseconds) {
  auto body = nlohmann::json::parse(R"({"a":"1.5s","b":250,"c":-1,"d":"soon"})");
  EXPECT_EQ(std::get<std::chrono::milliseconds>(duration_field(body, "a")).count(), 1500);
  EXPECT_EQ(std::get<std::chrono::milliseconds>(duration_field(body, "b")).count(), 250);
  EXPECT_TRUE(has_error(duration_field(body, "c")));
  EXPECT_EQ(std::get<ApiError>(duration_field(body, "d")).code, "invalid_duration");
}

TEST(JsonFields, errors_share_one_shape_with_extra_fields_beside_it) {
  auto response = error_response(ApiError{422, "invalid_scenario", "bad", {{"errors", {"x"}}}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.header("Content-Type"), "application/json");
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "invalid_scenario");
  EXPECT_EQ(body["error"]["message"], "bad");
  EXPECT_EQ(body["errors"][0], "x");
}

TEST(JsonFields, bodies_must_be_objects_and_an_empty_body_is_one) {
  EXPECT_TRUE(std::get<nlohmann::json>(parse_object("  ")).empty());
  EXPECT_EQ(std::get<ApiError>(parse_object("[]")).status, 400);
  EXPECT_EQ(std::get<ApiError>(parse_object("{")).status, 400);
  EXPECT_EQ(std::get<ApiError>(parse_object(R"({"x":1})", {"y"})).message, "unknown field \"x\"");
}

}  // namespace
}  // namespace mockex::admin
