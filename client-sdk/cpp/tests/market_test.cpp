#include "sdk_test.hpp"

namespace mockex::sdk::testing {
namespace {

using MarketTest = SdkTest;

TEST_F(MarketTest, halt_and_resume_show_in_the_book_status) {
  auto halted = session.market().halt("BTCUSDT");
  EXPECT_EQ(halted.action, "halt");
  EXPECT_EQ(halted.symbol, "BTCUSDT");
  EXPECT_EQ(halted.now_ms, session.created_info().start_ms);
  EXPECT_GT(halted.journal_seq, 0u);
  EXPECT_EQ(session.book("BTCUSDT").status, "HALT");
  session.market().resume("BTCUSDT");
  EXPECT_EQ(session.book("BTCUSDT").status, "TRADING");
}

TEST_F(MarketTest, an_empty_symbol_acts_on_every_symbol) {
  auto halted = session.market().halt("");
  EXPECT_EQ(halted.symbol, "");
  EXPECT_EQ(session.book("ETHUSDT").status, "HALT");
}

TEST_F(MarketTest, shock_moves_the_mid) {
  auto before = std::stod(session.book("BTCUSDT", 1).bids.at(0).price);
  auto shock = session.market().shock("BTCUSDT", "-10");
  EXPECT_EQ(shock.action, "shock");
  session.clock().advance("200ms");  // the next re-quote
  auto after = std::stod(session.book("BTCUSDT", 1).bids.at(0).price);
  EXPECT_LT(after, before * 0.95);
}

TEST_F(MarketTest, shock_over_a_duration) {
  EXPECT_EQ(session.market().shock("ETHUSDT", "5", "30s").action, "shock");
}

TEST_F(MarketTest, liquidity_and_spread_actions_are_journaled) {
  EXPECT_EQ(session.market().liquidity("ETHUSDT", "0.2").action, "liquidity");
  EXPECT_EQ(session.market().spread_factor("ETHUSDT", "3").action, "spread");
  EXPECT_EQ(session.market().spread_bps("BTCUSDT", 25).action, "spread");
  auto page = session.journal().query({.kinds = {"market"}});
  EXPECT_EQ(page.entries.size(), 3u);
}

TEST_F(MarketTest, set_book_gives_exactly_those_levels) {
  auto action = session.market().set_book("BTCUSDT", {{"29000.00", "1.5"}, {"28999.99", "2"}},
                                          {{"29001.00", "0.25"}});
  EXPECT_EQ(action.action, "book");
  EXPECT_EQ(action.raw.at("bids"), 2);
  auto book = session.book("BTCUSDT", 5);
  EXPECT_EQ(book.symbol, "BTCUSDT");
  EXPECT_EQ(book.last_update_id, action.raw.at("lastUpdateId").get<std::uint64_t>());
  ASSERT_EQ(book.bids.size(), 2u);
  EXPECT_EQ(book.bids[0], (Level{"29000.00000000", "1.50000000"}));
  EXPECT_EQ(book.bids[1], (Level{"28999.99000000", "2.00000000"}));
  ASSERT_EQ(book.asks.size(), 1u);
  EXPECT_EQ(book.asks[0], (Level{"29001.00000000", "0.25000000"}));
}

TEST_F(MarketTest, book_limit_caps_the_levels_per_side) {
  EXPECT_TRUE(session.book("BTCUSDT").last_price.empty());  // no trade yet
  session.clock().advance("2s");                             // market trades, 5 a second
  auto book = session.book("BTCUSDT", 3);
  EXPECT_EQ(book.bids.size(), 3u);
  EXPECT_EQ(book.asks.size(), 3u);
  EXPECT_FALSE(book.last_price.empty());
}

TEST_F(MarketTest, balances_get_set_deposit_withdraw_are_exact_decimals) {
  auto balances = session.balances().get("demo-key");
  ASSERT_EQ(balances.size(), 3u);
  EXPECT_EQ(balances[0].account, "demo-key");
  EXPECT_EQ(balances[0].asset, "BTC");
  EXPECT_EQ(balances[0].free, "10.00000000");
  EXPECT_EQ(balances[0].locked, "0.00000000");

  auto set = session.balances().set("demo-key", "USDT", "250.5");
  EXPECT_EQ(set.account, "demo-key");
  EXPECT_EQ(set.free, "250.50000000");
  EXPECT_EQ(session.balances().deposit("demo-key", "USDT", "0.00000001").free, "250.50000001");
  EXPECT_EQ(session.balances().withdraw("demo-key", "USDT", "50.5").free, "200.00000001");
  EXPECT_EQ(session.balances().get("demo-key").back().free, "200.00000001");
}

TEST_F(MarketTest, orders_of_a_fresh_account_are_none) {
  EXPECT_TRUE(session.orders("demo-key").empty());
  EXPECT_TRUE(session.orders("demo-key", "BTCUSDT", "all").empty());
}

}  // namespace
}  // namespace mockex::sdk::testing
