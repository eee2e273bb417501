// User data (spec §11.4, §7.5) on a stepped session: the executionReport, outboundAccountPosition
// and balanceUpdate payloads rendered from the venue's own events, and the hub that frames and
// delivers them to WS API subscriptions and legacy listen-key sockets.

#include "user_data_hub.hpp"
#include "user_events.hpp"

#include <mockex/core/decimal.hpp>
#include <mockex/scenario/loader.hpp>

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace mockex::dialect::binance {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr std::int64_t start_ms = 1'700'000'000'000;

class Recorder final : public core::WsConnection {
 public:
  bool send_text(std::string message) override {
    frames.push_back(std::move(message));
    return true;
  }
  void close(std::uint16_t, std::string) override {}
  void abort_connection() override {}
  void stop_reading() override {}
  std::string remote_address() const override { return "127.0.0.1:1"; }

  json frame(std::size_t i) const { return json::parse(frames.at(i)); }
  std::vector<std::string> frames;
};

class UserDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded =
        scenario::load_scenario_file(std::string(MOCKEX_SCENARIOS_DIR) + "/quickstart.yaml");
    ASSERT_TRUE(loaded.ok());
    session::SessionOptions options;
    options.id = "t";
    options.clock = session::ClockMode::stepped;
    options.start = core::Timestamp::from_millis(start_ms);
    auto made = session::Session::create(
        io_.get_executor(), std::make_shared<const scenario::Scenario>(*loaded.scenario), options);
    ASSERT_TRUE(std::holds_alternative<std::shared_ptr<session::Session>>(made));
    session_ = std::get<std::shared_ptr<session::Session>>(made);
    session_->player().stop();  // a still market: only this test's orders move anything
    hub_ = std::make_unique<UserDataHub>(*session_, keys_);
    account_ = *session_->venue().find_account("demo-key");
    btc_ = *session_->venue().find_symbol("BTCUSDT");
  }
  void TearDown() override { session_->close(); }

  venue::Venue& venue() { return session_->venue(); }
  std::int64_t units(std::string_view text, core::Scale scale) {
    return *core::parse_decimal(text, scale);
  }
  // A BUY LIMIT of 0.001 BTC at `ticks` ticks from the best ask (negative: below it).
  venue::PlaceOrder buy(std::int64_t ticks, std::string_view client_id,
                        book::TimeInForce tif = book::TimeInForce::gtc) {
    const auto& spec = venue().instrument(btc_);
    venue::PlaceOrder order;
    order.account = account_;
    order.symbol = "BTCUSDT";
    order.side = book::Side::buy;
    order.type = book::OrderType::limit;
    order.tif = tif;
    auto tick = units("0.01", spec.price_scale);
    order.price = core::Price{venue().book(btc_).top().ask.price.units() + ticks * tick};
    order.qty = core::Qty{units("0.001", spec.qty_scale)};
    order.client_order_id = venue::ClientOrderId(client_id);
    return order;
  }
  // Runs a command on the venue and publishes its events, as the dialect does.
  template <class Command>
  venue::Events run(Command command) {
    venue::Events events;
    command(events);
    session_->publish(events);
    return events;
  }
  venue::Events place(const venue::PlaceOrder& order) {
    return run([&](venue::Events& out) {
      EXPECT_TRUE(venue().place_order(order, session_->clock().now(), out).ok());
    });
  }
  venue::Events cancel(std::string_view original, std::string_view own) {
    venue::CancelOrder command{account_, "BTCUSDT", {}, venue::ClientOrderId(original),
                               venue::ClientOrderId(own)};
    return run([&](venue::Events& out) {
      EXPECT_TRUE(venue().cancel_order(command, session_->clock().now(), out).ok());
    });
  }
  // An admin deposit of `amount` USDT (a withdrawal when `withdraw`).
  venue::Events deposit(std::string_view amount, bool withdraw = false) {
    auto usdt = *venue().find_asset("USDT");
    auto change = units(amount, venue().asset(usdt).scale);
    auto free = venue().balance(account_, usdt)->free.units() + (withdraw ? -change : change);
    return run([&](venue::Events& out) {
      EXPECT_TRUE(
          venue().set_balance(account_, "USDT", core::Amount{free}, session_->clock().now(), out)
              .ok());
    });
  }
  // The payloads of the events of one type, rendered as the hub renders them.
  std::vector<json> reports(const venue::Events& events) {
    std::vector<json> out;
    std::uint64_t execution_id = 0;
    for (const auto& event : events) {
      if (const auto* update = std::get_if<venue::OrderUpdate>(&event)) {
        out.push_back(json::parse(execution_report(venue(), *update, ++execution_id, 42)));
      }
    }
    return out;
  }
  std::shared_ptr<Recorder> recorder() { return std::make_shared<Recorder>(); }
  // A legacy socket on listen key "key-1", live for the first 60 minutes.
  std::shared_ptr<Recorder> listen_key_socket(std::uint64_t id, bool combined = false) {
    keys_.try_emplace("key-1", ListenKey{account_, start_ms + 3'600'000});
    auto client = recorder();
    EXPECT_TRUE(hub_->subscribe_listen_key(id, client, "key-1", combined));
    return client;
  }

  boost::asio::io_context io_;
  std::shared_ptr<session::Session> session_;
  ListenKeys keys_;
  std::unique_ptr<UserDataHub> hub_;
  core::AccountId account_;
  venue::SymbolId btc_;
};

std::vector<std::string> keys_of(const std::string& text) {
  auto document = nlohmann::ordered_json::parse(text);
  std::vector<std::string> out;
  for (auto it = document.begin(); it != document.end(); ++it) out.push_back(it.key());
  return out;
}

TEST_F(UserDataTest, new_order_report_has_binance_fields_in_order_and_an_empty_orig_id) {
  auto events = place(buy(-1000, "rest-1"));
  const auto& update = std::get<venue::OrderUpdate>(events.front());
  auto text = execution_report(venue(), update, 7, 42);
  EXPECT_EQ(keys_of(text),
            (std::vector<std::string>{"e", "E", "s", "c", "S", "o", "f", "q", "p", "P", "F", "g",
                                      "C", "x", "X", "r", "i", "l", "z", "L", "n", "N", "T", "t",
                                      "I", "w", "m", "M", "O", "Z", "Y", "Q", "W", "V"}));
  auto report = json::parse(text);
  EXPECT_EQ(report["e"], "executionReport");
  EXPECT_EQ(report["E"], 42);
  EXPECT_EQ(report["s"], "BTCUSDT");
  EXPECT_EQ(report["c"], "rest-1");
  EXPECT_EQ(report["C"], "");
  EXPECT_EQ(report["x"], "NEW");
  EXPECT_EQ(report["X"], "NEW");
  EXPECT_EQ(report["S"], "BUY");
  EXPECT_EQ(report["o"], "LIMIT");
  EXPECT_EQ(report["f"], "GTC");
  EXPECT_EQ(report["g"], -1);
  EXPECT_EQ(report["t"], -1);
  EXPECT_EQ(report["I"], 7);
  EXPECT_EQ(report["n"], "0");
  EXPECT_TRUE(report["N"].is_null());
  EXPECT_EQ(report["w"], true);
  EXPECT_EQ(report["m"], false);
  EXPECT_EQ(report["T"], start_ms);
  EXPECT_EQ(report["O"], start_ms);
  EXPECT_EQ(report["W"], start_ms);
  EXPECT_EQ(std::stod(report["q"].get<std::string>()), 0.001);
  EXPECT_EQ(std::stod(report["l"].get<std::string>()), 0);
  EXPECT_EQ(report["V"], "NONE");
  EXPECT_FALSE(report.contains("eR"));
}

TEST_F(UserDataTest, fill_report_carries_the_fill_and_its_commission) {
  auto ask = venue().book(btc_).top().ask.price;
  auto reports = this->reports(place(buy(100, "take-1")));
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0]["x"], "NEW");
  const auto& trade = reports[1];
  EXPECT_EQ(trade["x"], "TRADE");
  EXPECT_EQ(trade["X"], "FILLED");
  EXPECT_EQ(trade["c"], "take-1");
  EXPECT_EQ(trade["C"], "");
  EXPECT_EQ(trade["l"], trade["z"]);
  EXPECT_EQ(trade["L"], core::format_decimal(ask.units(), venue().instrument(btc_).price_scale));
  EXPECT_EQ(trade["N"], "BTC");
  EXPECT_GT(std::stod(trade["n"].get<std::string>()), 0);
  EXPECT_GE(trade["t"].get<std::int64_t>(), 1);
  EXPECT_EQ(trade["m"], false);
  EXPECT_EQ(trade["w"], false);
  EXPECT_EQ(trade["Y"], trade["Z"]);
  EXPECT_GT(std::stod(trade["Y"].get<std::string>()), 0);
}

TEST_F(UserDataTest, cancel_report_names_the_cancel_as_c_and_the_original_as_C) {
  place(buy(-1000, "orig-1"));
  auto reports = this->reports(cancel("orig-1", "cancel-1"));
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0]["x"], "CANCELED");
  EXPECT_EQ(reports[0]["X"], "CANCELED");
  EXPECT_EQ(reports[0]["c"], "cancel-1");
  EXPECT_EQ(reports[0]["C"], "orig-1");
  EXPECT_EQ(reports[0]["w"], false);
}

TEST_F(UserDataTest, expired_report_carries_the_expiry_reason) {
  auto reports = this->reports(place(buy(-1000, "ioc-1", book::TimeInForce::ioc)));
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[1]["x"], "EXPIRED");
  EXPECT_EQ(reports[1]["X"], "EXPIRED");
  EXPECT_EQ(reports[1]["c"], "ioc-1");
  EXPECT_EQ(reports[1]["eR"], "UNFILLED_IOC_QUANTITY_EXPIRED");
}

TEST_F(UserDataTest, account_position_lists_the_changed_assets_with_free_and_locked) {
  auto events = place(buy(-1000, "rest-1"));
  const auto& position = std::get<venue::AccountPosition>(events.back());
  auto text = account_position(venue(), position, 42);
  EXPECT_EQ(keys_of(text), (std::vector<std::string>{"e", "E", "u", "B"}));
  auto payload = json::parse(text);
  EXPECT_EQ(payload["e"], "outboundAccountPosition");
  EXPECT_EQ(payload["u"], start_ms);
  ASSERT_EQ(payload["B"].size(), 1u);
  EXPECT_EQ(payload["B"][0]["a"], "USDT");
  auto locked = std::stod(payload["B"][0]["l"].get<std::string>());
  EXPECT_GT(locked, 0);
  EXPECT_DOUBLE_EQ(std::stod(payload["B"][0]["f"].get<std::string>()) + locked, 100000);
}

TEST_F(UserDataTest, balance_update_prints_the_signed_delta) {
  auto events = deposit("250.5", true);
  const auto& delta = std::get<venue::BalanceDelta>(events.front());
  auto payload = json::parse(balance_update(venue(), delta, 42));
  EXPECT_EQ(payload, json({{"e", "balanceUpdate"}, {"E", 42}, {"a", "USDT"},
                           {"d", "-250.50000000"}, {"T", start_ms}}));
  EXPECT_EQ(keys_of(balance_update(venue(), delta, 42)),
            (std::vector<std::string>{"e", "E", "a", "d", "T"}));
}

TEST_F(UserDataTest, stream_events_and_the_ws_api_wrapper) {
  EXPECT_EQ(event_stream_terminated(5), R"({"e":"eventStreamTerminated","E":5})");
  EXPECT_EQ(listen_key_expired("abc", 5), R"({"e":"listenKeyExpired","E":5,"listenKey":"abc"})");
  EXPECT_EQ(ws_api_event(3, R"({"e":"x"})"), R"({"subscriptionId":3,"event":{"e":"x"}})");
}

TEST_F(UserDataTest, ws_api_subscriber_gets_each_event_wrapped_in_the_venue_order) {
  auto client = recorder();
  ASSERT_TRUE(hub_->subscribe(1, client, account_, 0));
  place(buy(100, "take-1"));
  deposit("1");
  std::vector<std::string> types;
  for (std::size_t i = 0; i < client->frames.size(); ++i) {
    auto frame = client->frame(i);
    EXPECT_EQ(frame["subscriptionId"], 0);
    types.push_back(frame["event"]["e"].get<std::string>() +
                    (frame["event"].contains("x") ? ":" + frame["event"]["x"].get<std::string>()
                                                  : ""));
  }
  EXPECT_EQ(types, (std::vector<std::string>{"executionReport:NEW", "executionReport:TRADE",
                                             "outboundAccountPosition", "balanceUpdate",
                                             "outboundAccountPosition"}));
  // Execution ids count up across reports.
  auto execution_id = [&](std::size_t i) { return client->frame(i)["event"]["I"].get<int>(); };
  EXPECT_EQ(execution_id(1), execution_id(0) + 1);
}

TEST_F(UserDataTest, one_subscription_per_account_and_connection) {
  EXPECT_TRUE(hub_->subscribe(1, recorder(), account_, 0));
  EXPECT_FALSE(hub_->subscribe(1, recorder(), account_, 1));
  EXPECT_TRUE(hub_->subscribe(2, recorder(), account_, 0));
  EXPECT_EQ(hub_->subscriptions(1), (std::vector<std::int64_t>{0}));
  EXPECT_TRUE(hub_->subscribed(2, account_));
}

TEST_F(UserDataTest, market_activity_alone_sends_nothing) {
  ASSERT_FALSE(session_->reset().has_value());  // a fresh, moving market
  auto client = recorder();
  hub_->subscribe(1, client, account_, 0);
  session_->clock().advance(2s);
  ASSERT_TRUE(session_->market_data().last_trade(btc_).has_value());  // it did move
  EXPECT_TRUE(client->frames.empty());
}

TEST_F(UserDataTest, unsubscribe_ends_with_event_stream_terminated_then_nothing) {
  auto kept = recorder();
  auto ended = recorder();
  hub_->subscribe(1, kept, account_, 0);
  hub_->subscribe(2, ended, account_, 0);
  EXPECT_EQ(hub_->unsubscribe(2, std::int64_t{5}), 0u);  // no such subscription
  EXPECT_EQ(hub_->unsubscribe(2, std::nullopt), 1u);
  ASSERT_EQ(ended->frames.size(), 1u);
  EXPECT_EQ(ended->frame(0), json::parse(R"({"subscriptionId":0,"event":
      {"e":"eventStreamTerminated","E":1700000000000}})"));
  place(buy(-1000, "rest-1"));
  EXPECT_EQ(ended->frames.size(), 1u);
  EXPECT_EQ(kept->frames.size(), 2u);
  hub_->remove_connection(1);
  place(buy(-1000, "rest-2"));
  EXPECT_EQ(kept->frames.size(), 2u);
  EXPECT_EQ(hub_->size(), 0u);
}

TEST_F(UserDataTest, listen_key_sockets_get_bare_or_combined_payloads) {
  EXPECT_FALSE(hub_->subscribe_listen_key(1, recorder(), "unknown", false));
  auto raw = listen_key_socket(1);
  auto combined = listen_key_socket(2, true);
  place(buy(-1000, "rest-1"));
  ASSERT_EQ(raw->frames.size(), 2u);
  EXPECT_EQ(raw->frame(0)["e"], "executionReport");
  ASSERT_EQ(combined->frames.size(), 2u);
  EXPECT_EQ(combined->frame(0)["stream"], "key-1");
  EXPECT_EQ(combined->frame(0)["data"], raw->frame(0));
  EXPECT_TRUE(hub_->subscriptions(1).empty());  // legacy sockets have no WS API ids
}

TEST_F(UserDataTest, listen_key_expiry_in_scenario_time_sends_listen_key_expired_then_nothing) {
  auto client = listen_key_socket(1);
  session_->clock().advance(59min);
  keys_["key-1"].expires_ms += 3'600'000;  // a keepalive
  session_->clock().advance(2min);
  EXPECT_TRUE(client->frames.empty());
  session_->clock().advance(60min);
  ASSERT_EQ(client->frames.size(), 1u);
  EXPECT_EQ(client->frame(0), json({{"e", "listenKeyExpired"},
                                    {"E", start_ms + 120 * 60'000},
                                    {"listenKey", "key-1"}}));
  place(buy(-1000, "rest-1"));
  EXPECT_EQ(client->frames.size(), 1u);
  EXPECT_EQ(hub_->size(), 0u);
}

TEST_F(UserDataTest, a_deleted_listen_key_expires_at_the_next_event) {
  auto client = listen_key_socket(1);
  keys_.erase("key-1");
  place(buy(-1000, "rest-1"));
  ASSERT_EQ(client->frames.size(), 1u);
  EXPECT_EQ(client->frame(0)["e"], "listenKeyExpired");
}

TEST_F(UserDataTest, reset_and_close_end_every_subscription_silently) {
  auto client = recorder();
  hub_->subscribe(1, client, account_, 0);
  ASSERT_FALSE(session_->reset().has_value());
  EXPECT_EQ(hub_->size(), 0u);
  hub_->subscribe(1, client, account_, 0);
  session_->close();
  EXPECT_EQ(hub_->size(), 0u);
  EXPECT_TRUE(client->frames.empty());
}

}  // namespace
}  // namespace mockex::dialect::binance
