#include "sdk_test.hpp"

namespace mockex::sdk::testing {
namespace {

using FaultsTest = SdkTest;
using namespace std::chrono_literals;

TEST_F(FaultsTest, add_answers_the_status) {
  auto status = session.faults().add(faults::latency("POST /api/v3/order", 800ms).named("slow").lasting("10s"));
  EXPECT_EQ(status.rule.name, "slow");
  EXPECT_EQ(status.rule.kind, "latency");
  EXPECT_EQ(status.rule.params, (nlohmann::json{{"ms", 800}}));
  EXPECT_EQ(status.rule.match.http, "POST /api/v3/order");
  EXPECT_EQ(status.rule.duration, Duration("10s"));
  EXPECT_EQ(status.rule.probability, 1.0);
  EXPECT_EQ(status.state, "active");
  EXPECT_EQ(status.window_start_ms, session.created_info().start_ms);
  EXPECT_EQ(status.window_end_ms, session.created_info().start_ms + 10'000);
  EXPECT_EQ(status.matched, 0u);
  EXPECT_EQ(status.fired, 0u);
  EXPECT_EQ(status.raw.at("state"), "active");
}

TEST_F(FaultsTest, a_nameless_rule_is_named_after_its_kind) {
  EXPECT_EQ(session.faults().add(faults::stale("BTCUSDT")).rule.name, "stale-1");
}

TEST_F(FaultsTest, the_daemon_takes_every_builder) {
  std::vector<FaultRule> rules = {
      faults::latency("GET /api/v3/time", 1ms, 1ms), faults::http_error(503),
      faults::hang("GET /x"), faults::reset("GET /y"), faults::ws_drop("*@depth*", 0.2),
      faults::ws_delay("*@trade", 10ms), faults::ws_disconnect("*@kline*", 4000, true),
      faults::depth_gap("*@depth*"), faults::stale("ETHUSDT"), faults::clock_skew(-500ms),
      faults::order_reject(), faults::ack_lost("x-*", "hang"),
      faults::rule("ws_duplicate").named("dup")};
  for (const auto& rule : rules) {
    auto status = session.faults().add(rule);
    EXPECT_EQ(status.rule.kind, rule.kind);
    EXPECT_EQ(status.rule.match, rule.match) << rule.kind;
  }
  EXPECT_EQ(session.faults().list().size(), rules.size());
}

TEST_F(FaultsTest, a_triggered_rule_waits_armed) {
  auto status = session.faults().add(faults::http_error(503).lasting("2s").when(
      {.on = "order", .count = 3, .scope = "all"}));
  EXPECT_EQ(status.state, "armed");
  ASSERT_TRUE(status.rule.trigger);
  EXPECT_EQ(status.rule.trigger->on, "order");
  EXPECT_EQ(status.rule.trigger->count, 3u);
  EXPECT_EQ(status.rule.trigger->scope, "all");
  EXPECT_FALSE(status.window_start_ms);
}

TEST_F(FaultsTest, list_is_in_the_order_added) {
  session.faults().add(faults::hang("GET /a").named("a"));
  session.faults().add(faults::hang("GET /b").named("b"));
  auto list = session.faults().list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].rule.name, "a");
  EXPECT_EQ(list[1].rule.name, "b");
}

TEST_F(FaultsTest, get_pause_resume) {
  session.faults().add(faults::hang("GET /a").named("a"));
  EXPECT_EQ(session.faults().get("a").state, "active");
  EXPECT_EQ(session.faults().pause("a").state, "paused");
  EXPECT_EQ(session.faults().get("a").state, "paused");
  EXPECT_EQ(session.faults().resume("a").state, "active");
}

TEST_F(FaultsTest, remove_and_clear) {
  session.faults().add(faults::hang("GET /a").named("a"));
  session.faults().add(faults::hang("GET /b").named("b"));
  session.faults().add(faults::hang("GET /c").named("c"));
  session.faults().remove("b");
  EXPECT_EQ(session.faults().list().size(), 2u);
  session.faults().clear();
  EXPECT_TRUE(session.faults().list().empty());
}

TEST_F(FaultsTest, the_views_outlive_a_moved_session_handle) {
  auto faults_view = session.faults();
  Session moved = std::move(session);
  faults_view.add(faults::hang("GET /a").named("a"));
  EXPECT_EQ(moved.faults().list().size(), 1u);
}

}  // namespace
}  // namespace mockex::sdk::testing
