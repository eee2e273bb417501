#include "sdk_test.hpp"

namespace mockex::sdk::testing {
namespace {

using ReportTest = SdkTest;

TEST_F(ReportTest, report_is_typed_with_the_raw_json_beside) {
  session.clock().advance("5s");
  auto report = session.report();
  EXPECT_EQ(report.session_id, session.id());
  EXPECT_EQ(report.scenario, "quickstart");
  EXPECT_EQ(report.seed, 7u);
  EXPECT_EQ(report.duration_ms, 5000);
  EXPECT_GE(report.journal_entries, 2u);
  EXPECT_EQ(report.faults_total, 0u);
  EXPECT_TRUE(report.faults_by_kind.empty());
  EXPECT_EQ(report.http_requests, 0u);
  EXPECT_EQ(report.orders_placed, 0u);
  EXPECT_EQ(report.ws_connects, 0u);
  EXPECT_EQ(report.raw.at("balances").size(), 3u);
  EXPECT_EQ(report.raw.at("session").at("id"), session.id());
}

TEST_F(ReportTest, markdown_names_the_session) {
  auto markdown = session.report_markdown();
  EXPECT_NE(markdown.find(session.id()), std::string::npos);
  EXPECT_NE(markdown.find("quickstart"), std::string::npos);
  EXPECT_EQ(markdown.rfind("#", 0), 0u);
}

}  // namespace
}  // namespace mockex::sdk::testing
