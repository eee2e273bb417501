#include <mockex/session/session_clock.hpp>

#include <boost/asio/io_context.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace mockex::session {
namespace {

using namespace std::chrono_literals;

const core::Timestamp start = core::Timestamp::from_millis(1'700'000'000'000);

// At a million scenario seconds a wall second, scenario seconds pass in microseconds.
constexpr double fast = 1e6;

TEST(SessionClock, an_earlier_event_scheduled_after_a_later_one_runs_first) {
  boost::asio::io_context io;
  SessionClock clock(io.get_executor(), ClockMode::accelerated, fast, start);
  std::vector<std::string> ran;
  ASSERT_TRUE(clock.schedule_at(start + 2000s, [&] { ran.push_back("late"); }));
  ASSERT_TRUE(clock.schedule_at(start + 20s, [&] { ran.push_back("early"); }));
  io.run();  // returns once nothing is left to wait for
  EXPECT_EQ(ran, (std::vector<std::string>{"early", "late"}));
  EXPECT_GE(clock.now(), start + 2000s);
  EXPECT_EQ(clock.pending(), 0u);
}

TEST(SessionClock, a_later_event_runs_after_the_wait_armed_for_an_earlier_one) {
  boost::asio::io_context io;
  SessionClock clock(io.get_executor(), ClockMode::accelerated, fast, start);
  std::vector<std::string> ran;
  ASSERT_TRUE(clock.schedule_at(start + 20s, [&] {
    ran.push_back("first");
    // Scheduled from a callback: armed when the callbacks are done.
    ASSERT_TRUE(clock.schedule_at(start + 3000s, [&] { ran.push_back("third"); }));
  }));
  ASSERT_TRUE(clock.schedule_at(start + 1000s, [&] { ran.push_back("second"); }));
  io.run();
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "second", "third"}));
}

TEST(SessionClock, catching_up_before_every_request_neither_loses_nor_repeats_an_event) {
  boost::asio::io_context io;
  SessionClock clock(io.get_executor(), ClockMode::accelerated, 1000, start);
  int ran = 0;
  ASSERT_TRUE(clock.schedule_at(start + 100s, [&] { ++ran; }));  // 100 ms of wall time
  for (int request = 0; request < 1000; ++request) clock.catch_up();
  io.run();
  EXPECT_EQ(ran, 1);
  EXPECT_GE(clock.now(), start + 100s);
}

TEST(SessionClock, pausing_cancels_the_wait_and_advance_still_runs_what_falls_due) {
  boost::asio::io_context io;
  SessionClock clock(io.get_executor(), ClockMode::realtime, 1.0, start);
  int ran = 0;
  ASSERT_TRUE(clock.schedule_at(start + 3600s, [&] { ++ran; }));
  clock.pause();
  io.poll();
  EXPECT_TRUE(io.stopped()) << "a paused clock leaves no wait in flight";
  EXPECT_EQ(ran, 0);
  clock.advance(3600s);
  EXPECT_EQ(ran, 1);
}

TEST(SessionClock, a_resumed_clock_waits_again_and_a_stopped_one_does_not) {
  boost::asio::io_context io;
  SessionClock clock(io.get_executor(), ClockMode::realtime, 1.0, start);
  ASSERT_TRUE(clock.schedule_at(start + 3600s, [] {}));
  clock.pause();
  clock.resume();
  io.poll();
  EXPECT_FALSE(io.stopped()) << "the resumed clock waits for its event";
  clock.stop();
  io.poll();
  EXPECT_TRUE(io.stopped()) << "a stopped clock leaves no wait in flight";
  EXPECT_EQ(clock.pending(), 1u);
}

TEST(SessionClock, a_stepped_clock_never_arms_a_wait) {
  boost::asio::io_context io;
  SessionClock clock(io.get_executor(), ClockMode::stepped, 1.0, start);
  int ran = 0;
  ASSERT_TRUE(clock.schedule_at(start + 1s, [&] { ++ran; }));
  clock.catch_up();
  io.poll();
  EXPECT_TRUE(io.stopped());
  EXPECT_EQ(ran, 0);
  clock.advance(1s);
  EXPECT_EQ(ran, 1);
}

}  // namespace
}  // namespace mockex::session
