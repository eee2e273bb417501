#pragma once
// One WebSocket connection after the upgrade: reads messages into its handler and writes queued
// messages out from a bounded queue, through a write-behind layer that sends a burst of frames in
// one system call.

#include "connection.hpp"
#include "corked_stream.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

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
  bool send_shared(std::shared_ptr<const std::string> message) override;
  void close(std::uint16_t code, std::string reason) override;
  void abort_connection() override;
  void stop_reading() override;
  std::string remote_address() const override { return remote_; }

 private:
  void on_accept(boost::beast::error_code ec);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void take_inbox();
  void do_write();
  void drop_slow_client();
  // Closes with a close frame of our own and no handshake: after stop_reading, the client's
  // reply would never be read.
  void close_without_handshake();
  void finish();

  using Message = std::shared_ptr<const std::string>;

  boost::beast::websocket::stream<CorkedStream> ws_;
  boost::beast::http::request<boost::beast::http::string_body> upgrade_;
  std::shared_ptr<core::WsHandler> handler_;
  std::shared_ptr<SharedState> state_;
  std::string remote_;
  std::uint64_t registry_id_ = 0;
  boost::beast::flat_buffer buffer_;
  std::mutex inbox_mutex_;
  std::vector<Message> inbox_;  // sent from any thread, not yet taken onto the strand
  std::deque<Message> outbox_;
  // Messages in inbox_ plus outbox_, and their payload bytes: added from any thread by
  // send_shared, taken off on the strand as do_write frames them (Limits::max_ws_send_queue*).
  std::atomic<std::size_t> queued_{0};
  std::atomic<std::size_t> queued_bytes_{0};
  std::atomic<bool> slow_{false};  // a send found the queue full: the drop is on its way
  std::atomic<bool> finished_{false};
  std::optional<boost::beast::websocket::close_reason> pending_close_;
  bool open_ = false;     // handshake done
  bool close_sent_ = false;
  bool reads_stopped_ = false;  // stop_reading(): no further frame is read
};

}  // namespace mockex::transport::detail
