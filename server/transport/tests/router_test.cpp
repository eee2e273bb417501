#include <mockex/transport/router.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace mockex::transport {
namespace {

core::HttpHandler answer(std::string body) {
  return [body](core::HttpRequest&&, core::Responder respond) {
    respond(core::HttpResponse::text(200, body));
  };
}

std::string call(const Router& router, std::string_view method, std::string_view path) {
  auto match = router.match(method, path);
  if (match.handler == nullptr) return "error " + std::to_string(match.error->status);
  std::string body;
  (*match.handler)(core::HttpRequest{}, [&](core::HttpResponse response) { body = response.body; });
  return body;
}

// The Allow header of the 405 that `method` gets on `path`, or a note saying it got no 405.
std::string allow_on_405(const Router& router, std::string_view method, std::string_view path) {
  auto match = router.match(method, path);
  if (match.handler != nullptr || match.error->status != 405) return "no 405";
  return std::string(match.error->header("allow").value_or("no Allow header"));
}

TEST(Router, literal_route_matches_only_its_exact_path) {
  Router router;
  router.add("GET", "/healthz", answer("health"));
  EXPECT_EQ(call(router, "GET", "/healthz"), "health");
  EXPECT_EQ(call(router, "GET", "/healthz/"), "error 404");
  EXPECT_EQ(call(router, "GET", "/health"), "error 404");
  EXPECT_EQ(call(router, "GET", "/"), "error 404");
}

TEST(Router, captures_named_segments) {
  Router router;
  router.add("POST", "/_mockex/v1/sessions/{id}/reset", answer("reset"));
  auto match = router.match("POST", "/_mockex/v1/sessions/abc123/reset");
  ASSERT_NE(match.handler, nullptr);
  EXPECT_EQ(match.route, "/_mockex/v1/sessions/{id}/reset");
  ASSERT_EQ(match.params.size(), 1u);
  EXPECT_EQ(match.params[0].first, "id");
  EXPECT_EQ(match.params[0].second, "abc123");
}

TEST(Router, captured_segments_are_percent_decoded_but_plus_stays_a_plus) {
  Router router;
  router.add("DELETE", "/faults/{name}", answer("fault"));
  EXPECT_EQ(router.match("DELETE", "/faults/a%20b+c%2Fd").params[0].second, "a b+c/d");
  EXPECT_EQ(router.match("DELETE", "/faults/100%").params[0].second, "100%");  // broken: as sent
}

TEST(Router, capture_does_not_match_an_empty_segment) {
  Router router;
  router.add("GET", "/s/{id}", answer("s"));
  EXPECT_EQ(call(router, "GET", "/s/"), "error 404");
  EXPECT_EQ(call(router, "GET", "/s/x"), "s");
}

TEST(Router, rest_capture_takes_the_remaining_path) {
  Router router;
  router.add("GET", "/s/{session}/{rest*}", answer("scoped"));
  auto match = router.match("GET", "/s/42/api/v3/ticker/price");
  ASSERT_NE(match.handler, nullptr);
  ASSERT_EQ(match.params.size(), 2u);
  EXPECT_EQ(match.params[0].second, "42");
  EXPECT_EQ(match.params[1].first, "rest");
  EXPECT_EQ(match.params[1].second, "api/v3/ticker/price");
}

TEST(Router, literal_beats_capture_beats_rest_whatever_the_registration_order) {
  Router router;
  router.add("GET", "/a/{rest*}", answer("rest"));
  router.add("GET", "/a/{id}", answer("capture"));
  router.add("GET", "/a/{other}", answer("tie"));  // as specific as the one before: it loses
  router.add("GET", "/a/b", answer("literal"));
  EXPECT_EQ(call(router, "GET", "/a/b"), "literal");
  EXPECT_EQ(call(router, "GET", "/a/c"), "capture");
  EXPECT_EQ(call(router, "GET", "/a/c/d"), "rest");
}

TEST(Router, many_routes_under_one_capture_prefix_each_find_their_own) {
  // The shape of the dialects' session routes: "/s/{session}" before every endpoint.
  Router router;
  router.add("GET", "/s/{session}/{rest*}", answer("rest"));
  for (int i = 0; i < 40; ++i) {
    router.add("GET", "/s/{session}/api/v3/e" + std::to_string(i), answer("e" + std::to_string(i)));
  }
  router.add("GET", "/s/{session}/api/{version}", answer("version"));
  router.add("GET", "/{prefix}/{session}/api/v3/e1", answer("any prefix"));
  router.add("DELETE", "/s/{session}/api/v3/e7", answer("delete e7"));
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(call(router, "GET", "/s/x/api/v3/e" + std::to_string(i)), "e" + std::to_string(i));
  }
  EXPECT_EQ(call(router, "DELETE", "/s/x/api/v3/e7"), "delete e7");
  EXPECT_EQ(call(router, "GET", "/s/x/api/v9"), "version");
  EXPECT_EQ(call(router, "GET", "/t/x/api/v3/e1"), "any prefix");
  EXPECT_EQ(call(router, "GET", "/s/x/api/v3/e40"), "rest");  // no route ends in "e40"
  EXPECT_EQ(call(router, "GET", "/s/x/other/e1"), "rest");    // ends in "e1", fits no e-route
  EXPECT_EQ(call(router, "GET", "/s//api/v3/e1"), "error 404");  // an empty capture fits nothing
  EXPECT_EQ(allow_on_405(router, "PUT", "/s/x/api/v3/e7"), "GET, DELETE");
}

TEST(Router, wrong_method_on_a_known_path_is_405_with_allow) {
  Router router;
  router.add("GET", "/api/v3/order", answer("get"));
  router.add("DELETE", "/api/v3/order", answer("delete"));
  EXPECT_EQ(allow_on_405(router, "PUT", "/api/v3/order"), "GET, DELETE");
}

TEST(Router, unknown_path_is_404_with_a_json_error_body) {
  Router router;
  auto match = router.match("GET", "/nope");
  ASSERT_EQ(match.handler, nullptr);
  EXPECT_EQ(match.error->status, 404);
  EXPECT_EQ(match.error->header("content-type"), "application/json");
  auto body = nlohmann::json::parse(match.error->body);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["message"], "no route for GET /nope");
}

TEST(Router, error_body_survives_invalid_utf8_in_the_path) {
  auto response = Router::error_response(404, "not_found", "no route for GET /\xff\xfe");
  EXPECT_TRUE(nlohmann::json::accept(response.body));
}

TEST(Router, websocket_routes_are_separate_from_http_routes) {
  Router router;
  router.add("GET", "/ws", answer("http"));
  router.add_websocket("/ws/{stream}", [](const core::HttpRequest&) -> core::WsAccept {
    return core::HttpResponse::text(403, "no");
  });
  EXPECT_EQ(router.match_websocket("/ws").factory, nullptr);
  auto match = router.match_websocket("/ws/btcusdt@trade");
  ASSERT_NE(match.factory, nullptr);
  EXPECT_EQ(match.params[0].second, "btcusdt@trade");
}

TEST(HttpResponse, set_header_replaces_case_insensitively) {
  auto response = core::HttpResponse::json(200, "{}");
  response.set_header("content-type", "text/plain");
  EXPECT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.header("Content-Type"), "text/plain");
}

}  // namespace
}  // namespace mockex::transport
