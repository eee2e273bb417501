#include <gtest/gtest.h>

#include <string>

#include "journal_test_support.hpp"
#include "mockex/journal/report.hpp"

namespace mockex::journal {
namespace {

using testing::at_ms;

// Views of the literals the tests pass: valid for the whole test.
HttpResponseRecord http(std::string_view method, std::string_view path, std::string_view query,
                        int status, std::int64_t latency_us,
                        std::string_view remote = "127.0.0.1:6001", std::string_view api_key = {}) {
  HttpResponseRecord record;
  record.method = method;
  record.path = path;
  record.query = query;
  record.status = status;
  record.latency_us = latency_us;
  record.remote = remote;
  record.api_key = api_key;
  return record;
}

OrderRecord order(OrderEvent event, std::string client_order_id, std::uint64_t order_id = 0,
                  int error_code = 0) {
  OrderRecord record;
  record.event = event;
  record.account = "alice";
  record.symbol = "BTCUSDT";
  record.client_order_id = std::move(client_order_id);
  record.order_id = order_id;
  record.error_code = error_code;
  return record;
}

WsMessageRecord ws(WsDirection direction, std::uint64_t conn, std::vector<std::string> subscribe) {
  WsMessageRecord record;
  record.direction = direction;
  record.conn_id = conn;
  record.subscribe = std::move(subscribe);
  return record;
}

// A client that syncs a depth book, resyncs after a gap, retries a failed order, hits rate
// limits, loses an acknowledgement, is disconnected, reconnects and syncs again.
void script(Journal& journal) {
  journal.record_event(at_ms(0), EntryKind::session, "created");
  journal.record_ws_open(at_ms(1), WsOpenRecord{.conn_id = 1,
                                                .remote = "127.0.0.1:5001",
                                                .path = "/ws/btcusdt@depth@100ms",
                                                .streams = {"btcusdt@depth@100ms"}});
  journal.record_http_response(
      at_ms(2), http("GET", "/s/s-1/api/v3/depth", "symbol=BTCUSDT&limit=100", 200, 900));
  journal.record_ws_message(at_ms(3), ws(WsDirection::out, 1, {}));
  journal.record_fault(at_ms(4), {"gap", "depth_gap", "skipped 3 updates", "ws 1 btcusdt@depth"});
  journal.record_http_response(at_ms(5),
                               http("GET", "/api/v3/depth", "symbol=BTCUSDT&limit=100", 200, 1100));

  // A 503, then the same order again 990 ms later with a fresh timestamp and signature: a retry.
  journal.record_fault(at_ms(10), {"busy", "http_error", "status 503", "POST /api/v3/order"});
  journal.record_http_response(
      at_ms(10), http("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&timestamp=1&signature=aa",
                      503, 250'000, "127.0.0.1:6002", "demo-key"));
  journal.record_http_response(
      at_ms(1000), http("POST", "/api/v3/order", "side=BUY&symbol=BTCUSDT&timestamp=2&signature=bb",
                        200, 1500, "127.0.0.1:6003", "demo-key"));

  journal.record_order(at_ms(1001), order(OrderEvent::placed, "c1", 1));
  journal.record_order(at_ms(1002), order(OrderEvent::rejected, "c2", 0, -2010));
  journal.record_order(at_ms(1003), order(OrderEvent::placed, "c2", 2));  // same id again: retry
  journal.record_order(at_ms(1004), order(OrderEvent::rejected, "c3", 0, -1013));
  journal.record_order(at_ms(1005), order(OrderEvent::canceled, "c1", 1));
  journal.record_order(at_ms(1006), order(OrderEvent::cancel_rejected, "c9", 0, -2011));
  journal.record_fill(at_ms(1007), FillRecord{.order_id = 2, .qty = "0.5"});
  journal.record_fill(at_ms(1008), FillRecord{.order_id = 2, .qty = "0.5", .order_filled = true});

  journal.record_http_response(at_ms(1100), http("GET", "/api/v3/order", "orderId=2", 429, 300));
  journal.record_http_response(at_ms(1200), http("GET", "/api/v3/ticker/price", "", 418, 200));
  journal.record_fault(at_ms(1300), {"busy", "http_error", "status 503", "GET /api/v3/klines"});

  // An acknowledgement lost, and the same order sent again 7 s later: outside the 5 s window.
  journal.record_fault(at_ms(2000), {"ack", "ack_lost", "response dropped", "POST /api/v3/order"});
  journal.record_http_response(
      at_ms(2000), http("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&timestamp=3", 0,
                        30'000'000, "127.0.0.1:6004", "demo-key"));
  journal.record_http_response(
      at_ms(9000), http("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&timestamp=4", 200, 1700,
                        "127.0.0.1:6005", "demo-key"));

  journal.record_fault(at_ms(10'000), {"drop-ws", "ws_disconnect", "abrupt close", "ws 1"});
  journal.record_ws_close(at_ms(10'000), WsCloseRecord{.conn_id = 1, .code = 1006, .by = "fault"});
  journal.record_ws_open(at_ms(10'500), WsOpenRecord{.conn_id = 2, .remote = "127.0.0.1:5003",
                                                     .path = "/ws"});
  journal.record_ws_message(at_ms(10'501), ws(WsDirection::in, 2, {"btcusdt@depth"}));
  journal.record_http_response(at_ms(10'600),
                               http("GET", "/api/v3/depth", "symbol=BTCUSDT", 200, 800));
  journal.record_ws_message(at_ms(10'601), ws(WsDirection::in, 2, {"ethusdt@depth5"}));
  journal.record_ws_message(at_ms(10'602), ws(WsDirection::out, 2, {}));
  journal.record_ws_message(at_ms(10'603), ws(WsDirection::out, 2, {}));
  journal.record_http_response(at_ms(10'700),
                               http("GET", "/api/v3/depth", "symbol=ETHUSDT", 200, 700));
  journal.record_http_response(at_ms(11'000), http("GET", "/api/v3/time", "", 200, 100));
  journal.record_http_response(at_ms(12'000), http("GET", "/api/v3/time", "", 200, 120));
}

ReportContext context() {
  ReportContext context;
  context.session_id = "s-1";
  context.scenario = "quickstart";
  context.seed = 42;
  context.started = at_ms(0).t;
  context.ended = at_ms(61'250).t;
  context.balances = {{"alice", "BTC", "1.5", "0.1", "0.6"},
                      {"alice", "USDT", "9000.00", "0", "-1000.00"}};
  context.counters = {{"ws_messages_dropped", 3}};
  return context;
}

TEST(SessionReport, counts_what_the_scripted_client_did) {
  Journal journal;
  script(journal);
  const Report report = build_report(journal, context());

  EXPECT_EQ(report.faults_total, 5U);
  EXPECT_EQ(report.faults_by_kind, (std::map<std::string, std::uint64_t>{
                                       {"ack_lost", 1}, {"depth_gap", 1}, {"http_error", 2},
                                       {"ws_disconnect", 1}}));
  EXPECT_EQ(report.faults_by_name.at("busy").count, 2U);
  EXPECT_EQ(report.faults_by_name.at("busy").kind, "http_error");

  EXPECT_EQ(report.http_requests, 12U);
  EXPECT_EQ(report.http_by_endpoint.at("GET /api/v3/depth"), (std::map<int, std::uint64_t>{{200, 4}}));
  EXPECT_EQ(report.http_by_endpoint.at("POST /api/v3/order"),
            (std::map<int, std::uint64_t>{{0, 1}, {200, 2}, {503, 1}}));
  EXPECT_EQ(report.rate_limit_hits, 2U);

  EXPECT_EQ(report.orders_placed, 2U);
  EXPECT_EQ(report.orders_rejected, 2U);
  EXPECT_EQ(report.rejects_by_code, (std::map<int, std::uint64_t>{{-2010, 1}, {-1013, 1}}));
  EXPECT_EQ(report.orders_canceled, 1U);
  EXPECT_EQ(report.cancels_rejected, 1U);
  EXPECT_EQ(report.orders_filled, 1U);
  EXPECT_EQ(report.fills, 2U);

  EXPECT_EQ(report.retries_same_client_order_id, 1U);
  EXPECT_EQ(report.retries_repeated_request, 1U);  // the one 7 s later is outside the window

  EXPECT_EQ(report.ws_connects, 2U);
  EXPECT_EQ(report.ws_reconnects, 1U);
  EXPECT_EQ(report.ws_messages_in, 2U);
  EXPECT_EQ(report.ws_messages_out, 3U);

  EXPECT_EQ(report.depth_snapshots, 4U);
  EXPECT_EQ(report.depth_initial_syncs, 2U);  // the first, and the first after reconnecting
  EXPECT_EQ(report.depth_resyncs, 1U);        // the one after the gap; ETHUSDT was never armed

  // 11 samples (the status-0 response has no latency): nearest rank.
  EXPECT_EQ(report.latency.samples, 11U);
  EXPECT_EQ(report.latency.p50_us, 800);
  EXPECT_EQ(report.latency.p90_us, 1700);
  EXPECT_EQ(report.latency.p99_us, 250'000);
  EXPECT_EQ(report.latency.max_us, 250'000);
}

TEST(SessionReport, a_wider_retry_window_counts_the_late_repeat) {
  Journal journal;
  script(journal);
  ReportOptions options;
  options.retry_window_ms = 10'000;
  EXPECT_EQ(build_report(journal, context(), options).retries_repeated_request, 2U);
}

TEST(SessionReport, successful_polling_is_not_a_retry) {
  Journal journal;
  for (int i = 0; i < 5; ++i) {
    journal.record_http_response(at_ms(i * 100), http("GET", "/api/v3/ticker/price", "", 200, 50));
  }
  EXPECT_EQ(build_report(journal, context()).retries_repeated_request, 0U);
}

TEST(SessionReport, json_has_the_documented_shape) {
  Journal journal;
  script(journal);
  const nlohmann::json json = to_json(build_report(journal, context()));
  EXPECT_EQ(json.at("session").at("duration_ms"), 61'250);
  EXPECT_EQ(json.at("session").at("seed"), 42);
  EXPECT_EQ(json.at("journal").at("entries"), journal.size());
  EXPECT_EQ(json.at("faults").at("by_name").at("gap"),
            (nlohmann::json{{"kind", "depth_gap"}, {"count", 1}}));
  EXPECT_EQ(json.at("http").at("by_endpoint").at("POST /api/v3/order").at("503"), 1);
  EXPECT_EQ(json.at("orders").at("rejects_by_code").at("-2010"), 1);
  EXPECT_EQ(json.at("client").at("retries").at("repeated_request"), 1);
  EXPECT_EQ(json.at("client").at("ws").at("reconnects"), 1);
  EXPECT_EQ(json.at("client").at("depth").at("resyncs"), 1);
  EXPECT_EQ(json.at("latency_us").at("p99"), 250'000);
  EXPECT_EQ(json.at("balances").at(1).at("change"), "-1000.00");
  EXPECT_EQ(json.at("counters").at("ws_messages_dropped"), 3);
}

TEST(SessionReport, same_journal_gives_byte_identical_json_and_markdown) {
  Journal a;
  Journal b;
  script(a);
  script(b);
  EXPECT_EQ(to_json(build_report(a, context())).dump(), to_json(build_report(b, context())).dump());
  EXPECT_EQ(to_markdown(build_report(a, context())), to_markdown(build_report(b, context())));
}

TEST(SessionReport, markdown_matches_the_golden_text) {
  Journal journal;
  script(journal);
  const std::string golden = R"md(# Session report

| Session | s-1 |
| --- | --- |
| Scenario | quickstart |
| Seed | 42 |
| Scenario time | 2024-01-01T00:00:00.000Z to 2024-01-01T00:01:01.250Z (61.250 s) |
| Journal | 34 entries, 0 dropped |

## Faults injected

5 in total.

| Kind | Count |
| --- | ---: |
| ack_lost | 1 |
| depth_gap | 1 |
| http_error | 2 |
| ws_disconnect | 1 |

| Fault | Kind | Count |
| --- | --- | ---: |
| ack | ack_lost | 1 |
| busy | http_error | 2 |
| drop-ws | ws_disconnect | 1 |
| gap | depth_gap | 1 |

## HTTP requests

12 requests, 2 rate-limited (429 or 418).

| Endpoint | Status | Count |
| --- | ---: | ---: |
| GET /api/v3/depth | 200 | 4 |
| GET /api/v3/order | 429 | 1 |
| GET /api/v3/ticker/price | 418 | 1 |
| GET /api/v3/time | 200 | 2 |
| POST /api/v3/order | no response | 1 |
| POST /api/v3/order | 200 | 2 |
| POST /api/v3/order | 503 | 1 |

## Orders

| Placed | Rejected | Canceled | Cancel rejected | Filled | Fills |
| ---: | ---: | ---: | ---: | ---: | ---: |
| 2 | 2 | 1 | 1 | 1 | 2 |

| Reject code | Count |
| ---: | ---: |
| -2010 | 1 |
| -1013 | 1 |

## Client behaviour

| Measure | Count |
| --- | ---: |
| Retries: same client order id | 1 |
| Retries: repeated failed request | 1 |
| WebSocket connects | 2 |
| WebSocket reconnects | 1 |
| WebSocket messages in | 2 |
| WebSocket messages out | 3 |
| Depth snapshots | 4 |
| Depth initial syncs | 2 |
| Depth resyncs | 1 |

## Latency

| Responses | p50 (µs) | p90 (µs) | p99 (µs) | max (µs) |
| ---: | ---: | ---: | ---: | ---: |
| 11 | 800 | 1700 | 250000 | 250000 |

## Balances

| Account | Asset | Free | Locked | Change |
| --- | --- | ---: | ---: | ---: |
| alice | BTC | 1.5 | 0.1 | 0.6 |
| alice | USDT | 9000.00 | 0 | -1000.00 |

## Counters

| Counter | Value |
| --- | ---: |
| ws_messages_dropped | 3 |
)md";
  EXPECT_EQ(to_markdown(build_report(journal, context())), golden);
}

TEST(SessionReport, markdown_of_an_empty_session_says_none_and_notes_drops) {
  Journal journal{JournalOptions{.max_entries = 1}};
  journal.record_event(at_ms(0), EntryKind::session, "created");
  journal.record_event(at_ms(1), EntryKind::session, "reset");
  ReportContext empty;
  empty.session_id = "s|2";
  const std::string golden = R"md(# Session report

| Session | s\|2 |
| --- | --- |
| Scenario |  |
| Seed | 0 |
| Scenario time | 1970-01-01T00:00:00.000Z to 1970-01-01T00:00:00.000Z (0.000 s) |
| Journal | 1 entry, 1 dropped |

Entries were dropped from the journal; the counts below cover the rest.

## Faults injected

None.

## HTTP requests

None.

## Orders

| Placed | Rejected | Canceled | Cancel rejected | Filled | Fills |
| ---: | ---: | ---: | ---: | ---: | ---: |
| 0 | 0 | 0 | 0 | 0 | 0 |

## Client behaviour

| Measure | Count |
| --- | ---: |
| Retries: same client order id | 0 |
| Retries: repeated failed request | 0 |
| WebSocket connects | 0 |
| WebSocket reconnects | 0 |
| WebSocket messages in | 0 |
| WebSocket messages out | 0 |
| Depth snapshots | 0 |
| Depth initial syncs | 0 |
| Depth resyncs | 0 |

## Latency

No HTTP responses.
)md";
  EXPECT_EQ(to_markdown(build_report(journal, empty)), golden);
}

}  // namespace
}  // namespace mockex::journal
