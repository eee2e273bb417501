#include "sdk_test.hpp"

namespace mockex::sdk::testing {
namespace {

using ClockTest = SdkTest;
using namespace std::chrono_literals;

TEST_F(ClockTest, get_reads_the_stepped_clock_at_its_start) {
  auto clock = session.clock().get();
  EXPECT_EQ(clock.mode, "stepped");
  EXPECT_EQ(clock.now_ms, session.created_info().start_ms);
  EXPECT_FALSE(clock.paused);
}

TEST_F(ClockTest, advance_takes_text_or_chrono_and_runs_what_falls_due) {
  auto start = session.created_info().start_ms;
  auto clock = session.clock().advance("5s");
  EXPECT_EQ(clock.now_ms, start + 5000);
  EXPECT_GT(clock.ran, 0u);  // the market re-quotes every 100 ms
  EXPECT_EQ(session.clock().advance(250ms).now_ms, start + 5250);
}

TEST_F(ClockTest, pause_and_resume) {
  EXPECT_TRUE(session.clock().pause().paused);
  EXPECT_TRUE(session.clock().get().paused);
  EXPECT_FALSE(session.clock().resume().paused);
}

TEST_F(ClockTest, set_speed_on_an_accelerated_clock) {
  auto fast = client.create_session({.scenario = "quickstart", .clock = "accelerated"});
  auto clock = fast.clock().set_speed(10);
  EXPECT_EQ(clock.mode, "accelerated");
  EXPECT_DOUBLE_EQ(clock.speed, 10.0);
}

}  // namespace
}  // namespace mockex::sdk::testing
