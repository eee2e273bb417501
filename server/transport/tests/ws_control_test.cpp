// WsConnection::abort_connection, stop_reading and the bounds of its send queue on a real socket,
// seen by a raw WebSocket client that reads every frame (control frames included) off the wire,
// or reads nothing at all.

#include "wire_harness.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace mockex::transport::testing {
namespace {

constexpr std::uint8_t kText = 0x1;
constexpr std::uint8_t kClose = 0x8;
constexpr std::uint8_t kPing = 0x9;
constexpr std::uint8_t kPong = 0xA;

struct Frame {
  std::uint8_t opcode = 0;
  std::string payload;
};

// Takes one whole frame (server frames are unmasked) off the front of `bytes`.
std::optional<Frame> take_frame(std::string& bytes) {
  if (bytes.size() < 2) return std::nullopt;
  auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(bytes[i]); };
  std::size_t header = 2;
  std::uint64_t length = byte(1) & 0x7F;
  if (length == 126) {
    if (bytes.size() < 4) return std::nullopt;
    length = (std::uint64_t{byte(2)} << 8) | byte(3);
    header = 4;
  } else if (length == 127) {
    if (bytes.size() < 10) return std::nullopt;
    length = 0;
    for (std::size_t i = 2; i < 10; ++i) length = (length << 8) | byte(i);
    header = 10;
  }
  if (bytes.size() < header + length) return std::nullopt;
  Frame frame{static_cast<std::uint8_t>(byte(0) & 0x0F), bytes.substr(header, length)};
  bytes.erase(0, header + length);
  return frame;
}

// A client frame: final, masked (RFC 6455 §5.3), payload under 126 bytes.
std::string client_frame(std::uint8_t opcode, std::string_view payload) {
  const char mask[4] = {0x11, 0x22, 0x33, 0x44};
  std::string out;
  out.push_back(static_cast<char>(0x80 | opcode));
  out.push_back(static_cast<char>(0x80 | payload.size()));
  out.append(mask, 4);
  for (std::size_t i = 0; i < payload.size(); ++i) out.push_back(payload[i] ^ mask[i % 4]);
  return out;
}

class WsClient {
 public:
  explicit WsClient(std::uint16_t port) : tcp_(port) {}

  bool handshake() {
    tcp_.send(
        "GET /ws HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    std::optional<ParsedResponse> head;
    tcp_.wait_for([&](std::string& bytes) {
      head = parse_head(bytes);
      return head.has_value();
    });
    if (!head || head->status != 101) return false;
    tcp_.received().erase(0, head->head.size());
    return true;
  }

  void send(std::uint8_t opcode, std::string_view payload) {
    tcp_.send(client_frame(opcode, payload));
  }

  // Collects frames until one matches `want` (true), or the connection ends or `timeout` passes.
  bool wait_frame(const std::function<bool(const Frame&)>& want,
                  std::chrono::milliseconds timeout = 5s) {
    return tcp_.wait_for(
        [&](std::string& bytes) {
          while (auto frame = take_frame(bytes)) {
            frames_.push_back(*frame);
            if (want(*frame)) return true;
          }
          return false;
        },
        timeout);
  }

  bool saw(std::uint8_t opcode) const {
    for (const auto& frame : frames_) {
      if (frame.opcode == opcode) return true;
    }
    return false;
  }
  const std::vector<Frame>& frames() const { return frames_; }
  Client& tcp() { return tcp_; }

 private:
  Client tcp_;
  std::vector<Frame> frames_;
};

auto is_text(std::string_view payload) {
  return [payload](const Frame& frame) { return frame.opcode == kText && frame.payload == payload; };
}

// What the test sees of the server side: the connection, and how often on_close ran.
struct Probe {
  std::mutex mutex;
  std::shared_ptr<core::WsConnection> connection;
  std::atomic<int> closes{0};

  std::shared_ptr<core::WsConnection> get() {
    std::lock_guard lock(mutex);
    return connection;
  }
};

// "abort" aborts, "stop" stops reading and then answers "stopped"; anything else is echoed.
class ControlHandler : public core::WsHandler {
 public:
  explicit ControlHandler(std::shared_ptr<Probe> probe) : probe_(std::move(probe)) {}
  void on_open(std::shared_ptr<core::WsConnection> connection) override {
    connection_ = connection;
    std::lock_guard lock(probe_->mutex);
    probe_->connection = std::move(connection);
  }
  void on_message(std::string_view message, bool) override {
    if (message == "abort") {
      connection_->abort_connection();
      connection_->send_text("queued behind the abort: dropped");
    } else if (message == "stop") {
      connection_->stop_reading();
      connection_->send_text("stopped");
    } else {
      connection_->send_text(std::string(message));
    }
  }
  void on_close() override {
    ++probe_->closes;
    connection_.reset();
    std::lock_guard lock(probe_->mutex);
    probe_->connection.reset();
  }

 private:
  std::shared_ptr<Probe> probe_;
  std::shared_ptr<core::WsConnection> connection_;
};

std::shared_ptr<Probe> add_ws_route(Router& router) {
  auto probe = std::make_shared<Probe>();
  router.add_websocket("/ws", [probe](const core::HttpRequest&) -> core::WsAccept {
    return std::make_shared<ControlHandler>(probe);
  });
  return probe;
}

TEST(WsConnectionControl, a_reading_connection_answers_pings) {
  Harness harness;
  add_ws_route(harness.router);
  harness.start();
  WsClient client(harness.port());
  ASSERT_TRUE(client.handshake());
  client.send(kPing, "p1");
  EXPECT_TRUE(client.wait_frame([](const Frame& f) { return f.opcode == kPong && f.payload == "p1"; }));
}

TEST(WsConnectionControl, abort_ends_the_socket_without_a_close_frame) {
  Harness harness;
  auto probe = add_ws_route(harness.router);
  harness.start();
  WsClient client(harness.port());
  ASSERT_TRUE(client.handshake());
  client.send(kText, "abort");
  EXPECT_FALSE(client.wait_frame([](const Frame&) { return false; }));
  EXPECT_TRUE(client.tcp().ended());
  EXPECT_FALSE(client.saw(kClose));
  EXPECT_FALSE(client.saw(kText)) << "a message queued after the abort went out";
  EXPECT_TRUE(eventually([&] { return probe->closes.load() == 1; }));
  EXPECT_TRUE(eventually([&] { return harness.server().open_connections() == 0; }));
  EXPECT_EQ(probe->closes.load(), 1);
}

TEST(WsConnectionControl, stop_reading_leaves_pings_unanswered_while_messages_still_flow) {
  Limits limits;
  limits.ws_ping_interval = 100ms;  // Beast's idle timeout (200 ms) would end a silent socket
  Harness harness(limits);
  auto probe = add_ws_route(harness.router);
  harness.start();
  WsClient client(harness.port());
  ASSERT_TRUE(client.handshake());
  client.send(kText, "stop");
  ASSERT_TRUE(client.wait_frame(is_text("stopped")));
  client.send(kPing, "p1");
  client.send(kText, "never read");
  // 500 ms: no pong, no echo, and not closed by the idle timeout either.
  EXPECT_FALSE(client.wait_frame([](const Frame& f) { return f.opcode != kPing; }, 500ms));
  EXPECT_FALSE(client.saw(kPong));
  EXPECT_FALSE(client.tcp().ended());
  auto connection = probe->get();
  ASSERT_TRUE(connection);
  EXPECT_TRUE(connection->send_text("after"));
  EXPECT_TRUE(client.wait_frame(is_text("after")));
  EXPECT_FALSE(client.saw(kPong));
  EXPECT_FALSE(client.saw(kClose));

  // A drain still closes it with 1001, without waiting for a reply it would never read.
  std::atomic<bool> drained{false};
  harness.server().shutdown([&] { drained = true; });
  ASSERT_TRUE(client.wait_frame([](const Frame& f) { return f.opcode == kClose; }));
  const auto& closing = client.frames().back().payload;
  ASSERT_GE(closing.size(), 2u);
  EXPECT_EQ((static_cast<std::uint8_t>(closing[0]) << 8) | static_cast<std::uint8_t>(closing[1]),
            1001);
  EXPECT_TRUE(client.tcp().wait_closed());
  EXPECT_TRUE(eventually([&] { return drained.load(); }));
  EXPECT_EQ(probe->closes.load(), 1);
}

// A server with the control route under `limits`, one client upgraded, and the server's side of
// its connection (null when the upgrade failed).
struct Upgraded {
  explicit Upgraded(Limits limits) : harness(limits), probe(add_ws_route(harness.router)) {
    harness.start();
    client.emplace(harness.port());
    if (client->handshake()) eventually([&] { return (connection = probe->get()) != nullptr; });
  }

  Harness harness;
  std::shared_ptr<Probe> probe;
  std::optional<WsClient> client;
  std::shared_ptr<core::WsConnection> connection;
};

TEST(WsSendQueue, a_client_that_does_not_read_is_dropped_once_its_queue_passes_the_byte_bound) {
  Limits limits;
  limits.max_ws_send_queue = 1'000'000;  // out of reach: only the byte bound can drop it
  limits.max_ws_send_queue_bytes = 64 * 1024;
  Upgraded ws(limits);
  ASSERT_TRUE(ws.connection);
  // The client reads nothing, so what is sent piles up: 64 MiB is far more than the kernel's
  // buffers, the write-behind buffer and the 64 KiB bound together.
  const std::string message(16 * 1024, 'm');
  int accepted = 0;
  while (accepted < 4096 && ws.connection->send_text(message)) ++accepted;
  EXPECT_LT(accepted, 4096) << "the queue took 64 MiB for a client that reads nothing";
  EXPECT_FALSE(ws.connection->send_text(message)) << "a dropped client still takes messages";
  EXPECT_TRUE(eventually([&] { return ws.probe->closes.load() == 1; }));
  // What reached the socket before the drop is there to read, then the end, with no close frame
  // (one queued behind megabytes the client does not read would never arrive).
  EXPECT_FALSE(ws.client->wait_frame([](const Frame& f) { return f.opcode == kClose; }));
  EXPECT_TRUE(ws.client->tcp().ended());
  EXPECT_TRUE(eventually([&] { return ws.harness.server().open_connections() == 0; }));
}

TEST(WsSendQueue, one_message_larger_than_the_byte_bound_still_reaches_a_client_that_reads) {
  Limits limits;
  limits.max_ws_send_queue_bytes = 1024;
  Upgraded ws(limits);
  ASSERT_TRUE(ws.connection);
  const std::string snapshot(100 * 1024, 's');
  for (int round = 0; round < 2; ++round) {
    ASSERT_TRUE(ws.connection->send_text(snapshot)) << "round " << round;
    EXPECT_TRUE(ws.client->wait_frame(is_text(snapshot))) << "round " << round;
  }
  EXPECT_EQ(ws.probe->closes.load(), 0);
  EXPECT_FALSE(ws.client->tcp().ended());
}

}  // namespace
}  // namespace mockex::transport::testing
