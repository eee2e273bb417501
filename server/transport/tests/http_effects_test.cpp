// The HTTP session carries out each core::WireEffect on a real socket: what a client sees on the
// wire (bytes, EOF, ECONNRESET, silence) for delay, hang, reset, close_after_headers, truncate
// and slow_body, the order of pipelined responses, and the cap on active delays.

#include "wire_harness.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <memory>
#include <string>
#include <thread>

namespace mockex::transport::testing {
namespace {

using Action = core::WireEffect::Action;

const std::string kBody = "hello world";  // 11 bytes

core::WireEffect effect(Action action, std::chrono::microseconds delay = {}) {
  core::WireEffect out;
  out.action = action;
  out.delay = delay;
  return out;
}

// A GET route that answers `body` with `wire` applied, counting the requests it answered.
std::shared_ptr<std::atomic<int>> add_route(Router& router, std::string path,
                                            core::WireEffect wire, std::string body = kBody) {
  auto calls = std::make_shared<std::atomic<int>>(0);
  router.add("GET", std::move(path),
             [calls, wire, body](core::HttpRequest&&, core::Responder respond) {
               auto response = core::HttpResponse::text(200, body);
               response.effect = wire;
               ++*calls;
               respond(std::move(response));
             });
  return calls;
}

TEST(HttpWireEffects, delay_holds_the_response_at_least_that_long) {
  Harness harness;
  add_route(harness.router, "/delayed", effect(Action::none, 100ms));
  harness.start();
  Client client(harness.port());
  const auto sent = Clock::now();
  auto response = request(client, "/delayed");
  const auto elapsed = Clock::now() - sent;
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, kBody);
  EXPECT_GE(elapsed, 100ms);
  EXPECT_TRUE(eventually([&] { return harness.metric("mockex_fault_delays_active") == 0.0; }));
}

TEST(HttpWireEffects, delay_counts_from_when_the_request_arrived_not_from_when_a_busy_loop_read_it) {
  Harness harness;
  add_route(harness.router, "/delayed", effect(Action::none, 200ms));
  auto busy_started = std::make_shared<std::atomic<bool>>(false);
  harness.router.add("GET", "/busy", [busy_started](core::HttpRequest&&, core::Responder respond) {
    *busy_started = true;
    std::this_thread::sleep_for(300ms);  // holds the only I/O thread
    respond(core::HttpResponse::text(200, "done"));
  });
  harness.start(/*one=*/true);
  Client busy(harness.port());
  busy.send(get("/busy"));
  ASSERT_TRUE(eventually([&] { return busy_started->load(); }));
  Client client(harness.port());
  const auto sent = Clock::now();
  auto response = request(client, "/delayed");
  const auto elapsed = Clock::now() - sent;
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, kBody);
  EXPECT_GE(elapsed, 200ms);
  // Read up to 300 ms late: counted from the read, the answer would take about 500 ms.
  EXPECT_LT(elapsed, 400ms);
}

TEST(HttpWireEffects, delayed_response_holds_back_the_pipelined_ones_behind_it) {
  Harness harness;
  add_route(harness.router, "/slow", effect(Action::none, 150ms), "first");
  add_route(harness.router, "/fast", effect(Action::none), "second");
  harness.start();
  Client client(harness.port());
  const auto sent = Clock::now();
  client.send(get("/slow") + get("/fast"));
  std::vector<ParsedResponse> responses;
  client.wait_for([&](std::string& bytes) {
    while (auto response = take_response(bytes)) responses.push_back(std::move(*response));
    return responses.size() == 2;
  });
  const auto elapsed = Clock::now() - sent;
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[0].body, "first");
  EXPECT_EQ(responses[1].body, "second");
  EXPECT_GE(elapsed, 150ms);
}

TEST(HttpWireEffects, hang_sends_nothing_not_even_a_408_until_the_client_leaves) {
  Limits limits;
  limits.idle_timeout = 100ms;  // a hang outlives it in silence
  Harness harness(limits);
  auto calls = add_route(harness.router, "/hang", effect(Action::hang));
  harness.start();
  Client client(harness.port());
  client.send(get("/hang"));
  ASSERT_TRUE(eventually([&] { return calls->load() == 1; }));
  EXPECT_FALSE(client.wait_for([](std::string& bytes) { return !bytes.empty(); }, 300ms));
  EXPECT_EQ(client.received(), "");
  EXPECT_FALSE(client.ended());
  EXPECT_EQ(harness.server().open_connections(), 1u);
  client.close();
  EXPECT_TRUE(eventually([&] { return harness.server().open_connections() == 0; }));
}

TEST(HttpWireEffects, hang_is_closed_by_a_drain) {
  Harness harness;
  auto calls = add_route(harness.router, "/hang", effect(Action::hang));
  harness.start();
  Client client(harness.port());
  client.send(get("/hang"));
  ASSERT_TRUE(eventually([&] { return calls->load() == 1; }));
  std::atomic<bool> drained{false};
  harness.server().shutdown([&] { drained = true; });
  EXPECT_TRUE(eventually([&] { return drained.load(); }));
  EXPECT_TRUE(client.wait_closed());
  EXPECT_EQ(client.received(), "");
}

TEST(HttpWireEffects, reset_ends_the_connection_with_an_rst) {
  Harness harness;
  add_route(harness.router, "/reset", effect(Action::reset));
  harness.start();
  Client client(harness.port());
  client.send(get("/reset"));
  ASSERT_TRUE(client.wait_closed());
  EXPECT_EQ(client.error(), ECONNRESET);
  EXPECT_EQ(client.received(), "");
}

TEST(HttpWireEffects, delayed_reset_waits_then_resets) {
  Harness harness;
  add_route(harness.router, "/reset", effect(Action::reset, 100ms));
  harness.start();
  Client client(harness.port());
  const auto sent = Clock::now();
  client.send(get("/reset"));
  ASSERT_TRUE(client.wait_closed());
  EXPECT_GE(Clock::now() - sent, 100ms);
  EXPECT_EQ(client.error(), ECONNRESET);
}

TEST(HttpWireEffects, close_after_headers_sends_the_full_content_length_and_no_body) {
  Harness harness;
  add_route(harness.router, "/headers", effect(Action::close_after_headers));
  harness.start();
  Client client(harness.port());
  client.send(get("/headers"));
  ASSERT_TRUE(client.wait_closed());
  EXPECT_TRUE(client.eof()) << "error " << client.error();
  auto head = parse_head(client.received());
  ASSERT_TRUE(head) << client.received();
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->content_length, kBody.size());
  EXPECT_EQ(client.received().size(), head->head.size()) << "no body byte";
}

TEST(HttpWireEffects, truncate_sends_exactly_keep_bytes_of_the_body_then_closes) {
  Harness harness;
  auto wire = effect(Action::truncate);
  wire.keep_bytes = 5;
  add_route(harness.router, "/truncated", wire);
  harness.start();
  Client client(harness.port());
  client.send(get("/truncated"));
  ASSERT_TRUE(client.wait_closed());
  EXPECT_TRUE(client.eof()) << "error " << client.error();
  auto head = parse_head(client.received());
  ASSERT_TRUE(head) << client.received();
  EXPECT_EQ(head->content_length, kBody.size());
  EXPECT_EQ(client.received().substr(head->head.size()), "hello");
}

TEST(HttpWireEffects, slow_body_arrives_whole_after_slow_total_and_keeps_the_connection) {
  Harness harness;
  auto wire = effect(Action::slow_body);
  wire.slow_total = 200ms;
  wire.chunk_bytes = 5;
  const std::string body = "0123456789abcdef";  // 4 chunks
  add_route(harness.router, "/slow", wire, body);
  add_route(harness.router, "/plain", effect(Action::none), "plain");
  harness.start();
  Client client(harness.port());
  const auto sent = Clock::now();
  client.send(get("/slow"));
  ASSERT_TRUE(client.wait_for([](std::string& bytes) { return parse_head(bytes).has_value(); }));
  const auto head_size = parse_head(client.received())->head.size();
  // The header leads, the body follows in pieces, so for a while only part of it is there.
  std::vector<std::size_t> sizes_seen;
  client.wait_for([&](std::string& bytes) {
    if (sizes_seen.empty() || sizes_seen.back() != bytes.size() - head_size) {
      sizes_seen.push_back(bytes.size() - head_size);
    }
    return bytes.size() >= head_size + body.size();
  });
  auto response = take_response(client.received());
  const auto elapsed = Clock::now() - sent;
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body, body);
  EXPECT_GE(elapsed, 200ms);
  EXPECT_GE(sizes_seen.size(), 2u) << "the body came in one piece";
  auto second = request(client, "/plain");
  ASSERT_TRUE(second) << "keep-alive after a slow body";
  EXPECT_EQ(second->body, "plain");
}

TEST(HttpWireEffects, delays_beyond_the_cap_are_skipped_and_counted) {
  Limits limits;
  limits.max_active_fault_delays = 1;
  Harness harness(limits);
  add_route(harness.router, "/delayed", effect(Action::none, 1s));
  harness.start();
  Client first(harness.port());
  Client second(harness.port());
  first.send(get("/delayed"));
  ASSERT_TRUE(eventually([&] { return harness.metric("mockex_fault_delays_active") == 1.0; }));
  // The second delay would end after the first; its answer arriving first means it was skipped.
  auto answered = request(second, "/delayed");
  ASSERT_TRUE(answered);
  EXPECT_EQ(answered->body, kBody);
  EXPECT_EQ(first.received(), "") << "the first response is still waiting out its delay";
  EXPECT_EQ(harness.metric("mockex_fault_delay_overflow_total"), 1.0);
  ASSERT_TRUE(first.wait_for([](std::string& bytes) { return take_response(bytes).has_value(); }));
  EXPECT_TRUE(eventually([&] { return harness.metric("mockex_fault_delays_active") == 0.0; }));
  EXPECT_EQ(harness.metric("mockex_fault_delay_overflow_total"), 1.0);
}

TEST(HttpWireEffects, a_closed_connection_gives_back_its_delay_permits) {
  Harness harness;
  add_route(harness.router, "/reset", effect(Action::reset, 300ms));
  auto delayed = add_route(harness.router, "/delayed", effect(Action::none, 30s));
  harness.start();
  Client client(harness.port());
  client.send(get("/reset") + get("/delayed"));
  ASSERT_TRUE(eventually([&] { return delayed->load() == 1; }));
  ASSERT_TRUE(client.wait_closed());
  EXPECT_EQ(client.error(), ECONNRESET);
  // The 30 s delay behind the reset no longer counts against the cap.
  EXPECT_TRUE(eventually([&] { return harness.metric("mockex_fault_delays_active") == 0.0; }));
  EXPECT_EQ(harness.metric("mockex_fault_delay_overflow_total"), 0.0);
}

}  // namespace
}  // namespace mockex::transport::testing
