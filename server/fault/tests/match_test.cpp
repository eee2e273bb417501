#include "mockex/fault/match.hpp"

#include <gtest/gtest.h>

#include "mockex/fault/glob.hpp"
#include "support.hpp"

namespace mockex::fault {
namespace {

using test::http_point;
using test::ws_point;

Matcher compiled(const Match& match) {
  auto result = Matcher::compile(match);
  if (auto* error = std::get_if<Error>(&result)) {
    ADD_FAILURE() << to_string(*error);
    return Matcher{};
  }
  return std::get<Matcher>(result);
}

Error compile_error(const Match& match, std::string_view prefix = "match") {
  auto result = Matcher::compile(match, prefix);
  if (auto* error = std::get_if<Error>(&result)) return *error;
  return Error{};
}

TEST(Glob, literal_text_matches_only_itself_case_sensitively) {
  EXPECT_TRUE(glob_match("btcusdt@trade", "btcusdt@trade"));
  EXPECT_FALSE(glob_match("btcusdt@trade", "btcusdt@trades"));
  EXPECT_FALSE(glob_match("btcusdt@trade", "btcusdt@trad"));
  EXPECT_FALSE(glob_match("btcusdt@trade", "BTCUSDT@trade"));
  EXPECT_TRUE(glob_match("", ""));
  EXPECT_FALSE(glob_match("", "x"));
}

TEST(Glob, star_matches_any_run_including_slashes_and_nothing) {
  EXPECT_TRUE(glob_match("/api/v3/*", "/api/v3/order"));
  EXPECT_TRUE(glob_match("/api/v3/*", "/api/v3/order/oco"));
  EXPECT_TRUE(glob_match("/api/v3/*", "/api/v3/"));
  EXPECT_FALSE(glob_match("/api/v3/*", "/api/v3"));
  EXPECT_TRUE(glob_match("*", ""));
  EXPECT_TRUE(glob_match("*", "anything/at/all"));
  EXPECT_TRUE(glob_match("**", "x"));
  EXPECT_TRUE(glob_match("*@depth*", "btcusdt@depth@100ms"));
  EXPECT_TRUE(glob_match("*@depth*", "ethbtc@depth"));
  EXPECT_FALSE(glob_match("*@depth*", "btcusdt@trade"));
}

TEST(Glob, question_mark_matches_exactly_one_character) {
  EXPECT_TRUE(glob_match("order.?", "order.x"));
  EXPECT_FALSE(glob_match("order.?", "order."));
  EXPECT_FALSE(glob_match("order.?", "order.xy"));
  EXPECT_TRUE(glob_match("???", "abc"));
  EXPECT_FALSE(glob_match("???", "ab"));
}

TEST(Glob, stars_backtrack_to_find_a_later_match) {
  EXPECT_TRUE(glob_match("a*b*c", "aXbYbZc"));
  EXPECT_TRUE(glob_match("a*b*c", "abc"));
  EXPECT_FALSE(glob_match("a*b*c", "aXbYbZ"));
  EXPECT_TRUE(glob_match("*.TRADE", "executionReport.TRADE"));
  EXPECT_FALSE(glob_match("*.TRADE", "executionReport.TRADE.x"));
  EXPECT_TRUE(glob_match("x-*-?", "x-abc-1"));
  EXPECT_FALSE(glob_match("x-*-?", "x-abc-12"));
  EXPECT_TRUE(glob_match("*a", "aaaa"));
}

TEST(Glob, character_classes_and_escapes_are_rejected_in_patterns) {
  EXPECT_EQ(glob_error("order.*"), std::nullopt);
  EXPECT_EQ(glob_error("?x*"), std::nullopt);
  EXPECT_TRUE(glob_error("[ab]").has_value());
  EXPECT_TRUE(glob_error("a\\*").has_value());
  EXPECT_TRUE(glob_error("{a,b}").has_value());
  EXPECT_TRUE(glob_error("a\tb").has_value());
}

TEST(HttpPattern, parses_method_and_path_glob) {
  EXPECT_EQ(std::get<HttpPattern>(parse_http_pattern("POST /api/v3/order")),
            (HttpPattern{"POST", "/api/v3/order"}));
  EXPECT_EQ(std::get<HttpPattern>(parse_http_pattern("* /api/*")), (HttpPattern{"*", "/api/*"}));
  EXPECT_EQ(std::get<HttpPattern>(parse_http_pattern("delete /api/v3/order")),
            (HttpPattern{"DELETE", "/api/v3/order"}));
  EXPECT_EQ(std::get<HttpPattern>(parse_http_pattern("GET *")), (HttpPattern{"GET", "*"}));
}

TEST(HttpPattern, rejects_text_that_is_not_method_space_path) {
  for (std::string_view bad : {"", "POST", "POST ", " /api", "/api/v3/order", "POST  /api",
                               "POST /api /x", "POST api/v3", "P0ST /api", "GET /api/[x]"}) {
    const auto parsed = parse_http_pattern(bad);
    ASSERT_TRUE(std::holds_alternative<std::string>(parsed)) << '"' << bad << '"';
    EXPECT_FALSE(std::get<std::string>(parsed).empty());
  }
  EXPECT_NE(std::get<std::string>(parse_http_pattern("/api/v3/order")).find("METHOD path-glob"),
            std::string::npos);
}

TEST(Matcher, empty_match_matches_every_point) {
  const Matcher any = compiled(Match{});
  EXPECT_TRUE(any.matches(http_point("GET", "/api/v3/time")));
  EXPECT_TRUE(any.matches(ws_point("btcusdt@trade")));
  EXPECT_TRUE(any.matches(Point{}));
}

TEST(Matcher, http_method_is_case_insensitive_and_path_is_a_glob) {
  Match match;
  match.http = "post /api/v3/order";
  const Matcher order = compiled(match);
  EXPECT_TRUE(order.matches(http_point("POST", "/api/v3/order")));
  EXPECT_TRUE(order.matches(http_point("post", "/api/v3/order")));
  EXPECT_FALSE(order.matches(http_point("DELETE", "/api/v3/order")));
  EXPECT_FALSE(order.matches(http_point("POST", "/api/v3/order/test")));

  match.http = "* /api/*";
  const Matcher api = compiled(match);
  EXPECT_TRUE(api.matches(http_point("GET", "/api/v3/depth")));
  EXPECT_TRUE(api.matches(http_point("DELETE", "/api/v3/openOrders")));
  EXPECT_FALSE(api.matches(http_point("GET", "/sapi/v1/account")));
}

TEST(Matcher, a_set_field_never_matches_an_empty_point_field) {
  Match match;
  match.http = "* *";
  EXPECT_FALSE(compiled(match).matches(ws_point("btcusdt@trade")));  // no method, no path

  Match streams;
  streams.stream = "*";
  EXPECT_TRUE(compiled(streams).matches(ws_point("btcusdt@trade")));
  EXPECT_FALSE(compiled(streams).matches(http_point("GET", "/api/v3/depth")));

  Match orders;
  orders.client_order_id = "*";
  Point point = test::order_point("BTCUSDT", "k1", "");
  EXPECT_FALSE(compiled(orders).matches(point));
  point.client_order_id = "x-1";
  EXPECT_TRUE(compiled(orders).matches(point));
}

TEST(Matcher, symbol_is_exact_but_case_insensitive_and_api_key_exact) {
  Match match;
  match.symbol = "btcusdt";
  match.api_key = "demo-key";
  const Matcher matcher = compiled(match);
  EXPECT_TRUE(matcher.matches(test::order_point("BTCUSDT", "demo-key")));
  EXPECT_FALSE(matcher.matches(test::order_point("BTCUSDTX", "demo-key")));
  EXPECT_FALSE(matcher.matches(test::order_point("BTCUSDT", "DEMO-KEY")));
  EXPECT_FALSE(matcher.matches(test::order_point("BTCUSDT", "")));
  EXPECT_FALSE(matcher.matches(test::order_point("", "demo-key")));
}

TEST(Matcher, every_set_field_must_match) {
  Match match;
  match.protocol = "ws";
  match.stream = "*@depth*";
  match.event = "depthUpdate";
  const Matcher matcher = compiled(match);
  EXPECT_TRUE(matcher.matches(ws_point("btcusdt@depth@100ms", "depthUpdate")));
  EXPECT_FALSE(matcher.matches(ws_point("btcusdt@depth@100ms", "")));
  EXPECT_FALSE(matcher.matches(ws_point("btcusdt@trade", "depthUpdate")));
  Point api = ws_point("btcusdt@depth", "depthUpdate");
  api.protocol = "ws-api";
  EXPECT_FALSE(matcher.matches(api));

  Match ws_api;
  ws_api.ws_api = "order.*";
  Point request;
  request.stage = Stage::ws_api_request;
  request.protocol = "ws-api";
  request.ws_api_method = "order.place";
  EXPECT_TRUE(compiled(ws_api).matches(request));
  request.ws_api_method = "ping";
  EXPECT_FALSE(compiled(ws_api).matches(request));
}

TEST(Matcher, bad_fields_are_errors_naming_the_field) {
  Match match;
  match.protocol = "wss";
  EXPECT_EQ(compile_error(match).field, "match.protocol");

  match = Match{};
  match.http = "/api/v3/order";
  const Error http = compile_error(match);
  EXPECT_EQ(http.field, "match.http");
  EXPECT_NE(http.message.find("METHOD path-glob"), std::string::npos);

  match = Match{};
  match.stream = "btcusdt@[dt]";
  EXPECT_EQ(compile_error(match).field, "match.stream");

  match = Match{};
  match.symbol = "BTC*";
  EXPECT_EQ(compile_error(match).field, "match.symbol");

  match = Match{};
  match.client_order_id = "x-[1]";
  EXPECT_EQ(compile_error(match, "trigger.match").field, "trigger.match.client_order_id");
}

}  // namespace
}  // namespace mockex::fault
