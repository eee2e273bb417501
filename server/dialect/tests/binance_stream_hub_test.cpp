// The market-stream hub on a stepped session: what each connection receives, checked message by
// message with a fixed seed and the manual scenario clock.

#include "stream_hub.hpp"

#include <mockex/core/decimal.hpp>
#include <mockex/scenario/loader.hpp>

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>

namespace mockex::dialect::binance {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class RecordingConnection final : public core::WsConnection {
 public:
  bool send_text(std::string message) override {
    messages.push_back(std::move(message));
    return true;
  }
  void close(std::uint16_t code, std::string) override { close_code = code; }
  void abort_connection() override {}
  void stop_reading() override {}
  std::string remote_address() const override { return "127.0.0.1:1"; }

  std::vector<json> parsed() const {
    std::vector<json> out;
    for (const auto& m : messages) out.push_back(json::parse(m));
    return out;
  }
  std::vector<std::string> messages;
  std::uint16_t close_code = 0;
};

// A local order book kept the way Binance documents (spec §12.1).
struct LocalBook {
  std::uint64_t id = 0;
  bool synced = false;
  std::map<std::string, std::string> bids, asks;

  static void set(std::map<std::string, std::string>& side, const json& levels) {
    for (const auto& level : levels) {
      auto price = level[0].get<std::string>();
      auto qty = level[1].get<std::string>();
      if (std::stod(qty) == 0) {
        side.erase(price);
      } else {
        side[price] = qty;
      }
    }
  }
};

StreamSpec spec(std::string_view name) { return *parse_stream(name); }

class StreamHubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = scenario::load_scenario_file(std::string(MOCKEX_SCENARIOS_DIR) + "/quickstart.yaml");
    ASSERT_TRUE(loaded.ok());
    session::SessionOptions options;
    options.id = "t";
    options.clock = session::ClockMode::stepped;
    // 50 ms off the 100 ms grid: the market re-quotes between two depth flushes.
    options.start = core::Timestamp::from_millis(1'700'000'000'050);
    auto made = session::Session::create(io_.get_executor(),
                                         std::make_shared<const scenario::Scenario>(*loaded.scenario),
                                         options);
    ASSERT_TRUE(std::holds_alternative<std::shared_ptr<session::Session>>(made));
    session_ = std::get<std::shared_ptr<session::Session>>(made);
    hub_ = std::make_unique<StreamHub>(*session_);
  }
  void TearDown() override { session_->close(); }

  std::shared_ptr<RecordingConnection> client(StreamHub::ClientId id, bool combined = false) {
    auto connection = std::make_shared<RecordingConnection>();
    hub_->add_client(id, connection, combined);
    return connection;
  }
  venue::SymbolId btc() { return *session_->venue().find_symbol("BTCUSDT"); }
  void advance(std::chrono::microseconds by) { session_->clock().advance(by); }

  boost::asio::io_context io_;
  std::shared_ptr<session::Session> session_;
  std::unique_ptr<StreamHub> hub_;
};

TEST_F(StreamHubTest, diff_depth_is_gap_free_and_replays_onto_a_snapshot_to_the_live_book) {
  auto fast = client(1);
  auto slow = client(2);
  ASSERT_TRUE(hub_->subscribe(1, spec("btcusdt@depth@100ms")));
  ASSERT_TRUE(hub_->subscribe(2, spec("btcusdt@depth")));
  // The client's snapshot, taken after subscribing (as ccxt does once the reply arrives).
  advance(30ms);
  auto snapshot = session_->venue().book(btc()).depth(5000);
  advance(10s - 30ms);
  // The market stops; the next flush sends what changed at the last instant.
  session_->player().stop();
  advance(1s);

  for (const auto& connection : {fast, slow}) {
    auto events = connection->parsed();
    ASSERT_GT(events.size(), connection == fast ? 50u : 5u);
    LocalBook local;
    local.id = snapshot.update_id;
    for (const auto& level : snapshot.bids) {
      local.bids[core::format_decimal(level.price.units(), core::Scale{8})] =
          core::format_decimal(level.qty.units(), core::Scale{8});
    }
    for (const auto& level : snapshot.asks) {
      local.asks[core::format_decimal(level.price.units(), core::Scale{8})] =
          core::format_decimal(level.qty.units(), core::Scale{8});
    }
    std::uint64_t previous_u = 0;
    for (const auto& event : events) {
      ASSERT_EQ(event["e"], "depthUpdate");
      ASSERT_EQ(event["s"], "BTCUSDT");
      auto first = event["U"].get<std::uint64_t>();
      auto last = event["u"].get<std::uint64_t>();
      ASSERT_LE(first, last);
      if (previous_u != 0) {
        ASSERT_EQ(first, previous_u + 1) << "gap after " << previous_u;
      }
      previous_u = last;
      if (last <= local.id) continue;
      if (!local.synced) {
        ASSERT_LE(first, local.id + 1);
        local.synced = true;
      }
      LocalBook::set(local.bids, event["b"]);
      LocalBook::set(local.asks, event["a"]);
      local.id = last;
    }
    // Every change up to the last flush was sent: the local book is the venue's book.
    const auto& book = session_->venue().book(btc());
    ASSERT_EQ(local.id, book.update_id());
    auto live = book.depth(5000);
    ASSERT_EQ(local.bids.size(), live.bids.size());
    ASSERT_EQ(local.asks.size(), live.asks.size());
    for (const auto& level : live.bids) {
      EXPECT_EQ(local.bids[core::format_decimal(level.price.units(), core::Scale{8})],
                core::format_decimal(level.qty.units(), core::Scale{8}));
    }
  }
  // The 1000 ms stream merges ten 100 ms intervals into one event each second (the eleventh
  // second only carries what changed at the instant of the tenth flush).
  EXPECT_GE(slow->messages.size(), 10u);
  EXPECT_LE(slow->messages.size(), 11u);
  EXPECT_GE(fast->messages.size(), 95u);
}

TEST_F(StreamHubTest, event_times_and_partial_depth_follow_the_scenario_clock) {
  auto c = client(1);
  ASSERT_TRUE(hub_->subscribe(1, spec("btcusdt@depth5@100ms")));
  advance(1s);
  auto events = c->parsed();
  ASSERT_EQ(events.size(), 10u);  // 1700000000100 ... 1700000001000
  for (const auto& event : events) {
    EXPECT_EQ(event["bids"].size(), 5u);
    EXPECT_EQ(event["asks"].size(), 5u);
    EXPECT_FALSE(event.contains("e"));
  }
  session_->player().stop();
  advance(100ms);
  EXPECT_EQ(c->parsed().back()["lastUpdateId"], session_->venue().book(btc()).update_id());
}

TEST_F(StreamHubTest, subscribing_twice_does_not_double_the_data) {
  auto once = client(1);
  auto twice = client(2);
  ASSERT_TRUE(hub_->subscribe(1, spec("btcusdt@trade")));
  ASSERT_TRUE(hub_->subscribe(2, spec("btcusdt@trade")));
  ASSERT_TRUE(hub_->subscribe(2, spec("BTCUSDT@trade")));
  advance(5s);
  ASSERT_FALSE(once->messages.empty());
  EXPECT_EQ(once->messages, twice->messages);
  EXPECT_EQ(hub_->subscriptions(2), std::vector<std::string>{"btcusdt@trade"});
  std::uint64_t previous = 0;
  for (const auto& trade : once->parsed()) {
    EXPECT_EQ(trade["e"], "trade");
    EXPECT_GT(trade["t"].get<std::uint64_t>(), previous);
    previous = trade["t"].get<std::uint64_t>();
  }
}

TEST_F(StreamHubTest, combined_clients_get_the_stream_wrapper_and_raw_ones_the_payload) {
  auto raw = client(1);
  auto combined = client(2, true);
  ASSERT_TRUE(hub_->subscribe(1, spec("btcusdt@bookTicker")));
  ASSERT_TRUE(hub_->subscribe(2, spec("btcusdt@bookTicker")));
  advance(1s);
  ASSERT_FALSE(raw->messages.empty());
  ASSERT_EQ(raw->messages.size(), combined->messages.size());
  auto wrapped = json::parse(combined->messages.front());
  EXPECT_EQ(wrapped["stream"], "btcusdt@bookTicker");
  EXPECT_EQ(wrapped["data"], json::parse(raw->messages.front()));
  auto ticker = json::parse(raw->messages.back());
  EXPECT_FALSE(ticker.contains("e"));
  auto top = session_->venue().book(btc()).top();
  EXPECT_EQ(ticker["u"], top.update_id);
  EXPECT_EQ(ticker["b"], core::format_decimal(top.bid.price.units(), core::Scale{8}));
}

TEST_F(StreamHubTest, unsubscribed_and_removed_clients_get_nothing_more) {
  auto c = client(1);
  ASSERT_TRUE(hub_->subscribe(1, spec("btcusdt@trade")));
  hub_->unsubscribe(1, spec("btcusdt@trade"));
  advance(3s);
  EXPECT_TRUE(c->messages.empty());
  ASSERT_TRUE(hub_->subscribe(1, spec("ethusdt@depth@100ms")));
  hub_->remove_client(1);
  advance(3s);
  EXPECT_TRUE(c->messages.empty());
  EXPECT_FALSE(hub_->subscribe(1, spec("btcusdt@trade")));  // no such client any more
}

TEST_F(StreamHubTest, unknown_symbols_are_refused) {
  client(1);
  EXPECT_FALSE(hub_->subscribe(1, spec("dogeusdt@trade")));
  EXPECT_TRUE(hub_->subscriptions(1).empty());
}

TEST_F(StreamHubTest, klines_push_every_two_seconds_and_close_their_bucket) {
  auto c = client(1);
  ASSERT_TRUE(hub_->subscribe(1, spec("btcusdt@kline_1m")));
  advance(70s);
  auto events = c->parsed();
  ASSERT_GE(events.size(), 34u);
  int closed = 0;
  for (const auto& event : events) {
    EXPECT_EQ(event["e"], "kline");
    EXPECT_EQ(event["E"].get<std::int64_t>() % 2000, 0);
    if (event["k"]["x"].get<bool>()) {
      ++closed;
      EXPECT_EQ(event["k"]["t"], 1'699'999'980'000);  // the minute that ended at ...040'000
    }
  }
  EXPECT_EQ(closed, 1);
}

TEST_F(StreamHubTest, all_market_mini_tickers_list_symbols_that_traded_since_the_last_push) {
  auto c = client(1);
  ASSERT_TRUE(hub_->subscribe(1, spec("!miniTicker@arr")));
  advance(3s);
  auto events = c->parsed();
  ASSERT_FALSE(events.empty());
  for (const auto& array : events) {
    ASSERT_TRUE(array.is_array());
    for (const auto& ticker : array) EXPECT_EQ(ticker["e"], "24hrMiniTicker");
  }
}

TEST_F(StreamHubTest, reset_and_close_end_every_connection_after_a_server_shutdown_event) {
  auto raw = client(1);
  auto combined = client(2, true);
  ASSERT_TRUE(hub_->subscribe(1, spec("btcusdt@trade")));
  hub_->close_all(1012, "session reset");
  EXPECT_EQ(raw->close_code, 1012);
  EXPECT_EQ(json::parse(raw->messages.back())["e"], "serverShutdown");
  EXPECT_EQ(json::parse(combined->messages.back())["stream"], "!serverShutdown");
  EXPECT_EQ(hub_->client_count(), 0u);
  auto before = raw->messages.size();
  advance(2s);
  EXPECT_EQ(raw->messages.size(), before);
}

}  // namespace
}  // namespace mockex::dialect::binance

namespace mockex::dialect::binance {
namespace {

std::vector<std::string> keys_in_order(const std::string& text) {
  std::vector<std::string> keys;
  auto parsed = nlohmann::ordered_json::parse(text);
  for (const auto& item : parsed.items()) keys.push_back(item.key());
  return keys;
}

TEST_F(StreamHubTest, tickers_carry_binance_fields_in_binance_order) {
  auto full = client(1);
  auto window = client(2);
  ASSERT_TRUE(hub_->subscribe(1, spec("btcusdt@ticker")));
  ASSERT_TRUE(hub_->subscribe(2, spec("btcusdt@ticker_1h")));
  advance(2s);
  ASSERT_FALSE(full->messages.empty());
  ASSERT_FALSE(window->messages.empty());
  EXPECT_EQ(keys_in_order(full->messages.back()),
            (std::vector<std::string>{"e", "E", "s", "p", "P", "w", "x", "c", "Q", "b", "B", "a",
                                      "A", "o", "h", "l", "v", "q", "O", "C", "F", "L", "n"}));
  EXPECT_EQ(keys_in_order(window->messages.back()),
            (std::vector<std::string>{"e", "E", "s", "p", "P", "o", "h", "l", "c", "w", "v", "q",
                                      "O", "C", "F", "L", "n"}));
  EXPECT_EQ(json::parse(window->messages.back())["e"], "1hTicker");
}

}  // namespace
}  // namespace mockex::dialect::binance
