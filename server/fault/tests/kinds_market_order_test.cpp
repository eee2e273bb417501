// The market-data and order kinds: parameter validation and the effects they decide.
#include <gtest/gtest.h>

#include "mockex/fault/behavior.hpp"
#include "support.hpp"

namespace mockex::fault {
namespace {

using std::chrono::milliseconds;
using test::compile_error;
using test::must_compile;

template <class E>
E decide_as(Kind kind, const Params& params) {
  auto behavior = must_compile(kind, params);
  if (!behavior) return E{};
  core::Rng rng(1);
  const Effect effect = behavior->decide(test::order_point("BTCUSDT", "k"), rng);
  EXPECT_TRUE(std::holds_alternative<E>(effect)) << to_string(kind);
  return std::holds_alternative<E>(effect) ? std::get<E>(effect) : E{};
}

TEST(DepthGap, skips_at_least_one_update_id_and_only_on_depth_updates) {
  EXPECT_EQ(decide_as<DepthGap>(Kind::depth_gap, {}).skip, 1U);
  EXPECT_EQ(decide_as<DepthGap>(Kind::depth_gap, {{"skip", "5"}}).skip, 5U);
  EXPECT_EQ(compile_error(Kind::depth_gap, {{"skip", "0"}}).field, "params.skip");
  auto behavior = must_compile(Kind::depth_gap, {});
  ASSERT_NE(behavior, nullptr);
  EXPECT_TRUE(behavior->accepts(test::ws_point("btcusdt@depth@100ms", "depthUpdate")));
  EXPECT_FALSE(behavior->accepts(test::ws_point("btcusdt@depth5", "partialDepth")));
  EXPECT_FALSE(behavior->accepts(test::ws_point("btcusdt@trade", "trade")));
}

TEST(Stale, takes_no_parameters) {
  decide_as<Stale>(Kind::stale, {});
  EXPECT_EQ(compile_error(Kind::stale, {{"ms", "5"}}).field, "params.ms");
}

TEST(Lag, needs_ms) {
  EXPECT_EQ(decide_as<Lag>(Kind::lag, {{"ms", "1500"}}).lag, milliseconds{1500});
  EXPECT_EQ(to_string(compile_error(Kind::lag, {})), "params.ms: required");
  EXPECT_EQ(compile_error(Kind::lag, {{"ms", "-5"}}).field, "params.ms");
}

TEST(ClockSkew, may_be_negative) {
  EXPECT_EQ(decide_as<ClockSkew>(Kind::clock_skew, {{"ms", "-1500"}}).offset, milliseconds{-1500});
  EXPECT_EQ(decide_as<ClockSkew>(Kind::clock_skew, {{"ms", "2000"}}).offset, milliseconds{2000});
  EXPECT_EQ(compile_error(Kind::clock_skew, {}).field, "params.ms");
  EXPECT_EQ(compile_error(Kind::clock_skew, {{"ms", "1s"}}).field, "params.ms");
  EXPECT_EQ(compile_error(Kind::clock_skew, {{"ms", "99999999999999"}}).field, "params.ms");
}

TEST(OrderReject, defaults_to_a_rejected_new_order) {
  const auto defaults = decide_as<OrderReject>(Kind::order_reject, {});
  EXPECT_EQ(defaults.code, -2010);
  EXPECT_EQ(defaults.msg, std::nullopt);
  EXPECT_EQ(defaults.status, 400);
  const auto busy = decide_as<OrderReject>(
      Kind::order_reject, {{"code", "-1008"}, {"msg", "Server is currently overloaded"},
                           {"status", "503"}});
  EXPECT_EQ(busy.code, -1008);
  EXPECT_EQ(busy.msg, "Server is currently overloaded");
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(compile_error(Kind::order_reject, {{"status", "200"}}).field, "params.status");
  EXPECT_EQ(compile_error(Kind::order_reject, {{"code", "-20.5"}}).field, "params.code");
}

TEST(FillDelay, delays_matching_or_only_the_report) {
  const auto matching = decide_as<FillDelay>(Kind::fill_delay, {{"ms", "250"}});
  EXPECT_EQ(matching.delay, milliseconds{250});
  EXPECT_FALSE(matching.report_only);
  EXPECT_TRUE(
      decide_as<FillDelay>(Kind::fill_delay, {{"ms", "250"}, {"what", "report"}}).report_only);
  EXPECT_EQ(compile_error(Kind::fill_delay, {}).field, "params.ms");
  EXPECT_EQ(compile_error(Kind::fill_delay, {{"ms", "1"}, {"what", "fill"}}).field, "params.what");
}

TEST(PartialFill, ratio_is_strictly_between_zero_and_one_and_keeps_its_text) {
  const auto half = decide_as<PartialFill>(Kind::partial_fill, {});
  EXPECT_EQ(half.ratio, 0.5);
  EXPECT_EQ(half.ratio_text, "0.5");
  const auto quarter = decide_as<PartialFill>(Kind::partial_fill, {{"ratio", "0.25"}});
  EXPECT_EQ(quarter.ratio, 0.25);
  EXPECT_EQ(quarter.ratio_text, "0.25");
  for (const char* bad : {"0", "1", "1.5", "-0.1", "half"}) {
    EXPECT_EQ(compile_error(Kind::partial_fill, {{"ratio", bad}}).field, "params.ratio") << bad;
  }
}

TEST(AckLost, modes_default_to_error) {
  EXPECT_EQ(decide_as<AckLost>(Kind::ack_lost, {}).mode, AckLostMode::error);
  EXPECT_EQ(decide_as<AckLost>(Kind::ack_lost, {{"mode", "drop"}}).mode, AckLostMode::drop);
  EXPECT_EQ(decide_as<AckLost>(Kind::ack_lost, {{"mode", "hang"}}).mode, AckLostMode::hang);
  EXPECT_EQ(compile_error(Kind::ack_lost, {{"mode", "lost"}}).field, "params.mode");
}

TEST(CancelUnknown, takes_no_parameters) {
  decide_as<CancelUnknown>(Kind::cancel_unknown, {});
  EXPECT_EQ(compile_error(Kind::cancel_unknown, {{"code", "-2011"}}).field, "params.code");
}

TEST(DuplicateReport, duplicates_execution_reports_only) {
  decide_as<Duplicate>(Kind::duplicate_report, {});
  auto behavior = must_compile(Kind::duplicate_report, {});
  ASSERT_NE(behavior, nullptr);
  EXPECT_TRUE(behavior->accepts(test::ws_point("executionReport", "executionReport.TRADE")));
  EXPECT_TRUE(behavior->accepts(test::ws_point("", "executionReport.NEW")));
  EXPECT_FALSE(
      behavior->accepts(test::ws_point("outboundAccountPosition", "outboundAccountPosition")));
  EXPECT_FALSE(behavior->accepts(test::ws_point("btcusdt@trade", "trade")));
}

}  // namespace
}  // namespace mockex::fault
