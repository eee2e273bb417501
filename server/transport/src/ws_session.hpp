#pragma once
// One WebSocket connection after the upgrade: reads messages into its handler and writes queued
// messages out, one at a time, from a bounded queue.

#include "connection.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace mockex::transport::detail {

class WsSession : public Connection,
                  public core::WsConnection,
                  public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(boost::asio::ip::tcp::socket socket,
            boost::beast::http::request<boost::beast::http::string_body> upgrade,
            std::shared_ptr<core::WsHandler> handler, std::shared_ptr<SharedState> state,
            std::string remote);
  ~WsSession() override;

  void start();
  void drain() override;
  void abort() override { finish(); }

  bool send_text(std::string message) override;
  void close(std::uint16_t code, std::string reason) override;
  std::string remote_address() const override { return remote_; }

 private:
  void on_accept(boost::beast::error_code ec);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void do_write();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void drop_slow_client();
  void finish();

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::http::request<boost::beast::http::string_body> upgrade_;
  std::shared_ptr<core::WsHandler> handler_;
  std::shared_ptr<SharedState> state_;
  std::string remote_;
  std::uint64_t registry_id_ = 0;
  boost::beast::flat_buffer buffer_;
  std::deque<std::string> outbox_;
  std::atomic<std::size_t> queued_{0};  // outbox_ plus messages posted but not yet in it
  std::atomic<bool> finished_{false};
  std::optional<boost::beast::websocket::close_reason> pending_close_;
  bool open_ = false;     // handshake done
  bool writing_ = false;  // a message or the close frame is being written
  bool close_sent_ = false;
};

}  // namespace mockex::transport::detail
