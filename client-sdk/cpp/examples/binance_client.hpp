#pragma once
// Just enough of a Binance Spot client for the example test: REST with HMAC-SHA256 signing and a
// market-stream WebSocket, pointed at a mockex session's URLs. A real trading system brings its
// own client; this one stands in for it. Beast stays in binance_client.cpp.

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace mockex::example {

struct RestAnswer {
  int status = 0;
  std::map<std::string, std::string> headers{};  // names in lower case
  std::string body{};
  nlohmann::json json() const { return nlohmann::json::parse(body); }
};

class BinanceRest {
 public:
  // `rest_url`: the session's rest_url ("http://127.0.0.1:8765/s/<id>").
  BinanceRest(const std::string& rest_url, std::string api_key, std::string secret);

  RestAnswer get(const std::string& path, const std::string& query = "") const;
  // A SIGNED call: adds timestamp (wall clock ms), signs the query with the secret, and sends the
  // API key in X-MBX-APIKEY.
  RestAnswer send_signed(const std::string& method, const std::string& path,
                         const std::string& params) const;

 private:
  RestAnswer send(const std::string& method, const std::string& target,
                  const std::string& api_key) const;
  std::string host_;
  std::string port_;
  std::string prefix_;
  std::string api_key_;
  std::string secret_;
};

// One market-stream connection: ws_url + "/btcusdt@trade/btcusdt@depth@100ms" (raw payloads).
class MarketStream {
 public:
  explicit MarketStream(const std::string& url);
  ~MarketStream();
  MarketStream(const MarketStream&) = delete;
  MarketStream& operator=(const MarketStream&) = delete;

  // The next message, or nothing if none came within `wait` or the connection has closed.
  std::optional<nlohmann::json> next(std::chrono::milliseconds wait);
  // Set once the server has closed the connection: its close code (1006: closed without a frame).
  std::optional<int> close_code() const { return close_code_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::optional<int> close_code_;
};

// Lower-case hex HMAC-SHA256, as Binance signs requests.
std::string hmac_sha256_hex(const std::string& key, const std::string& data);

}  // namespace mockex::example
