#pragma once
// One HTTP/1.1 connection: reads requests (pipelined up to a limit), hands each to the router,
// and writes the responses back in request order as their handlers complete them.

#include "connection.hpp"
#include "stamped_reader.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace mockex::transport::detail {

class HttpSession : public Connection, public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<SharedState> state);
  ~HttpSession() override;

  void start();
  void drain() override;
  void abort() override { close_now(); }

 private:
  // A response as its handler completed it; its head is written when it goes out.
  struct Response {
    int status = 200;
    core::HeaderList headers;
    std::string body;
    bool keep_alive = true;
  };

  // One request awaiting or holding its response; responses leave in request order, so a
  // response waiting out an injected delay holds back the ones behind it.
  struct Slot {
    std::uint64_t sequence = 0;
    std::optional<Response> response;
    core::WireEffect effect;  // what happens on the wire once the response is first in line
    // effect.delay, armed when handed over (on the heap: most responses have none, and a
    // smaller slot lets the queue's blocks hold two)
    std::unique_ptr<boost::asio::steady_timer> delay;
    std::optional<FaultDelayPermit> delay_permit;    // held while `delay` runs
    bool delaying = false;                           // `delay` has not fired yet
    bool keep_alive = true;
    // Metrics labels: a route pattern of the router (which outlives the connection) or a literal.
    std::string_view route;
    std::string_view method;
    // When the request's last bytes reached the host (the kernel's stamp, else when it was read).
    std::chrono::steady_clock::time_point received;

    bool ready() const { return response.has_value() && !delaying; }
  };

  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void dispatch(boost::beast::http::request<boost::beast::http::string_body>&& request);
  void upgrade(boost::beast::http::request<boost::beast::http::string_body>&& request);
  // An injected delay counts from when the request arrived (its slot's `received`).
  void complete(std::uint64_t sequence, core::HttpResponse response);
  void on_delay_done(std::uint64_t sequence);
  // Answers with an error and stops reading; the connection closes after the answer.
  void reject(int status, std::string_view code, LimitKind kind, std::string_view message);
  void do_write();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  // The response first in line is out, whole: on to the next, or close.
  void on_response_sent();
  // The wire effects of the response first in line (see core::WireEffect).
  void hang();
  void reset();
  void do_discard();
  void on_header_written(boost::beast::error_code ec, std::size_t bytes);
  void pace_next_chunk();
  void write_chunk();
  // The idle deadline (see waiting_for_client): armed lazily, one timer wait at a time.
  void arm_deadline();
  void wait_deadline();
  void stop_deadline();
  void on_deadline();
  bool request_in_flight();
  void finish_drain_if_idle();
  void close_gracefully();
  void close_now();
  Slot& enqueue(std::string_view route, std::string_view method, bool keep_alive);
  bool waiting_for_client() const;

  boost::asio::ip::tcp::socket socket_;
  StampedReader reader_{socket_};  // requests are read through it (see Slot::received)
  std::shared_ptr<SharedState> state_;
  std::string remote_;
  std::uint64_t registry_id_ = 0;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  boost::asio::steady_timer deadline_;
  std::uint64_t deadline_generation_ = 0;  // of the wait in flight; bumped to disown it
  std::optional<std::chrono::steady_clock::time_point> deadline_due_;  // none: no deadline runs
  bool deadline_waiting_ = false;

  std::deque<Slot> queue_;  // declared after state_: a slot's permit refers to it
  // The head of the response being written (its text reused from one response to the next).
  std::string head_;
  boost::asio::steady_timer pacer_;  // slow_body: when the next chunk is due
  std::chrono::steady_clock::time_point body_started_;
  std::size_t body_sent_ = 0;
  bool pacing_ = false;   // slow_body: waiting for the next chunk's time
  bool hanging_ = false;  // a hang is first in line: nothing more is answered or read
  std::uint64_t next_sequence_ = 0;
  bool reading_ = false;
  bool writing_ = false;
  bool read_done_ = false;  // no more requests will be read
  bool draining_ = false;
  bool lingering_ = false;  // our side is shut down; waiting for the client's FIN
  bool closed_ = false;
  bool upgraded_ = false;
  // A WebSocket upgrade that arrived while earlier responses were still queued or being written:
  // it is carried out once they are all out (reads pause meanwhile).
  std::optional<boost::beast::http::request<boost::beast::http::string_body>> pending_upgrade_;
};

}  // namespace mockex::transport::detail
