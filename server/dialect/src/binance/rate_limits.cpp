#include <mockex/dialect/binance/rate_limits.hpp>

#include <algorithm>

namespace mockex::dialect::binance {
namespace {

std::int64_t window_start(std::int64_t now_ms, std::int64_t window_ms) {
  return now_ms - ((now_ms % window_ms) + window_ms) % window_ms;
}

std::string retry_after_seconds(std::int64_t ms) {
  return std::to_string(std::max<std::int64_t>(1, (ms + 999) / 1000));
}

bool counts_weight(RateLimit::Type type) { return type != RateLimit::Type::orders; }

}  // namespace

std::int64_t RateLimit::window_ms() const {
  static constexpr std::int64_t unit[] = {1000, 60'000, 3'600'000, 86'400'000};
  return unit[static_cast<int>(interval)] * interval_num;
}

std::string RateLimit::window_text() const {
  static constexpr const char* names[] = {"SECOND", "MINUTE", "HOUR", "DAY"};
  return std::to_string(interval_num) + " " + names[static_cast<int>(interval)];
}

std::string RateLimit::header_suffix() const {
  static constexpr char letters[] = {'S', 'M', 'H', 'D'};
  return std::to_string(interval_num) + letters[static_cast<int>(interval)];
}

RateLimiter::RateLimiter(RateLimitConfig config) : config_(std::move(config)) {}

std::int64_t RateLimiter::used_in(const Window& window, const RateLimit& limit,
                                  std::int64_t now_ms) {
  return window.start_ms == window_start(now_ms, limit.window_ms()) ? window.used : 0;
}

void RateLimiter::forget_stale(std::int64_t now_ms) {
  // A client whose every window has rolled over and who is not banned holds nothing worth
  // keeping; drop those first, then the longest unseen if that was not enough.
  for (auto it = clients_.begin(); it != clients_.end();) {
    bool stale = it->second.banned_until_ms <= now_ms;
    for (std::size_t i = 0; stale && i < config_.limits.size(); ++i) {
      stale = used_in(it->second.windows[i], config_.limits[i], now_ms) == 0;
    }
    it = stale ? clients_.erase(it) : std::next(it);
  }
  while (clients_.size() >= config_.max_clients) {
    auto oldest = std::min_element(clients_.begin(), clients_.end(), [](auto& a, auto& b) {
      return a.second.last_seen_ms < b.second.last_seen_ms;
    });
    clients_.erase(oldest);
  }
}

RateLimiter::Client& RateLimiter::client(const std::string& key, std::int64_t now_ms) {
  auto it = clients_.find(key);
  if (it == clients_.end()) {
    if (clients_.size() >= config_.max_clients) forget_stale(now_ms);
    it = clients_.emplace(key, Client{}).first;
    it->second.windows.resize(config_.limits.size());
  }
  it->second.last_seen_ms = now_ms;
  return it->second;
}

RateLimiter::Charge RateLimiter::charge_request(std::string_view ip, int weight,
                                                std::int64_t now_ms) {
  Charge charge;
  charge.headers.reserve(2);
  auto& c = client("ip:" + std::string(ip), now_ms);
  if (c.banned_until_ms > now_ms) {
    charge.refusal = make_error(Error::ip_banned, {std::to_string(c.banned_until_ms)});
    charge.refusal->headers.emplace_back("Retry-After",
                                         retry_after_seconds(c.banned_until_ms - now_ms));
    return charge;
  }
  const RateLimit* exceeded = nullptr;
  std::int64_t exceeded_window_end = 0;
  for (std::size_t i = 0; i < config_.limits.size(); ++i) {
    const auto& limit = config_.limits[i];
    if (!counts_weight(limit.type)) continue;
    auto& window = c.windows[i];
    auto start = window_start(now_ms, limit.window_ms());
    if (window.start_ms != start) window = {start, 0};
    window.used += limit.type == RateLimit::Type::raw_requests ? 1 : weight;
    if (limit.type == RateLimit::Type::request_weight) {
      charge.headers.emplace_back("X-MBX-USED-WEIGHT-" + limit.header_suffix(),
                                  std::to_string(window.used));
      if (limit.interval == RateLimit::Interval::minute && limit.interval_num == 1) {
        charge.headers.emplace_back("X-MBX-USED-WEIGHT", std::to_string(window.used));
      }
    }
    if (limit.limit > 0 && window.used > limit.limit && exceeded == nullptr) {
      exceeded = &limit;
      exceeded_window_end = start + limit.window_ms();
    }
  }
  if (exceeded == nullptr) return charge;

  auto refusal_window = window_start(now_ms, exceeded->window_ms());
  if (c.refusals_window_start_ms != refusal_window) {
    c.refusals_window_start_ms = refusal_window;
    c.refusals = 0;
  }
  if (++c.refusals > config_.refusals_before_ban) {
    auto ban = config_.first_ban * (std::int64_t{1} << std::min(c.bans, 20));
    c.banned_until_ms = now_ms + std::min(ban, config_.longest_ban).count();
    ++c.bans;
    c.refusals = 0;
    charge.refusal = make_error(Error::ip_banned, {std::to_string(c.banned_until_ms)});
    charge.refusal->headers.emplace_back("Retry-After",
                                         retry_after_seconds(c.banned_until_ms - now_ms));
  } else {
    charge.refusal = make_error(Error::weight_exceeded,
                                {std::to_string(exceeded->limit), exceeded->window_text()});
    charge.refusal->headers.emplace_back("Retry-After",
                                         retry_after_seconds(exceeded_window_end - now_ms));
  }
  for (auto& header : charge.headers) charge.refusal->headers.push_back(header);
  return charge;
}

RateLimiter::Charge RateLimiter::charge_order(std::uint64_t account, std::int64_t now_ms) {
  Charge charge;
  auto& c = client("account:" + std::to_string(account), now_ms);
  for (std::size_t i = 0; i < config_.limits.size(); ++i) {
    const auto& limit = config_.limits[i];
    if (limit.type != RateLimit::Type::orders) continue;
    auto& window = c.windows[i];
    auto start = window_start(now_ms, limit.window_ms());
    if (window.start_ms != start) window = {start, 0};
    if (limit.limit > 0 && window.used + 1 > limit.limit) {
      charge.refusal = make_error(Error::too_many_orders,
                                  {std::to_string(limit.limit), limit.window_text()});
      charge.refusal->headers.emplace_back(
          "Retry-After", retry_after_seconds(start + limit.window_ms() - now_ms));
      charge.headers.clear();
      return charge;
    }
  }
  for (std::size_t i = 0; i < config_.limits.size(); ++i) {
    const auto& limit = config_.limits[i];
    if (limit.type != RateLimit::Type::orders) continue;
    auto& window = c.windows[i];
    ++window.used;
    charge.headers.emplace_back("X-MBX-ORDER-COUNT-" + limit.header_suffix(),
                                std::to_string(window.used));
  }
  return charge;
}

std::vector<std::pair<RateLimit, std::int64_t>> RateLimiter::order_counts(
    std::uint64_t account, std::int64_t now_ms) const {
  std::vector<std::pair<RateLimit, std::int64_t>> out;
  auto it = clients_.find("account:" + std::to_string(account));
  for (std::size_t i = 0; i < config_.limits.size(); ++i) {
    const auto& limit = config_.limits[i];
    if (limit.type != RateLimit::Type::orders) continue;
    out.emplace_back(limit, it == clients_.end() ? 0 : used_in(it->second.windows[i], limit, now_ms));
  }
  return out;
}

std::vector<std::pair<RateLimit, std::int64_t>> RateLimiter::weight_counts(
    std::string_view ip, std::int64_t now_ms) const {
  std::vector<std::pair<RateLimit, std::int64_t>> out;
  auto it = clients_.find("ip:" + std::string(ip));
  for (std::size_t i = 0; i < config_.limits.size(); ++i) {
    const auto& limit = config_.limits[i];
    if (limit.type != RateLimit::Type::request_weight) continue;
    out.emplace_back(limit, it == clients_.end() ? 0 : used_in(it->second.windows[i], limit, now_ms));
  }
  return out;
}

}  // namespace mockex::dialect::binance
