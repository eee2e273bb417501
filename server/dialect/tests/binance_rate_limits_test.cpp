#include <mockex/dialect/binance/rate_limits.hpp>

#include <gtest/gtest.h>

namespace mockex::dialect::binance {
namespace {

RateLimitConfig small_limits() {
  RateLimitConfig config;
  config.limits = {
      {RateLimit::Type::request_weight, RateLimit::Interval::minute, 1, 100},
      {RateLimit::Type::orders, RateLimit::Interval::second, 10, 3},
      {RateLimit::Type::orders, RateLimit::Interval::day, 1, 5},
  };
  config.refusals_before_ban = 2;
  return config;
}

std::string header(const core::HeaderList& headers, std::string_view name) {
  return std::string(core::find_header(headers, name).value_or(""));
}

constexpr std::int64_t minute_start = 1'700'000'040'000;  // a multiple of 60 000

TEST(RateLimiter, weight_accumulates_in_the_clock_minute_and_is_reported) {
  RateLimiter limiter(small_limits());
  auto first = limiter.charge_request("1.2.3.4", 20, minute_start + 5);
  EXPECT_FALSE(first.refusal);
  EXPECT_EQ(header(first.headers, "X-MBX-USED-WEIGHT-1M"), "20");
  EXPECT_EQ(header(first.headers, "X-MBX-USED-WEIGHT"), "20");
  auto second = limiter.charge_request("1.2.3.4", 30, minute_start + 59'999);
  EXPECT_EQ(header(second.headers, "X-MBX-USED-WEIGHT-1M"), "50");
  // The next clock minute starts from zero; another IP has its own count.
  EXPECT_EQ(header(limiter.charge_request("1.2.3.4", 1, minute_start + 60'000).headers,
                   "X-MBX-USED-WEIGHT-1M"),
            "1");
  EXPECT_EQ(header(limiter.charge_request("5.6.7.8", 7, minute_start).headers,
                   "X-MBX-USED-WEIGHT-1M"),
            "7");
}

TEST(RateLimiter, over_the_weight_limit_is_429_with_retry_after_to_the_window_end) {
  RateLimiter limiter(small_limits());
  EXPECT_FALSE(limiter.charge_request("ip", 100, minute_start).refusal);
  auto over = limiter.charge_request("ip", 1, minute_start + 45'500);
  ASSERT_TRUE(over.refusal);
  EXPECT_EQ(over.refusal->http_status, 429);
  EXPECT_EQ(over.refusal->code, -1003);
  EXPECT_EQ(over.refusal->msg,
            "Too much request weight used; current limit is 100 request weight per 1 MINUTE. "
            "Please use WebSocket Streams for live updates to avoid polling the API.");
  EXPECT_EQ(header(over.refusal->headers, "Retry-After"), "15");
}

TEST(RateLimiter, a_client_that_keeps_going_is_banned_with_418_and_bans_double) {
  RateLimiter limiter(small_limits());
  (void)limiter.charge_request("ip", 100, minute_start);
  EXPECT_EQ(limiter.charge_request("ip", 1, minute_start + 1).refusal->http_status, 429);
  EXPECT_EQ(limiter.charge_request("ip", 1, minute_start + 2).refusal->http_status, 429);
  auto banned = limiter.charge_request("ip", 1, minute_start + 3);
  ASSERT_TRUE(banned.refusal);
  EXPECT_EQ(banned.refusal->http_status, 418);
  auto until = std::to_string(minute_start + 3 + 120'000);
  EXPECT_EQ(banned.refusal->msg, "Way too much request weight used; IP banned until " + until +
                                     ". Please use WebSocket Streams for live updates to avoid "
                                     "bans.");
  EXPECT_EQ(header(banned.refusal->headers, "Retry-After"), "120");
  // Still banned a minute later, even in a fresh window.
  EXPECT_EQ(limiter.charge_request("ip", 1, minute_start + 63'000).refusal->http_status, 418);
  // Free after the ban; a second ban lasts twice as long.
  auto after = minute_start + 3 + 120'000;
  EXPECT_FALSE(limiter.charge_request("ip", 100, after).refusal);
  (void)limiter.charge_request("ip", 1, after + 1);
  (void)limiter.charge_request("ip", 1, after + 2);
  auto second_ban = limiter.charge_request("ip", 1, after + 3);
  EXPECT_EQ(header(second_ban.refusal->headers, "Retry-After"), "240");
}

TEST(RateLimiter, orders_are_counted_per_account_in_every_order_window) {
  RateLimiter limiter(small_limits());
  auto first = limiter.charge_order(7, minute_start);
  EXPECT_EQ(header(first.headers, "X-MBX-ORDER-COUNT-10S"), "1");
  EXPECT_EQ(header(first.headers, "X-MBX-ORDER-COUNT-1D"), "1");
  (void)limiter.charge_order(7, minute_start + 1);
  (void)limiter.charge_order(7, minute_start + 2);
  auto refused = limiter.charge_order(7, minute_start + 3);
  ASSERT_TRUE(refused.refusal);
  EXPECT_EQ(refused.refusal->http_status, 429);
  EXPECT_EQ(refused.refusal->msg, "Too many new orders; current limit is 3 orders per 10 SECOND.");
  EXPECT_TRUE(refused.headers.empty());
  EXPECT_FALSE(limiter.charge_order(8, minute_start + 3).refusal);  // another account
  // The next 10 s window allows more, until the daily count of 5 is spent.
  EXPECT_FALSE(limiter.charge_order(7, minute_start + 10'000).refusal);
  EXPECT_FALSE(limiter.charge_order(7, minute_start + 10'001).refusal);
  auto daily = limiter.charge_order(7, minute_start + 20'000);
  ASSERT_TRUE(daily.refusal);
  EXPECT_EQ(daily.refusal->msg, "Too many new orders; current limit is 5 orders per 1 DAY.");
  auto counts = limiter.order_counts(7, minute_start + 20'000);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].second, 0);  // the 10 s window rolled over
  EXPECT_EQ(counts[1].second, 5);
}

TEST(RateLimiter, remembered_clients_stay_bounded) {
  auto config = small_limits();
  config.max_clients = 100;
  RateLimiter limiter(config);
  for (int i = 0; i < 1000; ++i) {
    (void)limiter.charge_request("10.0.0." + std::to_string(i), 1, minute_start + i * 60'000);
  }
  // The latest client is still counted.
  EXPECT_EQ(limiter.weight_counts("10.0.0.999", minute_start + 999 * 60'000)[0].second, 1);
}

}  // namespace
}  // namespace mockex::dialect::binance
