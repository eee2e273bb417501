// A fixed command script through every feature of the venue; its event log must stay
// byte-identical. A change here changes what the journal records and what clients are sent:
// review the diff, don't just re-record it (MOCKEX_UPDATE_GOLDEN=1 rewrites the file).

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "venue_test_support.hpp"

namespace mockex::venue {
namespace {

using test_support::Harness;
using test_support::order;
using test_support::px;
using test_support::qty;

std::string run_script() {
  InstrumentSpec spec = test_support::btcusdt();
  spec.fill_model = FillModel::queue;
  Harness h{spec, 2024};
  std::string log;
  auto step = [&](std::string_view title, core::ErrorCode error = core::ErrorCode::ok) {
    log += "# ";
    log += title;
    if (error != core::ErrorCode::ok) {
      log += " -> ";
      log += core::name(error);
    }
    log += '\n';
    log += h.take_log();
    h.now += std::chrono::milliseconds{250};
  };
  auto placed = [](const core::Result<Placed>& result) { return result.error(); };

  h.events.clear();
  h.fund(3, "USDT", "500");
  step("deposit");
  h.set_level(Side::sell, "100.50", "2");
  h.set_level(Side::sell, "101.00", "3");
  h.set_level(Side::buy, "99.50", "5");
  h.set_level(Side::buy, "99.00", "2");
  step("market levels");
  step("maker bid joins behind 5", placed(h.place(order(1).buy().limit("99.50").qty("1").client("bid-1"))));
  step("taker buy sweeps two levels",
       placed(h.place(order(2).buy().limit("101.00").qty("3").client("sweep"))));
  step("rejected: notional", placed(h.place(order(2).buy().limit("99.00").qty("0.01"))));
  step("rejected: balance", placed(h.place(order(3).buy().limit("99.00").qty("6"))));
  step("rejected: duplicate client id",
       placed(h.place(order(1).buy().limit("99.00").qty("1").client("bid-1"))));
  step("market buy by quote", placed(h.place(order(3).buy().market().quote("200").client("mq"))));
  step("stop loss sell", placed(h.place(order(2).sell().stop_loss("99.00").qty("0.5").client("stop"))));
  step("market trade: 4 of the 5 ahead", h.venue.market_trade("BTCUSDT", px("99.50"), qty("4"),
                                                              Side::sell, h.now, h.events).error());
  step("market trade: the last 1 ahead, then 0.5 for the client",
       h.venue.market_trade("BTCUSDT", px("99.50"), qty("1.5"), Side::sell, h.now, h.events).error());
  step("market trade below the bid: the client's rest is traded through, the stop triggers",
       h.venue.market_trade("BTCUSDT", px("99.00"), qty("0.1"), Side::sell, h.now, h.events).error());
  step("self trade prevented",
       placed(h.place(order(2).sell().limit("101.50").qty("0.5").client("own-ask"))));
  step("", placed(h.place(order(2).buy().limit("101.50").qty("0.5").stp(StpMode::expire_maker).client("own-bid"))));
  CancelOrder cancel;
  cancel.account = core::AccountId{2};
  cancel.symbol = "BTCUSDT";
  cancel.orig_client_order_id = ClientOrderId{"own-bid"};
  cancel.new_client_order_id = ClientOrderId{"cxl-1"};
  step("cancel by client id", h.venue.cancel_order(cancel, h.now, h.events).error());
  step("book moves through a resting ask",
       placed(h.place(order(1).sell().limit("102.00").qty("1").client("ask-1"))));
  h.set_level(Side::buy, "102.50", "0.4");
  step("");
  CancelReplace replace;
  replace.cancel.account = core::AccountId{1};
  replace.cancel.symbol = "BTCUSDT";
  replace.cancel.orig_client_order_id = ClientOrderId{"ask-1"};
  replace.place = order(1).sell().limit("103.00").qty("0.6").client("ask-2");
  const CancelReplaced replaced = h.venue.cancel_replace(replace, h.now, h.events);
  step("cancel replace", replaced.place_status.error());
  EXPECT_TRUE(h.venue.set_trading_status("BTCUSDT", TradingStatus::halt));
  step("halted", placed(h.place(order(1).buy().limit("99.00").qty("1"))));
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
  log += "# depth " + h.depth() + '\n';
  for (std::uint64_t account = 1; account <= 3; ++account) {
    log += "# account " + std::to_string(account) + " BTC " + h.balance(account, "BTC") +
           " USDT " + h.balance(account, "USDT") + '\n';
  }
  return log;
}

std::string golden_path() { return std::string(MOCKEX_VENUE_GOLDEN_DIR) + "/venue_script.log"; }

TEST(VenueGolden, fixed_script_gives_byte_identical_event_log) {
  const std::string log = run_script();
  if (std::getenv("MOCKEX_UPDATE_GOLDEN") != nullptr) {
    std::ofstream{golden_path(), std::ios::binary} << log;
  }
  std::ifstream file{golden_path(), std::ios::binary};
  ASSERT_TRUE(file.good()) << "cannot read " << golden_path();
  std::ostringstream expected;
  expected << file.rdbuf();
  EXPECT_EQ(log, expected.str());
}

TEST(VenueGolden, same_script_twice_gives_the_same_log) { EXPECT_EQ(run_script(), run_script()); }

}  // namespace
}  // namespace mockex::venue
