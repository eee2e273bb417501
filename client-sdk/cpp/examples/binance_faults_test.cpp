// A trading test suite in GoogleTest, the mockex way: each test gets an exchange of its own from
// the SDK, talks Binance Spot to it over real HTTP and WebSocket (as the system under test would),
// turns faults on, and asserts on what its client saw and on the session's journal and report.

#include "binance_client.hpp"
#include "daemon.hpp"

#include <mockex/sdk/sdk.hpp>

#include <gtest/gtest.h>

#include <chrono>

namespace {

namespace sdk = mockex::sdk;
using mockex::example::BinanceRest;
using mockex::example::MarketStream;
using namespace std::chrono_literals;

class BinanceFaults : public ::testing::Test {
 protected:
  // The quickstart scenario's demo account.
  static constexpr const char* kApiKey = "demo-key";
  static constexpr const char* kSecret = "demo-secret";

  sdk::Client client{mockex::sdk::testing::Daemon::shared().url()};
  // A stepped clock: the market moves only when a test advances it.
  sdk::Session session =
      client.create_session({.scenario = "quickstart", .seed = 7, .clock = "stepped"});
  BinanceRest rest{session.rest_url(), kApiKey, kSecret};

  // A new connection is subscribed on the server's strand just after the handshake, so a test
  // cannot know when pushes start reaching it: advance the stepped clock until one arrives.
  nlohmann::json first_message(MarketStream& stream) const {
    for (int attempt = 0; attempt < 20; ++attempt) {
      session.clock().advance("1s");
      if (auto message = stream.next(200ms)) return *message;
    }
    ADD_FAILURE() << "the stream carried nothing";
    return nullptr;
  }

  // The journal's fault entries of one kind (their data: name, fault_kind, effect, target).
  std::vector<sdk::JournalEntry> faults_of_kind(const std::string& kind) const {
    std::vector<sdk::JournalEntry> out;
    for (auto& entry : session.journal().query({.kinds = {"fault"}, .limit = 1000}).entries) {
      if (entry.data.value("fault_kind", "") == kind) out.push_back(std::move(entry));
    }
    return out;
  }
};

TEST_F(BinanceFaults, rate_limit_storm_answers_429_with_retry_after) {
  {
    sdk::ScopedFault storm = session.faults().scoped(
        sdk::faults::http_error(429, "GET /api/v3/depth").named("storm"));
    auto answer = rest.get("/api/v3/depth", "symbol=BTCUSDT&limit=5");
    EXPECT_EQ(answer.status, 429);
    EXPECT_EQ(answer.json().at("code"), -1003);
    EXPECT_EQ(answer.headers.at("retry-after"), "60");
    EXPECT_EQ(storm.status().fired, 1u);
  }
  // The storm is over once its scope is.
  EXPECT_EQ(rest.get("/api/v3/depth", "symbol=BTCUSDT&limit=5").status, 200);
  EXPECT_EQ(faults_of_kind("http_error").size(), 1u);
  auto report = session.report();
  EXPECT_EQ(report.faults_by_kind.at("http_error"), 1u);
  EXPECT_EQ(report.faults_by_name.at("storm"), 1u);
  EXPECT_EQ(report.rate_limit_hits, 1u);
}

TEST_F(BinanceFaults, slow_order_acks_take_at_least_the_injected_latency) {
  session.faults().add(sdk::faults::latency("POST /api/v3/order", 300ms).named("slow-orders"));
  auto start = std::chrono::steady_clock::now();
  auto answer = rest.send_signed("POST", "/api/v3/order",
                                 "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001");
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json().at("status"), "FILLED");
  EXPECT_GE(elapsed, 300ms);  // a lower bound only: the delay is a floor, never a ceiling

  auto orders = session.orders(kApiKey, "BTCUSDT", "all");
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].status, "FILLED");
  EXPECT_EQ(orders[0].executed_qty, "0.00100000");
  EXPECT_EQ(faults_of_kind("latency").at(0).data.at("name"), "slow-orders");
}

TEST_F(BinanceFaults, lost_ack_is_reconciled_by_client_order_id) {
  session.faults().add(sdk::faults::ack_lost("x-*").only_first(1));
  auto lost = rest.send_signed(
      "POST", "/api/v3/order",
      "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=x-ack-1");
  EXPECT_EQ(lost.status, 503);
  EXPECT_EQ(lost.json().at("code"), -1007);  // "execution status unknown"

  // The order was placed all the same: a client that reconciles finds it by its own id.
  auto found = rest.send_signed("GET", "/api/v3/order",
                                "symbol=BTCUSDT&origClientOrderId=x-ack-1");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json().at("clientOrderId"), "x-ack-1");
  EXPECT_EQ(found.json().at("status"), "FILLED");
  EXPECT_EQ(faults_of_kind("ack_lost").size(), 1u);
  EXPECT_EQ(session.report().orders_placed, 1u);
}

TEST_F(BinanceFaults, dropped_depth_updates_never_arrive_while_trades_do) {
  session.faults().add(sdk::faults::ws_drop("*@depth*").named("no-depth"));
  MarketStream stream(session.ws_url() + "/btcusdt@depth@100ms/btcusdt@trade");
  int trades = 0;
  int depth_updates = 0;
  auto count = [&](const nlohmann::json& message) {
    auto event = message.value("e", "");
    trades += event == "trade";
    depth_updates += event == "depthUpdate";
  };
  count(first_message(stream));
  session.clock().advance("3s");  // the market trades and re-quotes; pushes go out at once
  while (auto message = stream.next(500ms)) count(*message);
  EXPECT_GT(trades, 0);
  EXPECT_EQ(depth_updates, 0);
  EXPECT_EQ(session.faults().get("no-depth").fired, faults_of_kind("ws_drop").size());
}

TEST_F(BinanceFaults, ws_disconnect_closes_the_stream_with_its_code) {
  MarketStream stream(session.ws_url() + "/btcusdt@trade");
  ASSERT_FALSE(first_message(stream).is_null()) << "no trade before the fault";
  // The window opens at once and ends the connections on matching streams.
  session.faults().add(sdk::faults::ws_disconnect("btcusdt@trade", 4001));
  while (stream.next(2s)) {
  }
  EXPECT_EQ(stream.close_code(), 4001);
  EXPECT_FALSE(faults_of_kind("ws_disconnect").empty());
  EXPECT_EQ(session.report().ws_connects, 1u);
}

}  // namespace
