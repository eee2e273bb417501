#include <gtest/gtest.h>

#include <string>

#include "journal_test_support.hpp"
#include "mockex/journal/journal.hpp"

namespace mockex::journal {
namespace {

using nlohmann::json;
using testing::at_ms;

json last_data(const Journal& journal) { return journal.entries().back().data(); }

// The recorders write their data as text; it must be exactly what nlohmann::json writes for the
// same object (sorted keys, its escaping, invalid UTF-8 replaced), whatever the strings hold.
TEST(JournalRecorders, data_text_is_canonical_json_even_for_hostile_text) {
  Journal journal;
  HttpResponseRecord response;
  response.method = "GET";
  response.path = "/api/v3/\"quoted\"\\path";
  const std::string query = std::string("a=\x01\n\t") + "\xff\xfe bad utf-8 \xe2\x82";
  response.query = query;
  response.status = 200;
  response.latency_us = 12;
  response.body = "{\"price\":\"1.00\"} \xf0\x9f\x98\x80";
  journal.record_http_response(at_ms(0), response);
  WsMessageRecord message;
  message.conn_id = 3;
  message.subscribe = {"btcusdt@trade", "a\"b"};
  message.text = "\x7f\x80";
  journal.record_ws_message(at_ms(1), message);
  for (const auto& entry : journal.entries()) {
    auto parsed = json::parse(entry.data_text);  // valid JSON, valid UTF-8
    EXPECT_EQ(entry.data_text, dump_data(parsed));
  }
  EXPECT_EQ(journal.entries().front().data()["path"], "/api/v3/\"quoted\"\\path");
  EXPECT_EQ(journal.entries().back().data()["subscribe"], (json{"btcusdt@trade", "a\"b"}));
}

// Every recorder with every field set writes keys in nlohmann's (sorted) order.
TEST(JournalRecorders, every_recorder_writes_canonical_json_with_every_field) {
  Journal journal;
  HttpRequestRecord request;
  request.method = "POST";
  request.path = "/p";
  request.query = "q=1";
  request.remote = "1.2.3.4:5";
  request.api_key = "k";
  request.headers = {{"H", "v"}};
  request.body = "b=2";
  journal.record_http_request(at_ms(0), request);
  journal.record_http_response(at_ms(0), {.method = "GET", .path = "/p", .query = "q", .remote = "r",
                                          .api_key = "k", .status = 200, .latency_us = 3,
                                          .request_body = "rb", .body = "{}"});
  WsMessageRecord message;
  message.conn_id = 1;
  message.recipients = 2;
  message.stream = "s";
  message.subscribe = {"a"};
  message.unsubscribe = {"b"};
  message.text = "t";
  journal.record_ws_message(at_ms(0), message);
  journal.record_fault(at_ms(0), {.name = "n", .kind = "k", .effect = "e", .target = "t"});
  journal.record_order(at_ms(0), {.event = OrderEvent::rejected, .account = "a", .symbol = "S",
                                  .side = "BUY", .type = "LIMIT", .client_order_id = "c",
                                  .order_id = 9, .price = "1", .qty = "2", .error_code = -2010,
                                  .error_message = "m"});
  journal.record_fill(at_ms(0), {.account = "a", .symbol = "S", .side = "SELL", .order_id = 9,
                                 .client_order_id = "c", .trade_id = 4, .price = "1", .qty = "2",
                                 .maker = true, .order_filled = true});
  ASSERT_EQ(journal.entries().size(), 6U);
  for (const auto& entry : journal.entries()) {
    EXPECT_EQ(entry.data_text, dump_data(json::parse(entry.data_text))) << entry.data_text;
  }
}

// ASCII text is escaped by the recorders themselves: every byte below 0x80, as nlohmann would.
TEST(JournalRecorders, ascii_text_is_escaped_exactly_as_nlohmann_escapes_it) {
  Journal journal;
  std::string every_byte;
  for (int c = 1; c < 0x80; ++c) every_byte += static_cast<char>(c);
  HttpResponseRecord response;
  response.method = "GET";
  response.path = "/x";
  response.body = every_byte;
  response.query = "{\"price\":\"1.00\",\"symbol\":\"BTCUSDT\"}";
  journal.record_http_response(at_ms(0), response);
  const auto& entry = journal.entries().back();
  EXPECT_EQ(entry.data_text, dump_data(json::parse(entry.data_text)));
  EXPECT_EQ(entry.data()["body"], every_byte);
  EXPECT_NE(entry.data_text.find(R"("\u0001\u0002)"), std::string::npos);
  EXPECT_NE(entry.data_text.find(R"(\b\t\n\u000b\f\r\u000e)"), std::string::npos);
}

// Text is scanned for bytes to escape many at a time: a special byte is found wherever it sits,
// in the first block, a later one or the tail.
TEST(JournalRecorders, a_byte_to_escape_is_found_at_every_position_of_a_long_text) {
  for (const char special : {'"', '\\', '\n', '\x01', '\x1f', '\x80', '\xff'}) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text(40, 'a');
      text[at] = special;
      Journal journal;
      journal.record_http_response(at_ms(0), {.method = "GET", .path = "/x", .body = text});
      const auto& entry = journal.entries().back();
      const auto parsed = json::parse(entry.data_text);
      EXPECT_EQ(entry.data_text, dump_data(parsed)) << "byte " << int(special) << " at " << at;
      if (static_cast<unsigned char>(special) < 0x80) {
        EXPECT_EQ(parsed["body"], text) << "byte " << int(special) << " at " << at;
      }
    }
  }
}

TEST(JournalRecorders, http_request_keeps_summary_headers_and_a_capped_body) {
  Journal journal{JournalOptions{.max_body_bytes = 8}};
  HttpRequestRecord request;
  request.method = "POST";
  request.path = "/api/v3/order";
  request.query = "symbol=BTCUSDT";
  request.remote = "10.0.0.2:4000";
  request.api_key = "demo-key";
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
  request.body = "side=BUY&type=LIMIT";
  journal.record_http_request(at_ms(0), request);
  EXPECT_EQ(journal.entries().back().kind, EntryKind::http_request);
  EXPECT_EQ(last_data(journal), (json{{"method", "POST"},
                                      {"path", "/api/v3/order"},
                                      {"query", "symbol=BTCUSDT"},
                                      {"remote", "10.0.0.2:4000"},
                                      {"api_key", "demo-key"},
                                      {"headers",
                                       {{"Content-Type", "application/x-www-form-urlencoded"}}},
                                      {"body", "side=BUY"},
                                      {"body_bytes", 19}}));
}

TEST(JournalRecorders, empty_fields_are_left_out) {
  Journal journal;
  journal.record_http_response(at_ms(0), HttpResponseRecord{.method = "GET", .path = "/x"});
  EXPECT_EQ(last_data(journal),
            (json{{"method", "GET"}, {"path", "/x"}, {"status", 0}, {"latency_us", 0}}));
  journal.record_order(at_ms(0), OrderRecord{});
  EXPECT_EQ(last_data(journal), (json{{"event", "placed"}}));
}

TEST(JournalRecorders, ws_text_is_cut_at_a_utf8_boundary_and_its_size_kept) {
  Journal journal{JournalOptions{.max_text_bytes = 4}};
  WsMessageRecord message;
  message.direction = WsDirection::in;
  message.conn_id = 9;
  message.stream = "SUBSCRIBE";
  message.subscribe = {"btcusdt@depth"};
  message.text = "ab\xC3\xA9\xC3\xA9";  // "abéé": the 4-byte cut would split the second é
  journal.record_ws_message(at_ms(0), message);
  EXPECT_EQ(journal.entries().back().kind, EntryKind::ws_in);
  EXPECT_EQ(last_data(journal), (json{{"conn", 9},
                                      {"stream", "SUBSCRIBE"},
                                      {"subscribe", {"btcusdt@depth"}},
                                      {"text", "ab\xC3\xA9"},
                                      {"text_bytes", 6}}));
  message.text = "abc\xC3\xA9";  // the cut at 4 falls inside é: keep "abc"
  journal.record_ws_message(at_ms(1), message);
  EXPECT_EQ(last_data(journal).at("text"), "abc");
}

TEST(JournalRecorders, ws_open_and_close_record_connection_fields) {
  Journal journal;
  journal.record_ws_open(at_ms(0), WsOpenRecord{.conn_id = 1,
                                                .remote = "127.0.0.1:1",
                                                .path = "/ws/btcusdt@depth",
                                                .streams = {"btcusdt@depth"}});
  EXPECT_EQ(last_data(journal), (json{{"conn", 1},
                                      {"remote", "127.0.0.1:1"},
                                      {"path", "/ws/btcusdt@depth"},
                                      {"streams", {"btcusdt@depth"}}}));
  journal.record_ws_close(at_ms(1), WsCloseRecord{.conn_id = 1, .code = 1006, .by = "fault"});
  EXPECT_EQ(last_data(journal), (json{{"conn", 1}, {"code", 1006}, {"by", "fault"}}));
}

TEST(JournalRecorders, order_and_fill_take_plain_fields) {
  Journal journal;
  journal.record_order(at_ms(0), OrderRecord{.event = OrderEvent::rejected,
                                             .account = "alice",
                                             .symbol = "BTCUSDT",
                                             .side = "BUY",
                                             .type = "LIMIT",
                                             .client_order_id = "c1",
                                             .price = "42000.10",
                                             .qty = "0.001",
                                             .error_code = -2010,
                                             .error_message = "insufficient balance"});
  EXPECT_EQ(last_data(journal), (json{{"event", "rejected"},
                                      {"account", "alice"},
                                      {"symbol", "BTCUSDT"},
                                      {"side", "BUY"},
                                      {"type", "LIMIT"},
                                      {"client_order_id", "c1"},
                                      {"price", "42000.10"},
                                      {"qty", "0.001"},
                                      {"error_code", -2010},
                                      {"error_message", "insufficient balance"}}));
  journal.record_fill(at_ms(1), FillRecord{.account = "alice",
                                           .symbol = "BTCUSDT",
                                           .side = "SELL",
                                           .order_id = 7,
                                           .trade_id = 70,
                                           .price = "42000.10",
                                           .qty = "0.001",
                                           .maker = true,
                                           .order_filled = true});
  EXPECT_EQ(last_data(journal), (json{{"account", "alice"},
                                      {"symbol", "BTCUSDT"},
                                      {"side", "SELL"},
                                      {"order_id", 7},
                                      {"trade_id", 70},
                                      {"price", "42000.10"},
                                      {"qty", "0.001"},
                                      {"maker", true},
                                      {"order_filled", true}}));
}

TEST(JournalRecorders, record_event_merges_an_object_detail_and_nests_anything_else) {
  Journal journal;
  journal.record_event(at_ms(0), EntryKind::clock, "advance", {{"by_ms", 5000}});
  EXPECT_EQ(last_data(journal), (json{{"event", "advance"}, {"by_ms", 5000}}));
  journal.record_event(at_ms(0), EntryKind::error, "dialect", "bad state");
  EXPECT_EQ(last_data(journal), (json{{"event", "dialect"}, {"detail", "bad state"}}));
  journal.record_event(at_ms(0), EntryKind::session, "reset");
  EXPECT_EQ(last_data(journal), (json{{"event", "reset"}}));
}

}  // namespace
}  // namespace mockex::journal
