#include "../src/response_head.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mockex::transport::detail {
namespace {

TEST(ResponseHead, handler_headers_in_their_order_then_the_length) {
  std::string head;
  write_response_head(head, 200,
                      {{"Content-Type", "application/json;charset=UTF-8"},
                       {"X-MBX-USED-WEIGHT-1M", "2"},
                       {"X-MBX-USED-WEIGHT", "2"}},
                      45, true);
  EXPECT_EQ(head,
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: application/json;charset=UTF-8\r\n"
            "X-MBX-USED-WEIGHT-1M: 2\r\n"
            "X-MBX-USED-WEIGHT: 2\r\n"
            "Content-Length: 45\r\n"
            "\r\n");
}

TEST(ResponseHead, a_closing_connection_says_so_and_the_text_is_replaced_not_appended) {
  std::string head = "left over from the last response";
  write_response_head(head, 429, {{"Retry-After", "7"}}, 0, false);
  EXPECT_EQ(head,
            "HTTP/1.1 429 Too Many Requests\r\n"
            "Retry-After: 7\r\n"
            "Connection: close\r\n"
            "Content-Length: 0\r\n"
            "\r\n");
}

TEST(ResponseHead, framing_headers_from_a_handler_are_left_out) {
  std::string head;
  write_response_head(head, 200,
                      {{"content-length", "999"},
                       {"Connection", "keep-alive"},
                       {"Transfer-Encoding", "chunked"},
                       {"X-Kept", "yes"}},
                      3, true);
  EXPECT_EQ(head, "HTTP/1.1 200 OK\r\nX-Kept: yes\r\nContent-Length: 3\r\n\r\n");
}

TEST(ResponseHead, responses_without_a_body_carry_no_length) {
  EXPECT_FALSE(status_has_body(204));
  EXPECT_FALSE(status_has_body(304));
  EXPECT_FALSE(status_has_body(101));
  EXPECT_TRUE(status_has_body(200));
  EXPECT_TRUE(status_has_body(418));
  std::string head;
  write_response_head(head, 204, {}, 0, true);
  EXPECT_EQ(head, "HTTP/1.1 204 No Content\r\n\r\n");
}

TEST(ResponseHead, reason_phrases_for_bans_unknown_and_impossible_codes) {
  std::string head;
  write_response_head(head, 418, {}, 2, true);
  EXPECT_EQ(head, "HTTP/1.1 418 I'm a teapot\r\nContent-Length: 2\r\n\r\n");
  write_response_head(head, 299, {}, 0, true);
  EXPECT_EQ(head, "HTTP/1.1 299 \r\nContent-Length: 0\r\n\r\n");  // an empty reason is allowed
  write_response_head(head, 42, {}, 0, true);
  EXPECT_EQ(head, "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");
  EXPECT_EQ(reason_phrase(503), "Service Unavailable");
}

}  // namespace
}  // namespace mockex::transport::detail
