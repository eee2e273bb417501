#include "sdk_test.hpp"

namespace mockex::sdk::testing {
namespace {

using SessionTest = SdkTest;

constexpr const char* kTinyScenario = R"(name: tiny
seed: 1
clock: {mode: stepped}
instruments:
  - symbol: BTCUSDT
    base: BTC
    quote: USDT
    price: {tick: "0.01", min: "0.01", max: "1000000"}
    lot: {step: "0.00001", min: "0.00001", max: "9000"}
accounts:
  - api_key: k1
    secret: s1
    balances: {USDT: "1000"}
)";

bool exists(Client& client, const std::string& id) {
  try {
    client.attach(id);
    return true;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "session_not_found");
    return false;
  }
}

TEST_F(SessionTest, create_applies_the_overrides_and_names_the_urls) {
  auto made = client.create_session(
      {.scenario = "quickstart", .seed = 99, .clock = "stepped", .start_ms = 1700000000000});
  const auto& info = made.created_info();
  EXPECT_EQ(info.scenario, "quickstart");
  EXPECT_EQ(info.seed, 99u);
  EXPECT_EQ(info.clock, "stepped");
  EXPECT_EQ(info.start_ms, 1700000000000);
  EXPECT_FALSE(info.is_default);
  EXPECT_TRUE(made.owned());
  EXPECT_EQ(made.rest_url(), client.url() + "/s/" + made.id());
  EXPECT_EQ(made.ws_url(), "ws://127.0.0.1:" + std::to_string(Daemon::shared().port()) + "/s/" +
                               made.id() + "/ws");
  EXPECT_EQ(made.ws_api_url(), made.ws_url() + "-api/v3");
}

TEST_F(SessionTest, create_from_inline_yaml) {
  auto made = client.create_session({.scenario_yaml = kTinyScenario});
  EXPECT_EQ(made.created_info().scenario, "tiny");
  EXPECT_EQ(made.created_info().clock, "stepped");
  EXPECT_EQ(made.balances().get("k1").back().free, "1000.00000000");
}

TEST_F(SessionTest, accelerated_sessions_take_a_speed) {
  auto made = client.create_session({.scenario = "quickstart", .clock = "accelerated", .speed = 4});
  EXPECT_DOUBLE_EQ(made.info().clock.speed, 4.0);
}

TEST_F(SessionTest, the_handle_deletes_its_session_on_scope_exit) {
  std::string id;
  {
    auto scoped = stepped_session(client);
    id = scoped.id();
    EXPECT_TRUE(exists(client, id));
  }
  EXPECT_FALSE(exists(client, id));
}

TEST_F(SessionTest, moving_the_handle_moves_ownership) {
  auto first = stepped_session(client);
  std::string id = first.id();
  Session second = std::move(first);
  EXPECT_TRUE(first.empty());  // NOLINT(bugprone-use-after-move): the point of the test
  EXPECT_EQ(second.id(), id);
  EXPECT_TRUE(exists(client, id));
}

TEST_F(SessionTest, move_assignment_deletes_the_session_it_replaces) {
  auto target = stepped_session(client);
  std::string replaced = target.id();
  target = stepped_session(client);
  EXPECT_FALSE(exists(client, replaced));
  EXPECT_TRUE(exists(client, target.id()));
}

TEST_F(SessionTest, release_keeps_the_session_alive) {
  std::string id;
  {
    auto released = stepped_session(client);
    id = released.release();
    EXPECT_TRUE(released.empty());
  }
  EXPECT_TRUE(exists(client, id));
  client.attach(id).close();  // not owned: close only empties the handle
  EXPECT_TRUE(exists(client, id));
  client.delete_session(id);
  EXPECT_FALSE(exists(client, id));
}

TEST_F(SessionTest, close_deletes_now_and_empties_the_handle) {
  std::string id = session.id();
  session.close();
  EXPECT_TRUE(session.empty());
  EXPECT_FALSE(exists(client, id));
  EXPECT_THROW(session.id(), std::logic_error);
  EXPECT_THROW(session.info(), std::logic_error);
}

TEST_F(SessionTest, info_has_the_live_state) {
  session.clock().advance("2s");
  auto detail = session.info();
  EXPECT_EQ(detail.info.id, session.id());
  EXPECT_EQ(detail.clock.mode, "stepped");
  EXPECT_EQ(detail.clock.now_ms, session.created_info().start_ms + 2000);
  EXPECT_FALSE(detail.finished);
  EXPECT_TRUE(detail.open_fault_windows.empty());
  EXPECT_GE(detail.journal.entries, 2u);
  EXPECT_EQ(detail.journal.last_seq, detail.journal.entries);
}

TEST_F(SessionTest, reset_goes_back_to_the_start_and_keeps_the_journal) {
  // quickstart starts "now": a fixed start makes "the start" the same instant after the reset.
  session = client.create_session({.scenario = "quickstart", .clock = "stepped", .start_ms = 1700000000000});
  session.clock().advance("10s");
  session.faults().add(faults::hang("GET /api/v3/ping"));
  auto before = session.info().journal.entries;
  auto detail = session.reset();
  EXPECT_EQ(detail.info.id, session.id());
  EXPECT_EQ(detail.clock.now_ms, 1700000000000);
  EXPECT_GT(detail.journal.entries, before);
  EXPECT_TRUE(session.faults().list().empty());
}

}  // namespace
}  // namespace mockex::sdk::testing
