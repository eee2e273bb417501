#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "journal_test_support.hpp"
#include "mockex/journal/jsonl.hpp"

namespace mockex::journal {
namespace {

using testing::at_ms;

TEST(JournalJsonl, export_of_a_small_journal_matches_the_golden_text) {
  Journal journal;
  journal.record_event(at_ms(0), EntryKind::session, "created", {{"scenario", "quickstart"}});
  HttpResponseRecord response;
  response.method = "GET";
  response.path = "/api/v3/time";
  response.status = 200;
  response.latency_us = 850;
  response.remote = "127.0.0.1:50000";
  response.body = R"({"serverTime":1704067200001})";
  journal.record_http_response(at_ms(1), response);
  journal.record_fault(at_ms(2), FaultRecord{"slow-orders", "latency", "delay 250ms",
                                             "POST /api/v3/order"});
  WsMessageRecord message;
  message.direction = WsDirection::out;
  message.conn_id = 3;
  message.stream = "btcusdt@trade";
  message.text = R"({"e":"trade","p":"42000.10"})";
  journal.record_ws_message(at_ms(3), message);

  std::ostringstream out;
  journal.export_jsonl(out);
  const std::string golden =
      R"({"seq":1,"t":1704067200000,"wall":1704067205000,"kind":"session","data":{"event":"created","scenario":"quickstart"}})"
      "\n"
      R"({"seq":2,"t":1704067200001,"wall":1704067205001,"kind":"http_response","data":{"body":"{\"serverTime\":1704067200001}","latency_us":850,"method":"GET","path":"/api/v3/time","remote":"127.0.0.1:50000","status":200}})"
      "\n"
      R"({"seq":3,"t":1704067200002,"wall":1704067205002,"kind":"fault","data":{"effect":"delay 250ms","fault_kind":"latency","name":"slow-orders","target":"POST /api/v3/order"}})"
      "\n"
      R"({"seq":4,"t":1704067200003,"wall":1704067205003,"kind":"ws_out","data":{"conn":3,"stream":"btcusdt@trade","text":"{\"e\":\"trade\",\"p\":\"42000.10\"}"}})"
      "\n";
  EXPECT_EQ(out.str(), golden);
}

TEST(JournalJsonl, every_line_parses_back_to_to_json_of_its_entry) {
  Journal journal;
  journal.record(at_ms(7), EntryKind::order, {{"event", "placed"}, {"qty", "0.5"}});
  journal.record(at_ms(8), EntryKind::fill, {{"price", "1.25"}});
  for (const Entry& entry : journal.entries()) {
    const std::string line = to_jsonl_line(entry);
    ASSERT_EQ(line.back(), '\n');
    EXPECT_EQ(nlohmann::json::parse(line), to_json(entry));
  }
  const nlohmann::json first = to_json(journal.entries().front());
  EXPECT_EQ(first.at("seq"), 1);
  EXPECT_EQ(first.at("t"), 1'704'067'200'007);
  EXPECT_EQ(first.at("wall"), 1'704'067'205'007);
  EXPECT_EQ(first.at("kind"), "order");
}

TEST(JournalJsonl, scenario_time_is_written_in_whole_milliseconds_rounded_down) {
  Entry entry;
  entry.seq = 1;
  entry.t = core::Timestamp::from_micros(1'999);
  entry.kind = EntryKind::clock;
  EXPECT_EQ(to_jsonl_line(entry), "{\"seq\":1,\"t\":1,\"wall\":0,\"kind\":\"clock\",\"data\":{}}\n");
}

TEST(JournalJsonl, invalid_utf8_from_a_client_is_replaced_not_thrown) {
  Journal journal;
  WsMessageRecord message;
  message.text = std::string("ok\xff\xfe", 4);
  journal.record_ws_message(at_ms(0), message);
  const std::string line = to_jsonl_line(journal.entries().front());
  EXPECT_NE(line.find("ok\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
  EXPECT_FALSE(nlohmann::json::parse(line, nullptr, false).is_discarded());
}

}  // namespace
}  // namespace mockex::journal
