#include "admin_harness.hpp"

#include <gtest/gtest.h>

namespace mockex::admin::testing {
namespace {

TEST(AdminClock, advance_moves_a_stepped_clock_by_the_duration) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto answer = admin.on(id, "POST", "/clock/advance", R"({"by":"5s"})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["now"], kStartMs + 5'000);
  EXPECT_GT(answer.json()["ran"].get<int>(), 0);  // the random walk re-quoted meanwhile
  EXPECT_EQ(admin.on(id, "GET", "/clock").json()["now"], kStartMs + 5'000);
  auto journal = admin.on(id, "GET", "/journal", "", "kinds=clock").json();
  ASSERT_EQ(journal["entries"].size(), 1u);
  EXPECT_EQ(journal["entries"][0]["data"]["event"], "advanced");
  EXPECT_EQ(journal["entries"][0]["data"]["by_ms"], 5'000);
}

TEST(AdminClock, a_bad_or_missing_duration_is_400) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  EXPECT_EQ(admin.on(id, "POST", "/clock/advance", R"({"by":"5 parsecs"})").error_code(),
            "invalid_duration");
  EXPECT_EQ(admin.on(id, "POST", "/clock/advance", "{}").status, 400);
  EXPECT_EQ(admin.on(id, "POST", "/clock/advance", R"({"by":"-1s"})").status, 400);
  EXPECT_EQ(admin.on(id, "GET", "/clock").json()["now"], kStartMs);
}

TEST(AdminClock, pause_resume_and_speed_which_a_stepped_clock_refuses) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  EXPECT_EQ(admin.on(id, "POST", "/clock/pause").json()["paused"], true);
  EXPECT_EQ(admin.on(id, "POST", "/clock/resume").json()["paused"], false);
  EXPECT_EQ(admin.on(id, "POST", "/clock/speed", R"({"speed":10})").error_code(), "clock_stepped");

  auto created = admin.call("POST", "/_mockex/v1/sessions", {},
                            R"({"scenario":"quickstart","clock":"accelerated","speed":2})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto fast = created.json()["id"].get<std::string>();
  EXPECT_EQ(admin.on(fast, "GET", "/clock").json()["speed"], 2.0);
  auto speed = admin.on(fast, "POST", "/clock/speed", R"({"speed":10})");
  ASSERT_EQ(speed.status, 200) << speed.body;
  EXPECT_EQ(speed.json()["speed"], 10.0);
  EXPECT_EQ(speed.json()["mode"], "accelerated");
  EXPECT_EQ(admin.on(fast, "POST", "/clock/speed", R"({"speed":-1})").status, 400);
  EXPECT_EQ(admin.on(fast, "POST", "/clock/speed", R"({"speed":"fast"})").status, 400);
}

TEST(AdminMarket, halt_shows_in_the_venue_and_resume_lifts_it) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto answer = admin.on(id, "POST", "/market/halt", R"({"symbol":"BTCUSDT"})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["action"], "halt");
  EXPECT_EQ(admin.on(id, "GET", "/book/BTCUSDT").json()["status"], "HALT");
  EXPECT_EQ(admin.on(id, "GET", "/book/ETHUSDT").json()["status"], "TRADING");
  auto session = admin.registry.find(id);
  ASSERT_EQ(admin.on(id, "POST", "/market/resume", R"({"symbol":"BTCUSDT"})").status, 200);
  EXPECT_EQ(admin.on(id, "GET", "/book/BTCUSDT").json()["status"], "TRADING");
  auto journal = admin.on(id, "GET", "/journal", "", "kinds=market&text=halt").json();
  ASSERT_EQ(journal["entries"].size(), 1u);
  EXPECT_EQ(journal["entries"][0]["data"]["event"], "halt BTCUSDT");
}

TEST(AdminMarket, a_halt_in_one_session_is_not_seen_in_another) {
  AdminHarness admin;
  auto first = admin.create_stepped();
  auto second = admin.create_stepped();
  ASSERT_EQ(admin.on(first, "POST", "/market/halt", R"({"symbol":"BTCUSDT"})").status, 200);
  EXPECT_EQ(admin.on(first, "GET", "/book/BTCUSDT").json()["status"], "HALT");
  EXPECT_EQ(admin.on(second, "GET", "/book/BTCUSDT").json()["status"], "TRADING");
  EXPECT_EQ(admin.on("default", "GET", "/book/BTCUSDT").json()["status"], "TRADING");
  EXPECT_TRUE(admin.on(second, "GET", "/journal", "", "text=halt").json()["entries"].empty());
}

TEST(AdminMarket, market_actions_validate_their_fields_and_symbols) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto unknown = admin.on(id, "POST", "/market/halt", R"({"symbol":"DOGEUSDT"})");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.error_code(), "symbol_not_found");
  EXPECT_EQ(admin.on(id, "POST", "/market/shock", R"({"symbol":"BTCUSDT"})").status, 400);
  EXPECT_EQ(admin.on(id, "POST", "/market/shock", R"({"symbol":"BTCUSDT","pct":"-100"})").status,
            400);
  EXPECT_EQ(admin.on(id, "POST", "/market/shock", R"({"symbol":"BTCUSDT","pct":"1e3"})").status,
            400);
  EXPECT_EQ(admin.on(id, "POST", "/market/halt", R"({"symbol":"BTCUSDT","x":1})").status, 400);
  EXPECT_EQ(admin.on(id, "POST", "/market/liquidity", R"({"symbol":"BTCUSDT","factor":0})").status,
            400);
  EXPECT_EQ(admin.on(id, "POST", "/market/spread", R"({"symbol":"BTCUSDT"})").status, 400);
  EXPECT_EQ(
      admin.on(id, "POST", "/market/spread", R"({"symbol":"BTCUSDT","factor":2,"bps":3})").status,
      400);
}

TEST(AdminMarket, shock_liquidity_and_spread_run_now) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  EXPECT_EQ(admin.on(id, "POST", "/market/shock", R"({"symbol":"BTCUSDT","pct":"-10","over":"1s"})")
                .status,
            200);
  EXPECT_EQ(admin.on(id, "POST", "/market/shock", R"({"pct":5.5})").status, 200);
  EXPECT_EQ(
      admin.on(id, "POST", "/market/liquidity", R"({"symbol":"ETHUSDT","factor":"0.5"})").status,
      200);
  EXPECT_EQ(admin.on(id, "POST", "/market/spread", R"({"symbol":"ETHUSDT","bps":20})").status, 200);
  auto journal = admin.on(id, "GET", "/journal", "", "kinds=market").json();
  ASSERT_EQ(journal["entries"].size(), 4u);
  EXPECT_EQ(journal["entries"][0]["data"]["event"], "shock BTCUSDT -10%");
  EXPECT_EQ(journal["entries"][1]["data"]["event"], "shock all 5.5%");
}

TEST(AdminBalances, set_then_read_back_and_only_in_that_session) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto other = admin.create_stepped();
  auto set = admin.on(id, "POST", "/balances",
                      R"({"account":"demo-key","asset":"USDT","amount":"123.45"})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()["free"], "123.45000000");
  auto read = [&](const std::string& session) {
    auto balances =
        admin.on(session, "GET", "/balances", "", "account=demo-key").json()["balances"];
    for (const auto& balance : balances) {
      if (balance["asset"] == "USDT") return balance["free"].get<std::string>();
    }
    return std::string("missing");
  };
  EXPECT_EQ(read(id), "123.45000000");
  EXPECT_EQ(read(other), "100000.00000000");
  auto journal = admin.on(id, "GET", "/journal", "", "kinds=market&text=set_balance").json();
  EXPECT_EQ(journal["entries"].size(), 1u);
}

TEST(AdminBalances, deposit_and_withdraw_move_the_free_balance_by_the_amount) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto deposit = admin.on(id, "POST", "/balances/deposit",
                          R"({"account":"demo-key","asset":"USDT","amount":"0.5"})");
  ASSERT_EQ(deposit.status, 200) << deposit.body;
  EXPECT_EQ(deposit.json()["free"], "100000.50000000");
  auto withdraw = admin.on(id, "POST", "/balances/withdraw",
                           R"({"account":"demo-key","asset":"BTC","amount":"2.25"})");
  ASSERT_EQ(withdraw.status, 200) << withdraw.body;
  EXPECT_EQ(withdraw.json()["free"], "7.75000000");
  auto too_much = admin.on(id, "POST", "/balances/withdraw",
                           R"({"account":"demo-key","asset":"BTC","amount":"8"})");
  EXPECT_EQ(too_much.status, 409);
  EXPECT_EQ(too_much.error_code(), "insufficient_balance");
}

TEST(AdminBalances, unknown_account_asset_or_bad_amount_is_refused) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  EXPECT_EQ(admin.on(id, "POST", "/balances", R"({"account":"nobody","asset":"USDT","amount":"1"})")
                .error_code(),
            "account_not_found");
  EXPECT_EQ(
      admin.on(id, "POST", "/balances", R"({"account":"demo-key","asset":"XYZ","amount":"1"})")
          .error_code(),
      "asset_not_found");
  for (const char* amount : {"-1", "1.123456789", "abc", ""}) {
    auto body = nlohmann::json{{"account", "demo-key"}, {"asset", "USDT"}, {"amount", amount}};
    EXPECT_EQ(admin.on(id, "POST", "/balances", body.dump()).error_code(), "invalid_amount")
        << amount;
  }
  EXPECT_EQ(admin.on(id, "POST", "/balances", R"({"account":"demo-key","asset":"USDT"})").status,
            400);
  EXPECT_EQ(admin.on(id, "POST", "/balances", R"({"account":"demo-key","asset":"USDT","amount":5})")
                .status,
            400);
}

}  // namespace
}  // namespace mockex::admin::testing

namespace mockex::admin::testing {
namespace {

TEST(AdminMarket, set_book_replaces_the_background_book_until_the_market_requotes) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto answer = admin.on(id, "POST", "/market/book",
                         R"({"symbol":"BTCUSDT","bids":[["29000.00","1.5"],["28999.99","2"]],
                             "asks":[["29001.00","0.25"]]})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json()["bids"], 2);
  EXPECT_EQ(answer.json()["asks"], 1);
  auto book = admin.on(id, "GET", "/book/BTCUSDT").json();
  ASSERT_EQ(book["bids"].size(), 2u);
  EXPECT_EQ(book["bids"][0][0], "29000.00000000");
  EXPECT_EQ(book["bids"][0][1], "1.50000000");
  EXPECT_EQ(book["asks"][0][0], "29001.00000000");
  EXPECT_EQ(book["lastUpdateId"], answer.json()["lastUpdateId"]);
  auto journal = admin.on(id, "GET", "/journal", "", "kinds=market&text=book").json();
  ASSERT_EQ(journal["entries"].size(), 1u);
  EXPECT_EQ(journal["entries"][0]["data"]["symbol"], "BTCUSDT");
}

TEST(AdminMarket, set_book_refuses_crossed_books_bad_levels_and_unknown_symbols) {
  AdminHarness admin;
  auto id = admin.create_stepped();
  auto before = admin.on(id, "GET", "/book/BTCUSDT").json();
  EXPECT_EQ(admin.on(id, "POST", "/market/book",
                     R"({"symbol":"BTCUSDT","bids":[["30000","1"]],"asks":[["30000","1"]]})")
                .status, 400);
  EXPECT_EQ(admin.on(id, "POST", "/market/book",
                     R"({"symbol":"BTCUSDT","bids":[["30000.001","1"]]})").status, 400);
  EXPECT_EQ(admin.on(id, "POST", "/market/book", R"({"symbol":"BTCUSDT","bids":[30000]})").status,
            400);
  EXPECT_EQ(admin.on(id, "POST", "/market/book", R"({"symbol":"BTCUSDT","bids":[["-1","1"]]})")
                .status, 400);
  EXPECT_EQ(admin.on(id, "POST", "/market/book", R"({"bids":[]})").status, 400);
  EXPECT_EQ(admin.on(id, "POST", "/market/book", R"({"symbol":"DOGEUSDT"})").error_code(),
            "symbol_not_found");
  EXPECT_EQ(admin.on(id, "POST", "/market/book", R"({"symbol":"BTCUSDT","depth":1})").status, 400);
  EXPECT_EQ(admin.on(id, "GET", "/book/BTCUSDT").json(), before);  // nothing changed
}

}  // namespace
}  // namespace mockex::admin::testing
