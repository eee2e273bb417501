// The SDK's one Beast translation unit. Each exchange runs Beast's asynchronous operations on the
// connection's own io_context until they finish: that is how a synchronous call gets a deadline
// (beast::tcp_stream's expiry applies to asynchronous operations only).

#include "http_transport.hpp"

#include <mockex/sdk/error.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdint>
#include <optional>

namespace mockex::sdk::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// A journal export can be large; the parser's default limit (8 MB) is too small for it.
constexpr std::uint64_t kMaxBody = std::uint64_t{1} << 30;

// A reused keep-alive connection the daemon had already closed (its idle timeout): the request
// never reached it, so sending it again on a new connection is safe.
bool closed_while_idle(const beast::error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

}  // namespace

struct HttpTransport::Connection {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  bool used = false;  // has carried an exchange, so the daemon may have closed it since
};

HttpTransport::HttpTransport(std::string host, std::string port, std::string authorization)
    : host_(std::move(host)), port_(std::move(port)), authorization_(std::move(authorization)) {}

HttpTransport::~HttpTransport() = default;

std::unique_ptr<HttpTransport::Connection> HttpTransport::take() {
  std::lock_guard lock(mutex_);
  if (idle_.empty()) return std::make_unique<Connection>();
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return connection;
}

void HttpTransport::give_back(std::unique_ptr<Connection> connection) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(connection));
}

HttpReply HttpTransport::request(std::string_view method, const std::string& target,
                                 const std::string& body, std::chrono::milliseconds timeout) {
  http::request<http::string_body> request{http::string_to_verb(method), target, 11};
  // The Host header names the daemon as the caller reached it: session URLs are built from it.
  request.set(http::field::host, host_.find(':') == std::string::npos
                                     ? host_ + ":" + port_
                                     : "[" + host_ + "]:" + port_);
  request.set(http::field::user_agent, "mockex-cpp-sdk");
  request.set(http::field::accept, "application/json");
  if (!authorization_.empty()) request.set(http::field::authorization, authorization_);
  if (!body.empty()) request.set(http::field::content_type, "application/json");
  request.body() = body;
  request.prepare_payload();

  for (;;) {
    auto connection = take();
    const bool reused = connection->used;
    beast::error_code ec;
    std::optional<http::response_parser<http::string_body>> parser;
    parser.emplace();
    parser->body_limit(kMaxBody);
    auto read_answer = [&] {
      http::async_read(connection->stream, connection->buffer, *parser,
                       [&](beast::error_code read_ec, std::size_t) { ec = read_ec; });
    };
    auto send = [&] {
      http::async_write(connection->stream, request,
                        [&](beast::error_code write_ec, std::size_t) {
                          ec = write_ec;
                          if (!ec) read_answer();
                        });
    };
    // Declared out here: a resolver destroyed before run() cancels its lookup.
    tcp::resolver resolver(connection->io);
    connection->stream.expires_after(timeout);
    if (connection->stream.socket().is_open()) {
      send();
    } else {
      resolver.async_resolve(host_, port_,
                             [&](beast::error_code resolve_ec, tcp::resolver::results_type found) {
                               ec = resolve_ec;
                               if (ec) return;
                               connection->stream.async_connect(
                                   found, [&](beast::error_code connect_ec, const tcp::endpoint&) {
                                     ec = connect_ec;
                                     if (!ec) send();
                                   });
                             });
    }
    connection->io.restart();
    connection->io.run();
    if (ec) {
      if (reused && closed_while_idle(ec)) continue;
      throw TransportError(std::string(method) + " http://" + host_ + ":" + port_ + target +
                           ": " + (ec == beast::error::timeout ? "timed out" : ec.message()));
    }
    auto response = parser->release();
    connection->used = true;
    if (response.keep_alive()) give_back(std::move(connection));
    HttpReply reply;
    reply.status = static_cast<int>(response.result_int());
    reply.content_type = std::string(response[http::field::content_type]);
    reply.body = std::move(response.body());
    return reply;
  }
}

}  // namespace mockex::sdk::detail
