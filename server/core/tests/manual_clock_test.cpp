#include "mockex/core/manual_clock.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace mockex::core {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

Timestamp at_ms(std::int64_t ms) { return Timestamp::from_millis(ms); }

TEST(ManualClock, starts_at_given_time_and_moves_only_when_advanced) {
  ManualClock clock{at_ms(1'000)};
  EXPECT_EQ(clock.now(), at_ms(1'000));
  clock.advance_by(milliseconds{250});
  EXPECT_EQ(clock.now(), at_ms(1'250));
  clock.advance_to(at_ms(2'000));
  EXPECT_EQ(clock.now(), at_ms(2'000));
}

TEST(ManualClock, never_moves_backwards) {
  ManualClock clock{at_ms(5'000)};
  clock.advance_to(at_ms(1'000));
  EXPECT_EQ(clock.now(), at_ms(5'000));
}

TEST(ManualClock, runs_due_callbacks_in_time_order_with_now_at_due_time) {
  ManualClock clock;
  std::vector<std::string> log;
  auto record = [&](std::string name) {
    return
        [&log, &clock, name] { log.push_back(name + "@" + std::to_string(clock.now().millis())); };
  };
  ASSERT_TRUE(clock.schedule_at(at_ms(30), record("c")));
  ASSERT_TRUE(clock.schedule_at(at_ms(10), record("a")));
  ASSERT_TRUE(clock.schedule_at(at_ms(20), record("b")));
  ASSERT_TRUE(clock.schedule_at(at_ms(40), record("d")));

  EXPECT_EQ(clock.advance_to(at_ms(35)), 3U);
  EXPECT_EQ(log, (std::vector<std::string>{"a@10", "b@20", "c@30"}));
  EXPECT_EQ(clock.now(), at_ms(35));
  EXPECT_EQ(clock.pending(), 1U);
  EXPECT_EQ(clock.next_due(), at_ms(40));
}

TEST(ManualClock, ties_run_in_insertion_order) {
  ManualClock clock;
  std::vector<int> order;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(clock.schedule_at(at_ms(10), [&order, i] { order.push_back(i); }));
  }
  clock.advance_by(milliseconds{10});
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(ManualClock, cancelled_timer_never_runs) {
  ManualClock clock;
  int runs = 0;
  auto id = clock.schedule_at(at_ms(10), [&] { ++runs; });
  ASSERT_TRUE(id);
  EXPECT_TRUE(clock.cancel(*id));
  EXPECT_FALSE(clock.cancel(*id));
  clock.advance_by(milliseconds{100});
  EXPECT_EQ(runs, 0);
  EXPECT_FALSE(clock.cancel(TimerId{999}));
}

TEST(ManualClock, callback_may_schedule_followups_that_run_in_the_same_advance) {
  ManualClock clock;
  std::vector<std::int64_t> fired;
  std::function<void()> tick = [&] {
    fired.push_back(clock.now().millis());
    if (fired.size() < 5) {
      ASSERT_TRUE(clock.schedule_at(clock.now() + milliseconds{10}, tick));
    }
  };
  ASSERT_TRUE(clock.schedule_at(at_ms(10), tick));
  clock.advance_to(at_ms(35));
  EXPECT_EQ(fired, (std::vector<std::int64_t>{10, 20, 30}));
  clock.advance_to(at_ms(100));
  EXPECT_EQ(fired, (std::vector<std::int64_t>{10, 20, 30, 40, 50}));
}

TEST(ManualClock, callback_may_cancel_a_later_timer) {
  ManualClock clock;
  bool later_ran = false;
  auto later = clock.schedule_at(at_ms(20), [&] { later_ran = true; });
  ASSERT_TRUE(later);
  ASSERT_TRUE(clock.schedule_at(at_ms(10), [&] { EXPECT_TRUE(clock.cancel(*later)); }));
  clock.advance_to(at_ms(30));
  EXPECT_FALSE(later_ran);
}

TEST(ManualClock, timer_in_the_past_runs_on_next_advance_without_moving_time_back) {
  ManualClock clock{at_ms(100)};
  std::int64_t seen = -1;
  ASSERT_TRUE(clock.schedule_at(at_ms(50), [&] { seen = clock.now().millis(); }));
  clock.advance_by(microseconds{0});
  EXPECT_EQ(seen, 100);
}

TEST(ManualClock, full_queue_rejects_without_scheduling) {
  ManualClock clock{Timestamp{}, 2};
  ASSERT_TRUE(clock.schedule_at(at_ms(1), [] {}));
  ASSERT_TRUE(clock.schedule_at(at_ms(2), [] {}));
  auto third = clock.schedule_at(at_ms(3), [] {});
  EXPECT_EQ(third.error(), ErrorCode::scheduler_full);
  EXPECT_EQ(clock.pending(), 2U);
}

}  // namespace
}  // namespace mockex::core
