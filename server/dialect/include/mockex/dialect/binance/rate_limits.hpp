#pragma once
// Binance's rate limits (spec §4): request weight per IP and order counts per account, in fixed
// windows aligned to the clock (a 1 MINUTE window resets at :00). Over a limit a request gets 429
// with Retry-After; a client that keeps going after that is banned with 418 for a while that
// doubles with every ban, up to a cap. Time is the session's clock, so stepped tests are exact.

#include <mockex/dialect/binance/errors.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mockex::dialect::binance {

struct RateLimit {
  enum class Type { request_weight, orders, raw_requests } type;
  enum class Interval { second, minute, hour, day } interval;
  int interval_num = 1;
  std::int64_t limit = 0;

  std::int64_t window_ms() const;
  // "1 MINUTE", "10 SECOND": as Binance's messages write the window.
  std::string window_text() const;
  // "1M", "10S": the suffix of the X-MBX-USED-WEIGHT-* and X-MBX-ORDER-COUNT-* headers.
  std::string header_suffix() const;
};

struct RateLimitConfig {
  // Binance's production values (spec §4.2). RAW_REQUESTS is published in exchangeInfo; it is
  // counted like weight with every request weighing 1.
  std::vector<RateLimit> limits{
      {RateLimit::Type::request_weight, RateLimit::Interval::minute, 1, 6000},
      {RateLimit::Type::orders, RateLimit::Interval::second, 10, 100},
      {RateLimit::Type::orders, RateLimit::Interval::day, 1, 200000},
      {RateLimit::Type::raw_requests, RateLimit::Interval::minute, 5, 61000},
  };
  // Requests refused with 429 within one window before the IP is banned.
  int refusals_before_ban = 5;
  std::chrono::milliseconds first_ban{std::chrono::minutes(2)};
  std::chrono::milliseconds longest_ban{std::chrono::hours(72)};
  // Clients (IPs plus accounts) remembered at most; stale ones are forgotten first.
  std::size_t max_clients = 65536;
};

class RateLimiter {
 public:
  explicit RateLimiter(RateLimitConfig config = {});

  struct Charge {
    core::HeaderList headers;         // X-MBX-USED-WEIGHT-1M, X-MBX-ORDER-COUNT-10S, ...
    std::optional<ApiError> refusal;  // 429 or 418, with Retry-After
  };
  // Counts one request of `weight` from `ip` at `now_ms`.
  Charge charge_request(std::string_view ip, int weight, std::int64_t now_ms);
  // Counts one new order of `account` at `now_ms`; a refused order is not counted.
  Charge charge_order(std::uint64_t account, std::int64_t now_ms);

  // The order limits with the account's current counts (GET /api/v3/rateLimit/order).
  std::vector<std::pair<RateLimit, std::int64_t>> order_counts(std::uint64_t account,
                                                                std::int64_t now_ms) const;
  // The weight limits with the IP's current use (the WS API's rateLimits array).
  std::vector<std::pair<RateLimit, std::int64_t>> weight_counts(std::string_view ip,
                                                                 std::int64_t now_ms) const;
  const RateLimitConfig& config() const { return config_; }

 private:
  struct Window {
    std::int64_t start_ms = -1;
    std::int64_t used = 0;
  };
  struct Client {
    std::vector<Window> windows;  // one per limit of config_.limits
    std::int64_t banned_until_ms = 0;
    int bans = 0;
    std::int64_t refusals_window_start_ms = -1;
    int refusals = 0;
    std::int64_t last_seen_ms = 0;
  };

  Client& client(const std::string& key, std::int64_t now_ms);
  static std::int64_t used_in(const Window& window, const RateLimit& limit, std::int64_t now_ms);
  void forget_stale(std::int64_t now_ms);

  RateLimitConfig config_;
  std::unordered_map<std::string, Client> clients_;
};

}  // namespace mockex::dialect::binance
