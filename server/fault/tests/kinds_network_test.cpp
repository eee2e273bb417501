// The HTTP and WebSocket kinds: parameter validation (good and bad) and the effects they decide.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "mockex/fault/behavior.hpp"
#include "support.hpp"

namespace mockex::fault {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using test::compile_error;
using test::http_point;
using test::must_compile;

const Point kRequest = http_point("GET", "/api/v3/depth");
const Point kMessage = test::ws_point("btcusdt@trade", "trade");

template <class E>
E decide_as(Kind kind, const Params& params, const Point& point = kRequest) {
  auto behavior = must_compile(kind, params);
  if (!behavior) return E{};
  core::Rng rng(1);
  const Effect effect = behavior->decide(point, rng);
  EXPECT_TRUE(std::holds_alternative<E>(effect)) << to_string(kind);
  return std::holds_alternative<E>(effect) ? std::get<E>(effect) : E{};
}

TEST(Kinds, every_kind_acts_at_its_documented_stages) {
  const StageSet http{Stage::http_request};
  const StageSet request{Stage::http_request, Stage::ws_api_request};
  const StageSet http_or_ws{Stage::http_request, Stage::ws_out};
  const StageSet ws_out{Stage::ws_out};
  const std::pair<Kind, StageSet> expected[] = {
      {Kind::latency, request},
      {Kind::http_error, request},
      {Kind::hang, request},
      {Kind::reset, http},
      {Kind::close_after_headers, http},
      {Kind::truncate, http_or_ws},
      {Kind::malformed, http_or_ws},
      {Kind::slow_body, http},
      {Kind::ws_refuse, StageSet{Stage::ws_upgrade}},
      {Kind::ws_disconnect, ws_out},
      {Kind::ws_no_pong, ws_out},
      {Kind::ws_drop, ws_out},
      {Kind::ws_delay, ws_out},
      {Kind::ws_duplicate, ws_out},
      {Kind::ws_reorder, ws_out},
      {Kind::ws_corrupt, ws_out},
      {Kind::depth_gap, ws_out},
      {Kind::stale, StageSet{Stage::market_data}},
      {Kind::lag, ws_out},
      {Kind::clock_skew, StageSet{Stage::time}},
      {Kind::order_reject, StageSet{Stage::order_new}},
      {Kind::fill_delay, StageSet{Stage::order_new}},
      {Kind::partial_fill, StageSet{Stage::order_new}},
      {Kind::ack_lost, StageSet{Stage::order_new}},
      {Kind::cancel_unknown, StageSet{Stage::order_cancel}},
      {Kind::duplicate_report, ws_out},
  };
  ASSERT_EQ(std::size(expected), kKindCount);
  for (const auto& [kind, stages] : expected) {
    Params params;
    if (kind == Kind::latency || kind == Kind::slow_body || kind == Kind::ws_delay ||
        kind == Kind::lag || kind == Kind::clock_skew || kind == Kind::fill_delay) {
      params.push_back(Param{"ms", "10"});
    }
    auto behavior = must_compile(kind, params);
    ASSERT_NE(behavior, nullptr) << to_string(kind);
    EXPECT_EQ(behavior->stages(), stages) << to_string(kind);
  }
}

TEST(Kinds, names_round_trip_and_unknown_names_are_rejected) {
  for (Kind kind : all_kinds()) EXPECT_EQ(parse_kind(to_string(kind)), kind);
  EXPECT_EQ(to_string(Kind::duplicate_report), "duplicate_report");
  EXPECT_EQ(parse_kind("Latency"), std::nullopt);
  EXPECT_EQ(parse_kind(""), std::nullopt);
}

TEST(Kinds, unknown_and_repeated_parameters_are_errors) {
  const Error unknown = compile_error(Kind::latency, {{"ms", "1"}, {"jiter_ms", "5"}});
  EXPECT_EQ(unknown.field, "params.jiter_ms");
  EXPECT_NE(unknown.message.find("jitter_ms"), std::string::npos);  // lists what is known
  EXPECT_EQ(compile_error(Kind::hang, {{"ms", "1"}}).field, "params.ms");
  EXPECT_EQ(compile_error(Kind::ws_drop, {{"p", "0.5"}}).field, "params.p");
  const Error repeated = compile_error(Kind::latency, {{"ms", "1"}, {"ms", "2"}});
  EXPECT_EQ(repeated.field, "params.ms");
  EXPECT_EQ(repeated.message, "given more than once");
}

TEST(Latency, validates_its_parameters) {
  EXPECT_EQ(to_string(compile_error(Kind::latency, {})), "params.ms: required");
  EXPECT_EQ(to_string(compile_error(Kind::latency, {{"ms", "-1"}})),
            "params.ms: must be a whole number of milliseconds >= 0");
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "1.5"}}).field, "params.ms");
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "abc"}}).field, "params.ms");
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "1"}, {"jitter_ms", "-2"}}).field,
            "params.jitter_ms");
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "1"}, {"distribution", "normal"}}).field,
            "params.distribution");
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "1"}, {"sigma", "0.3"}}).field, "params.sigma");
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "1"}, {"distribution", "lognormal"},
                                          {"sigma", "0"}}).field,
            "params.sigma");
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "0"}}), Error{});
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "200.0"}}), Error{});  // a JSON float spelling
  EXPECT_EQ(compile_error(Kind::latency, {{"ms", "1"}, {"distribution", "lognormal"},
                                          {"sigma", "1.2"}}),
            Error{});
}

TEST(Latency, fixed_delay_without_jitter) {
  EXPECT_EQ(decide_as<Delay>(Kind::latency, {{"ms", "200"}}).delay, milliseconds{200});
}

TEST(Latency, uniform_jitter_stays_within_ms_and_ms_plus_jitter) {
  auto behavior = must_compile(Kind::latency, {{"ms", "100"}, {"jitter_ms", "50"}});
  ASSERT_NE(behavior, nullptr);
  core::Rng rng(77);
  microseconds low = microseconds::max();
  microseconds high = microseconds::min();
  for (int i = 0; i < 2000; ++i) {
    const auto delay = std::get<Delay>(behavior->decide(kRequest, rng)).delay;
    low = std::min(low, delay);
    high = std::max(high, delay);
  }
  EXPECT_GE(low, milliseconds{100});
  EXPECT_LE(high, milliseconds{150});
  EXPECT_LT(low, milliseconds{101});   // spread over the whole range
  EXPECT_GT(high, milliseconds{149});
}

TEST(Latency, lognormal_has_a_tail_capped_at_twenty_jitters) {
  auto behavior = must_compile(
      Kind::latency,
      {{"ms", "10"}, {"jitter_ms", "5"}, {"distribution", "lognormal"}, {"sigma", "3"}});
  ASSERT_NE(behavior, nullptr);
  core::Rng rng(3);
  const microseconds cap = milliseconds{10 + 20 * 5};
  int at_cap = 0;
  int below_one_jitter = 0;
  for (int i = 0; i < 2000; ++i) {
    const auto delay = std::get<Delay>(behavior->decide(kRequest, rng)).delay;
    ASSERT_GE(delay, milliseconds{10});
    ASSERT_LE(delay, cap);
    at_cap += delay == cap ? 1 : 0;
    below_one_jitter += delay < milliseconds{15} ? 1 : 0;
  }
  EXPECT_GT(at_cap, 0);             // sigma 3 reaches the cap
  EXPECT_GT(below_one_jitter, 0);   // and the median is ms + jitter_ms
}

TEST(Latency, lognormal_default_sigma_is_deterministic_for_a_seed) {
  auto behavior = must_compile(
      Kind::latency, {{"ms", "10"}, {"jitter_ms", "5"}, {"distribution", "lognormal"}});
  ASSERT_NE(behavior, nullptr);
  core::Rng rng(11);
  core::Rng same(11);
  const auto delay = std::get<Delay>(behavior->decide(kRequest, rng)).delay;
  const double extra = std::min(5000.0 * same.lognormal(0.0, 0.5), 100000.0);
  EXPECT_EQ(delay, microseconds{10'000 + std::llround(extra)});
}

TEST(HttpError, defaults_and_retry_after_for_rate_limits) {
  const auto plain = decide_as<ErrorReply>(Kind::http_error, {});
  EXPECT_EQ(plain.status, 503);
  EXPECT_EQ(plain.code, std::nullopt);
  EXPECT_EQ(plain.msg, std::nullopt);
  EXPECT_EQ(plain.retry_after_s, std::nullopt);
  EXPECT_EQ(decide_as<ErrorReply>(Kind::http_error, {{"status", "429"}}).retry_after_s, 60);
  EXPECT_EQ(decide_as<ErrorReply>(Kind::http_error, {{"status", "418"}}).retry_after_s, 60);
  EXPECT_EQ(decide_as<ErrorReply>(Kind::http_error, {{"status", "500"}}).retry_after_s,
            std::nullopt);

  const auto custom = decide_as<ErrorReply>(
      Kind::http_error,
      {{"status", "429"}, {"code", "-1003"}, {"msg", "Too many requests."}, {"retry_after", "5"}});
  EXPECT_EQ(custom.status, 429);
  EXPECT_EQ(custom.code, -1003);
  EXPECT_EQ(custom.msg, "Too many requests.");
  EXPECT_EQ(custom.retry_after_s, 5);
}

TEST(HttpError, rejects_other_statuses_and_bad_numbers) {
  EXPECT_EQ(compile_error(Kind::http_error, {{"status", "404"}}).field, "params.status");
  EXPECT_EQ(compile_error(Kind::http_error, {{"status", "abc"}}).field, "params.status");
  EXPECT_EQ(compile_error(Kind::http_error, {{"code", "x"}}).field, "params.code");
  EXPECT_EQ(compile_error(Kind::http_error, {{"retry_after", "-1"}}).field, "params.retry_after");
  for (const char* status : {"418", "429", "500", "502", "503", "504"}) {
    EXPECT_EQ(compile_error(Kind::http_error, {{"status", status}}), Error{}) << status;
  }
}

TEST(ConnectionKinds, hang_reset_close_after_headers_and_malformed_take_no_parameters) {
  decide_as<Hang>(Kind::hang, {});
  decide_as<Reset>(Kind::reset, {});
  decide_as<CloseAfterHeaders>(Kind::close_after_headers, {});
  decide_as<Malformed>(Kind::malformed, {});
  EXPECT_EQ(compile_error(Kind::reset, {{"after", "1"}}).field, "params.after");
}

TEST(Truncate, keeps_half_by_default_or_the_given_bytes) {
  EXPECT_EQ(decide_as<Truncate>(Kind::truncate, {}).keep_bytes, std::nullopt);
  EXPECT_EQ(decide_as<Truncate>(Kind::truncate, {{"bytes", "10"}}).keep_bytes, 10U);
  EXPECT_EQ(decide_as<Truncate>(Kind::truncate, {{"bytes", "0"}}).keep_bytes, 0U);
  EXPECT_EQ(compile_error(Kind::truncate, {{"bytes", "-1"}}).field, "params.bytes");
}

TEST(SlowBody, needs_a_positive_total_time) {
  const auto slow = decide_as<SlowBody>(Kind::slow_body, {{"ms", "2000"}, {"chunk_bytes", "16"}});
  EXPECT_EQ(slow.total, milliseconds{2000});
  EXPECT_EQ(slow.chunk_bytes, 16U);
  EXPECT_EQ(decide_as<SlowBody>(Kind::slow_body, {{"ms", "5"}}).chunk_bytes, 1U);
  EXPECT_EQ(to_string(compile_error(Kind::slow_body, {{"ms", "0"}})),
            "params.ms: must be a whole number of milliseconds > 0");
  EXPECT_EQ(compile_error(Kind::slow_body, {}).field, "params.ms");
  EXPECT_EQ(compile_error(Kind::slow_body, {{"ms", "5"}, {"chunk_bytes", "0"}}).field,
            "params.chunk_bytes");
}

TEST(WsRefuse, refuses_with_an_error_status) {
  EXPECT_EQ(decide_as<WsRefuse>(Kind::ws_refuse, {}).status, 503);
  EXPECT_EQ(decide_as<WsRefuse>(Kind::ws_refuse, {{"status", "429"}}).status, 429);
  EXPECT_EQ(compile_error(Kind::ws_refuse, {{"status", "200"}}).field, "params.status");
}

TEST(WsDisconnect, accepts_only_sendable_close_codes) {
  const auto defaults = decide_as<WsDisconnect>(Kind::ws_disconnect, {}, kMessage);
  EXPECT_EQ(defaults.code, 1001);
  EXPECT_FALSE(defaults.abrupt);
  const auto abrupt = decide_as<WsDisconnect>(Kind::ws_disconnect,
                                              {{"code", "4000"}, {"abrupt", "true"}}, kMessage);
  EXPECT_EQ(abrupt.code, 4000);
  EXPECT_TRUE(abrupt.abrupt);
  for (const char* bad : {"999", "1004", "1005", "1006", "1015", "5000", "x"}) {
    EXPECT_EQ(compile_error(Kind::ws_disconnect, {{"code", bad}}).field, "params.code") << bad;
  }
  for (const char* good : {"1000", "1003", "1007", "1014", "1016", "4999"}) {
    EXPECT_EQ(compile_error(Kind::ws_disconnect, {{"code", good}}), Error{}) << good;
  }
  EXPECT_EQ(compile_error(Kind::ws_disconnect, {{"abrupt", "yes"}}).field, "params.abrupt");
}

TEST(WsMessageKinds, drop_duplicate_reorder_and_no_pong) {
  decide_as<Drop>(Kind::ws_drop, {}, kMessage);
  decide_as<Duplicate>(Kind::ws_duplicate, {}, kMessage);
  decide_as<Reorder>(Kind::ws_reorder, {}, kMessage);
  decide_as<WsNoPong>(Kind::ws_no_pong, {}, kMessage);
}

TEST(WsDelay, delays_by_ms_plus_uniform_jitter) {
  EXPECT_EQ(decide_as<Delay>(Kind::ws_delay, {{"ms", "30"}}, kMessage).delay, milliseconds{30});
  auto behavior = must_compile(Kind::ws_delay, {{"ms", "30"}, {"jitter_ms", "10"}});
  ASSERT_NE(behavior, nullptr);
  core::Rng rng(5);
  for (int i = 0; i < 500; ++i) {
    const auto delay = std::get<Delay>(behavior->decide(kMessage, rng)).delay;
    EXPECT_GE(delay, milliseconds{30});
    EXPECT_LE(delay, milliseconds{40});
  }
  EXPECT_EQ(compile_error(Kind::ws_delay, {}).field, "params.ms");
}

TEST(WsCorrupt, modes) {
  EXPECT_EQ(decide_as<Corrupt>(Kind::ws_corrupt, {}, kMessage).mode, CorruptMode::truncate);
  EXPECT_EQ(decide_as<Corrupt>(Kind::ws_corrupt, {{"mode", "invalid_json"}}, kMessage).mode,
            CorruptMode::invalid_json);
  EXPECT_EQ(decide_as<Corrupt>(Kind::ws_corrupt, {{"mode", "wrong_type"}}, kMessage).mode,
            CorruptMode::wrong_type);
  const Error bad = compile_error(Kind::ws_corrupt, {{"mode", "garble"}});
  EXPECT_EQ(bad.field, "params.mode");
  EXPECT_EQ(bad.message, "must be truncate, invalid_json or wrong_type, got \"garble\"");
}

}  // namespace
}  // namespace mockex::fault
