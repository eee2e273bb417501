// mockex_http_load: a keep-alive HTTP/1.1 load generator for mockexd (bench/README.md).
//
//   mockex_http_load --port P --path /api/v3/ticker/price?symbol=BTCUSDT -c 64 -d 10
//   mockex_http_load --port P --method POST --path /api/v3/order -c 64 -d 10
//       --key bench-key --secret bench-secret
//       --body 'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price={price}'
//
// Each connection sends one request, waits for its response and sends the next, for the whole
// duration. With --secret every request is signed as a Binance client signs it: `timestamp` is
// appended to the body (POST) or query (GET), then `signature`, the HMAC-SHA256 of that text.
// `{price}` in the body becomes --price minus 0.01 per request, cycling over 5,000 ticks, so
// resting orders spread over many levels. Prints requests/s and latency percentiles (µs) as one
// JSON line.

#include "load_cli.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <openssl/hmac.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Options : mockex::bench::CommonOptions {
  std::string method = "GET";
  std::string body;
  std::string key;
  std::string secret;
  double price = 20000.0;
};

std::string hmac_hex(const std::string& secret, const std::string& text) {
  unsigned char digest[32];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest, &length);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xf];
  }
  return out;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct Totals {
  std::mutex mutex;
  std::vector<std::int64_t> latencies_us;
  std::map<unsigned, std::uint64_t> statuses;
  std::uint64_t failures = 0;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(net::io_context& io, const Options& options, Totals& totals, Clock::time_point end,
             std::atomic<std::uint64_t>& counter)
      : stream_(net::make_strand(io)), options_(options), totals_(totals), end_(end),
        counter_(counter) {}

  void start(const tcp::resolver::results_type& endpoints) {
    stream_.async_connect(endpoints, [self = shared_from_this()](beast::error_code ec,
                                                                 const tcp::endpoint&) {
      if (ec) return self->fail();
      self->send();
    });
  }

  ~Connection() {
    std::lock_guard lock(totals_.mutex);
    totals_.latencies_us.insert(totals_.latencies_us.end(), latencies_.begin(), latencies_.end());
    for (auto [status, count] : statuses_) totals_.statuses[status] += count;
  }

 private:
  std::string fill(std::string text) {
    auto at = text.find("{price}");
    if (at != std::string::npos) {
      auto n = counter_.fetch_add(1) % 5000;
      char price[32];
      std::snprintf(price, sizeof price, "%.2f", options_.price - static_cast<double>(n) * 0.01);
      text.replace(at, 7, price);
    }
    return text;
  }

  void send() {
    if (Clock::now() >= end_) return;
    request_ = {};
    request_.version(11);
    request_.keep_alive(true);
    request_.method(http::string_to_verb(options_.method));
    request_.set(http::field::host, options_.host);
    std::string target = options_.path;
    std::string body = fill(options_.body);
    if (!options_.key.empty()) request_.set("X-MBX-APIKEY", options_.key);
    if (!options_.secret.empty()) {
      bool in_body = options_.method != "GET" && options_.method != "DELETE";
      std::string& signed_text = in_body ? body : target;
      auto query = target.find('?');
      std::string text = in_body ? body : (query == std::string::npos ? "" : target.substr(query + 1));
      text += (text.empty() ? "" : "&") + std::string("timestamp=") + std::to_string(now_ms());
      text += "&signature=" + hmac_hex(options_.secret, text);
      if (in_body) {
        signed_text = text;
      } else {
        signed_text = target.substr(0, query) + "?" + text;
      }
    }
    request_.target(target);
    if (!body.empty()) {
      request_.set(http::field::content_type, "application/x-www-form-urlencoded");
      request_.body() = std::move(body);
    }
    request_.prepare_payload();
    sent_ = Clock::now();
    http::async_write(stream_, request_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->fail();
      self->response_ = {};
      http::async_read(self->stream_, self->buffer_, self->response_,
                       [self](beast::error_code read_ec, std::size_t) {
                         if (read_ec) return self->fail();
                         self->latencies_.push_back(
                             std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() -
                                                                                   self->sent_)
                                 .count());
                         ++self->statuses_[self->response_.result_int()];
                         self->send();
                       });
    });
  }

  void fail() {
    std::lock_guard lock(totals_.mutex);
    ++totals_.failures;
  }

  beast::tcp_stream stream_;
  const Options& options_;
  Totals& totals_;
  Clock::time_point end_;
  std::atomic<std::uint64_t>& counter_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
  beast::flat_buffer buffer_;
  Clock::time_point sent_;
  std::vector<std::int64_t> latencies_;
  std::map<unsigned, std::uint64_t> statuses_;
};

std::int64_t percentile(const std::vector<std::int64_t>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto rank = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(rank, sorted.size() - 1)];
}

bool parse(int argc, char** argv, Options& o) {
  o.path = "/api/v3/ticker/price?symbol=BTCUSDT";
  return mockex::bench::parse_flags(
      argc, argv, o,
      {{"--method", [&](const std::string& v) { o.method = v; }},
       {"--body", [&](const std::string& v) { o.body = v; }},
       {"--key", [&](const std::string& v) { o.key = v; }},
       {"--secret", [&](const std::string& v) { o.secret = v; }},
       {"--price", [&](const std::string& v) { o.price = std::stod(v); }}});
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!parse(argc, argv, options)) {
    std::cerr << "usage: mockex_http_load --port P [--host H] [--method GET] [--path /...] "
                 "[--body text] [--key K --secret S] [--price 20000] [-c 64] [-d 10] [-t 1]\n";
    return 2;
  }
  net::io_context io;
  auto endpoints = tcp::resolver(io).resolve(options.host, options.port);
  Totals totals;
  std::atomic<std::uint64_t> counter{0};
  auto started = Clock::now();
  auto end = started + std::chrono::seconds(options.seconds);
  for (int i = 0; i < options.connections; ++i) {
    std::make_shared<Connection>(io, options, totals, end, counter)->start(endpoints);
  }
  mockex::bench::run_threads(io, options.threads);
  auto elapsed = std::chrono::duration<double>(Clock::now() - started).count();

  auto& latencies = totals.latencies_us;
  std::sort(latencies.begin(), latencies.end());
  std::string statuses;
  for (auto [status, count] : totals.statuses) {
    statuses += (statuses.empty() ? "" : ",") + ("\"" + std::to_string(status) + "\":" + std::to_string(count));
  }
  std::printf(
      "{\"method\":\"%s\",\"path\":\"%s\",\"connections\":%d,\"seconds\":%.2f,\"requests\":%zu,"
      "\"requests_per_s\":%.0f,\"p50_us\":%lld,\"p90_us\":%lld,\"p99_us\":%lld,\"max_us\":%lld,"
      "\"statuses\":{%s},\"connection_failures\":%llu}\n",
      options.method.c_str(), options.path.c_str(), options.connections, elapsed, latencies.size(),
      static_cast<double>(latencies.size()) / elapsed,
      static_cast<long long>(percentile(latencies, 0.50)),
      static_cast<long long>(percentile(latencies, 0.90)),
      static_cast<long long>(percentile(latencies, 0.99)),
      static_cast<long long>(latencies.empty() ? 0 : latencies.back()), statuses.c_str(),
      static_cast<unsigned long long>(totals.failures));
  return totals.failures == 0 ? 0 : 1;
}
