#include "admin_harness.hpp"

#include <gtest/gtest.h>

namespace mockex::admin::testing {
namespace {

TEST(AdminState, book_depth_honours_the_limit) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto answer = admin.on(id, "GET", "/book/BTCUSDT", "", "limit=5");
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto body = answer.json();
  EXPECT_EQ(body["bids"].size(), 5u);
  EXPECT_EQ(body["asks"].size(), 5u);
  EXPECT_GT(body["lastUpdateId"].get<std::uint64_t>(), 0u);
  // [price, qty] as exact decimal strings at the instrument's scales, bids below asks.
  auto bid = body["bids"][0][0].get<std::string>();
  auto ask = body["asks"][0][0].get<std::string>();
  EXPECT_LT(std::stod(bid), std::stod(ask));
  EXPECT_EQ(bid.size() - bid.find('.'), 9u);  // USDT's 8 decimals
  EXPECT_EQ(admin.on(id, "GET", "/book/BTCUSDT", "", "limit=0").status, 400);
  EXPECT_EQ(admin.on(id, "GET", "/book/BTCUSDT", "", "limit=x").status, 400);
  EXPECT_EQ(admin.on(id, "GET", "/book/NOPE").error_code(), "symbol_not_found");
}

TEST(AdminState, balances_list_every_asset_of_the_account) {
  AdminHarness admin;
  auto answer = admin.on("default", "GET", "/balances", "", "account=demo-key");
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto balances = answer.json()["balances"];
  ASSERT_EQ(balances.size(), 3u);
  EXPECT_EQ(admin.on("default", "GET", "/balances").status, 400);
  EXPECT_EQ(admin.on("default", "GET", "/balances", "", "account=nobody").error_code(),
            "account_not_found");
}

TEST(AdminState, orders_of_a_fresh_account_are_empty) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto open = admin.on(id, "GET", "/orders", "", "account=demo-key");
  ASSERT_EQ(open.status, 200) << open.body;
  EXPECT_TRUE(open.json()["orders"].empty());
  EXPECT_EQ(admin.on(id, "GET", "/orders", "", "account=demo-key&symbol=BTCUSDT&status=all").status,
            200);
  EXPECT_EQ(admin.on(id, "GET", "/orders", "", "account=demo-key&status=closed").status, 400);
  EXPECT_EQ(admin.on(id, "GET", "/orders", "", "account=demo-key&symbol=NOPE").status, 404);
}

TEST(AdminJournal, pages_with_after_and_limit) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  for (const char* symbol : {"BTCUSDT", "ETHUSDT", "BTCUSDT"}) {
    nlohmann::json body = {{"symbol", symbol}};
    ASSERT_EQ(admin.on(id, "POST", "/market/halt", body.dump()).status, 200);
  }
  auto first = admin.on(id, "GET", "/journal", "", "kinds=market&limit=2").json();
  ASSERT_EQ(first["entries"].size(), 2u);
  EXPECT_EQ(first["more"], true);
  EXPECT_EQ(first["missed"], 0u);
  EXPECT_EQ(first["entries"][0]["kind"], "market");
  auto after = first["next_after"].get<std::uint64_t>();
  auto second =
      admin.on(id, "GET", "/journal", "", "kinds=market&limit=2&after=" + std::to_string(after))
          .json();
  ASSERT_EQ(second["entries"].size(), 1u);
  EXPECT_EQ(second["more"], false);
  EXPECT_EQ(second["entries"][0]["data"]["event"], "halt BTCUSDT");
  EXPECT_GT(second["entries"][0]["seq"].get<std::uint64_t>(), after);
  auto text = admin.on(id, "GET", "/journal", "", "text=halt%20ETH").json();
  EXPECT_EQ(text["entries"].size(), 1u);
  auto by_time = admin.on(id, "GET", "/journal", "", "from=" + std::to_string(kStartMs + 1)).json();
  EXPECT_TRUE(by_time["entries"].empty());
  EXPECT_EQ(admin.on(id, "GET", "/journal", "", "kinds=bogus").status, 400);
  EXPECT_EQ(admin.on(id, "GET", "/journal", "", "limit=0").status, 400);
  EXPECT_EQ(admin.on(id, "GET", "/journal", "", "after=-1").status, 400);
}

TEST(AdminJournal, jsonl_export_holds_every_entry) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  ASSERT_EQ(admin.on(id, "POST", "/market/halt", R"({"symbol":"BTCUSDT"})").status, 200);
  auto answer = admin.on(id, "GET", "/journal.jsonl");
  ASSERT_EQ(answer.status, 200);
  EXPECT_EQ(answer.header("Content-Type"), "application/x-ndjson");
  std::size_t lines = 0;
  for (char c : answer.body) lines += c == '\n' ? 1 : 0;
  auto held = admin.on(id, "GET", "/journal", "", "limit=10000").json()["entries"].size();
  EXPECT_EQ(lines, held);
  EXPECT_NE(answer.body.find("halt BTCUSDT"), std::string::npos);
}

TEST(AdminReport, served_as_json_and_markdown) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  ASSERT_EQ(
      admin.on(id, "POST", "/balances", R"({"account":"demo-key","asset":"USDT","amount":"99000"})")
          .status,
      200);
  auto json = admin.on(id, "GET", "/report");
  ASSERT_EQ(json.status, 200) << json.body;
  EXPECT_EQ(json.header("Content-Type"), "application/json");
  EXPECT_NE(json.body.find(id), std::string::npos);
  EXPECT_NE(json.body.find("quickstart"), std::string::npos);
  EXPECT_NE(json.body.find("-1000.00000000"), std::string::npos);  // USDT change since start
  auto markdown = admin.on(id, "GET", "/report.md");
  ASSERT_EQ(markdown.status, 200);
  EXPECT_EQ(markdown.header("Content-Type"), "text/markdown; charset=utf-8");
  EXPECT_EQ(markdown.body.rfind("#", 0), 0u) << markdown.body.substr(0, 80);
  EXPECT_NE(markdown.body.find(id), std::string::npos);
}

}  // namespace
}  // namespace mockex::admin::testing
