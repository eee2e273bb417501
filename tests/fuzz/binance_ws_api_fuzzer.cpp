// Fuzz target: the Binance WebSocket handlers (the WebSocket API at /ws-api/v3, and the market
// stream sockets' control messages) on a live in-process session, through the router's
// WebSocket match and the dialect's own handler factory; the connection is a fake that checks
// what the handler sends.
//
// Input: text frames, one per line, at most eight. A first line that starts with '/' is instead
// the upgrade target (path and query), e.g. `/ws-api/v3?returnRateLimits=false` or
// `/stream?streams=btcusdt@trade`; without one the socket is /ws-api/v3. `{now}` and a
// "signature":"SIGN" param are filled in as placeholders.hpp says. Every frame sent must be JSON,
// every close code one a server may send, and on /ws-api/v3 every request must be answered.

#include "checks.hpp"
#include "live_exchange.hpp"
#include "placeholders.hpp"

#include <mockex/dialect/binance/websocket.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace mockex;

constexpr std::size_t kMostFrames = 8;

// The client's end of the socket, as far as the handler can see it.
class FakeClient final : public core::WsConnection {
 public:
  bool send_text(std::string message) override {
    fuzz::trace("frame", message);
    fuzz::check_json(message, "a WebSocket frame");
    ++frames_;
    return !closed_;
  }
  void close(std::uint16_t code, std::string reason) override {
    // RFC 6455 §7.4: 1005 and 1006 are never sent; a close frame's payload is at most 125 bytes.
    bool sendable = code >= 1000 && code <= 4999 && code != 1005 && code != 1006;
    if (!sendable || reason.size() > 123) {
      fuzz::fail("a close frame that cannot be sent", std::to_string(code) + " " + reason);
    }
    closed_ = true;
  }
  void abort_connection() override { closed_ = true; }
  void stop_reading() override { reading_ = false; }
  std::string remote_address() const override { return "127.0.0.1:40000"; }

  std::size_t frames() const { return frames_; }
  bool listening() const { return !closed_ && reading_; }

 private:
  std::size_t frames_ = 0;
  bool closed_ = false;
  bool reading_ = true;
};

core::HttpRequest upgrade_request(std::string target) {
  core::HttpRequest upgrade;
  upgrade.method = "GET";
  upgrade.target = std::move(target);
  auto question = upgrade.target.find('?');
  upgrade.path = upgrade.target.substr(0, question);
  if (question != std::string::npos) upgrade.query = upgrade.target.substr(question + 1);
  upgrade.headers = {
      {"Host", "localhost:8765"}, {"Upgrade", "websocket"}, {"Connection", "Upgrade"}};
  upgrade.remote_address = "127.0.0.1:40000";
  return upgrade;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty() && lines.size() <= kMostFrames) {
    auto newline = text.find('\n');
    lines.push_back(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto lines = lines_of({reinterpret_cast<const char*>(data), size});
  std::string target = "/ws-api/v3";
  if (!lines.empty() && lines.front().starts_with('/')) {
    target = lines.front();
    lines.erase(lines.begin());
  }
  if (lines.size() > kMostFrames) lines.resize(kMostFrames);

  fuzz::LiveExchange exchange;
  dialect::binance::add_websocket_routes(
      [&exchange](std::string pattern, core::WsHandlerFactory factory) {
        exchange.router().add_websocket(std::move(pattern), std::move(factory));
      },
      exchange.registry());
  auto upgrade = upgrade_request(std::move(target));
  auto match = exchange.router().match_websocket(upgrade.path);
  if (match.factory == nullptr) return 0;  // the transport answers 404
  upgrade.params = std::move(match.params);
  auto accepted = (*match.factory)(upgrade);
  if (const auto* refusal = std::get_if<core::HttpResponse>(&accepted)) {
    fuzz::check_response(*refusal, "a refused upgrade");
    return 0;
  }
  auto handler = std::get<std::shared_ptr<core::WsHandler>>(std::move(accepted));
  auto client = std::make_shared<FakeClient>();
  handler->on_open(client);
  exchange.run_ready();
  bool answers_each = std::string_view(match.route).ends_with("/ws-api/v3");
  for (auto line : lines) {
    if (!client->listening()) break;
    auto before = client->frames();
    auto message = fuzz::fill_ws_api(std::string(line));
    fuzz::trace("message", message);
    handler->on_message(message, true);
    exchange.run_ready();
    if (answers_each && client->listening() && client->frames() == before) {
      fuzz::fail("a WebSocket API request went unanswered", message);
    }
  }
  handler->on_close();
  exchange.run_ready();
  return 0;
}
