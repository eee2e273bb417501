// A fixed command script through every feature; its event log must stay byte-identical. A
// change here changes what the venue journals and what clients see: review it, don't just
// re-record it.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "book_test_support.hpp"

namespace mockex::book {
namespace {

using test_support::order;
using test_support::px;
using test_support::qty;

std::string run_script(OrderBook& book) {
  Events events;
  std::string log;
  auto step = [&](std::string_view title, core::Status status) {
    log += '#';
    if (!title.empty()) {
      log += ' ';
      log += title;
    }
    if (!status.ok()) {
      log += " -> ";
      log += core::name(status.error());
    }
    log += '\n';
    log += test_support::event_log(events, book.config());
    events.clear();
  };
  using core::AccountId;
  using core::OrderId;
  step("maker asks", book.submit(order(1).sell().limit("101.00").qty("1.000").owner(1), events));
  step("", book.submit(order(2).sell().limit("101.00").qty("2.000").owner(2), events));
  step("", book.submit(order(3).sell().limit("102.50").qty("1.500"), events));
  step("maker bids", book.submit(order(4).buy().limit("99.00").qty("2.000").owner(2), events));
  step("", book.submit(order(5).buy().limit_maker("99.50").qty("1.000").owner(3), events));
  step("post-only that would take",
       book.submit(order(6).buy().limit_maker("101.00").qty("1.000"), events));
  step("stops", book.submit(order(7).sell().stop_loss("99.50").qty("1.500").owner(3), events));
  step("", book.submit(order(8).buy().take_profit_limit("99.00", "101.00").qty("0.500"), events));
  step("crossing limit", book.submit(order(9).buy().limit("101.00").qty("1.500").owner(3), events));
  step("ioc", book.submit(order(10).buy().limit("102.50").qty("5.000").ioc(), events));
  step("fok fails", book.submit(order(11).sell().limit("99.00").qty("9.000").fok(), events));
  step("stp expire maker",
       book.submit(order(12).sell().limit("99.50").qty("0.500").owner(3).stp(StpMode::expire_maker),
                   events));
  step("market sell triggers both stops",
       book.submit(order(13).sell().market().qty("1.000"), events));
  step("refill", book.submit(order(16).sell().limit("100.00").qty("2.000").owner(3), events));
  step("", book.submit(order(17).sell().limit("100.50").qty("1.000").owner(4), events));
  step("", book.submit(order(18).buy().limit("98.00").qty("1.000").owner(3), events));
  step("amend down", book.amend_qty(OrderId{16}, qty("1.500"), events));
  step("replace",
       book.replace(OrderId{18}, order(19).buy().limit("98.50").qty("2.000").owner(3), events));
  step("market buy by quote", book.submit(order(20).buy().market().quote("200.00"), events));
  step("cancel", book.cancel(OrderId{17}, events));
  step("cancel again", book.cancel(OrderId{17}, events));
  step("pending stop",
       book.submit(order(21).buy().stop_loss_limit("110.00", "111.00").qty("1.000").owner(3),
                   events));
  const std::size_t cancelled = book.cancel_all(AccountId{3}, events);
  step("cancel all of account 3: " + std::to_string(cancelled), core::Status{});
  step("background", book.submit(order(22).buy().limit("97.00").qty("1.000").owner(5), events));
  step("", book.submit(order(23).sell().limit("105.00").qty("1.000"), events));
  step("", book.submit(order(24).buy().stop_loss("110.00").qty("0.500").owner(5), events));
  step("external trade triggers", book.set_last_price(px("120.00"), events));
  return log;
}

// The expected log lives in tests/golden/ (MOCKEX_BOOK_GOLDEN_DIR is set by CMake).
std::string expected_log() {
  const std::string path = std::string(MOCKEX_BOOK_GOLDEN_DIR) + "/order_book_script.log";
  std::ifstream file{path, std::ios::binary};
  EXPECT_TRUE(file.good()) << "cannot read " << path;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(OrderBookGolden, fixed_script_gives_byte_identical_event_log) {
  OrderBook book{test_support::test_config()};
  EXPECT_EQ(run_script(book), expected_log());
  EXPECT_EQ(book.check_invariants(), std::nullopt);
  EXPECT_EQ(test_support::depth_table(book),
            "  n      qty      bid | ask          qty  n\n"
            "  1    1.000    97.00 | 105.00     0.500  1\n");
}

TEST(OrderBookGolden, fixed_script_gives_golden_state_hash) {
  OrderBook book{test_support::test_config()};
  (void)run_script(book);
  EXPECT_EQ(book.state_hash(), 0x7cbcc9da713eaf7bULL);
}

}  // namespace
}  // namespace mockex::book
