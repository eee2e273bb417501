// The example's Binance client over Beast (synchronous HTTP, WebSocket reads with a deadline) and
// OpenSSL's HMAC.

#include "binance_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>
#include <regex>
#include <stdexcept>

namespace mockex::example {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

struct Url {
  std::string host;
  std::string port;
  std::string path;
};

Url split_url(const std::string& url) {
  static const std::regex pattern(R"(^(?:http|ws)://([^:/]+):(\d+)(.*)$)");
  std::smatch match;
  if (!std::regex_match(url, match, pattern)) throw std::invalid_argument("bad URL " + url);
  return {match[1], match[2], match[3]};
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::string hmac_sha256_hex(const std::string& key, const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &length);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

BinanceRest::BinanceRest(const std::string& rest_url, std::string api_key, std::string secret)
    : api_key_(std::move(api_key)), secret_(std::move(secret)) {
  auto url = split_url(rest_url);
  host_ = url.host;
  port_ = url.port;
  prefix_ = url.path;
}

RestAnswer BinanceRest::get(const std::string& path, const std::string& query) const {
  return send("GET", path + (query.empty() ? "" : "?" + query), "");
}

RestAnswer BinanceRest::send_signed(const std::string& method, const std::string& path,
                                    const std::string& params) const {
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  std::string query = params + "&timestamp=" + std::to_string(now);
  query += "&signature=" + hmac_sha256_hex(secret_, query);
  return send(method, path + "?" + query, api_key_);
}

// One connection per request: simple, and what a test client that is not about keep-alive needs.
RestAnswer BinanceRest::send(const std::string& method, const std::string& target,
                             const std::string& api_key) const {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(tcp::resolver(io).resolve(host_, port_));
  http::request<http::empty_body> request{http::string_to_verb(method), prefix_ + target, 11};
  request.set(http::field::host, host_ + ":" + port_);
  if (!api_key.empty()) request.set("X-MBX-APIKEY", api_key);
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  RestAnswer answer;
  answer.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    answer.headers[lower(std::string(field.name_string()))] = std::string(field.value());
  }
  answer.body = std::move(response.body());
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return answer;
}

struct MarketStream::Impl {
  asio::io_context io;
  websocket::stream<beast::tcp_stream> ws{io};
  beast::flat_buffer buffer;
  bool reading = false;  // a read is outstanding (it carries over a `next` that timed out)
  bool done = false;
  beast::error_code ec;
};

MarketStream::MarketStream(const std::string& url) : impl_(std::make_unique<Impl>()) {
  auto parts = split_url(url);
  beast::get_lowest_layer(impl_->ws).connect(tcp::resolver(impl_->io).resolve(parts.host, parts.port));
  impl_->ws.handshake(parts.host + ":" + parts.port, parts.path);
}

MarketStream::~MarketStream() {
  beast::error_code ignored;
  beast::get_lowest_layer(impl_->ws).socket().close(ignored);
}

std::optional<nlohmann::json> MarketStream::next(std::chrono::milliseconds wait) {
  if (close_code_) return std::nullopt;
  auto& impl = *impl_;
  if (!impl.reading) {
    impl.reading = true;
    impl.done = false;
    impl.ws.async_read(impl.buffer, [&impl](beast::error_code ec, std::size_t) {
      impl.ec = ec;
      impl.done = true;
    });
  }
  impl.io.restart();
  impl.io.run_for(wait);
  if (!impl.done) return std::nullopt;
  impl.reading = false;
  if (impl.ec) {
    close_code_ = impl.ec == websocket::error::closed ? impl.ws.reason().code : 1006;
    return std::nullopt;
  }
  auto text = beast::buffers_to_string(impl.buffer.data());
  impl.buffer.consume(impl.buffer.size());
  return nlohmann::json::parse(text);
}

}  // namespace mockex::example
