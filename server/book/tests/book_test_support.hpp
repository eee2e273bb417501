#pragma once
// Shared helpers for the book tests: a readable order builder, a fixture that checks the
// invariants after every command, and text renderings of events and depth.
//
// Test scales: prices with 2 decimals ("100.00"), quantities with 3 ("1.500"), quote amounts
// with 2; MARKET orders by quote amount trade multiples of 0.001.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "mockex/book/event_format.hpp"
#include "mockex/book/order_book.hpp"

namespace mockex::book::test_support {

BookConfig test_config();

core::Price px(std::string_view text);
core::Qty qty(std::string_view text);
core::Amount quote(std::string_view text);

// order(1).buy().limit("100.00").qty("1.000").owner(7)
class OrderBuilder {
 public:
  explicit OrderBuilder(std::uint64_t id);

  OrderBuilder& buy();
  OrderBuilder& sell();
  OrderBuilder& owner(std::uint64_t account);
  OrderBuilder& limit(std::string_view price);
  OrderBuilder& limit_maker(std::string_view price);
  OrderBuilder& market();
  OrderBuilder& stop_loss(std::string_view stop);
  OrderBuilder& stop_loss_limit(std::string_view stop, std::string_view price);
  OrderBuilder& take_profit(std::string_view stop);
  OrderBuilder& take_profit_limit(std::string_view stop, std::string_view price);
  OrderBuilder& qty(std::string_view amount);
  OrderBuilder& quote(std::string_view amount);
  OrderBuilder& ioc();
  OrderBuilder& fok();
  OrderBuilder& stp(StpMode mode);

  const NewOrder& get() const { return order_; }
  operator const NewOrder&() const { return order_; }  // NOLINT(google-explicit-constructor)

 private:
  NewOrder order_;
};

inline OrderBuilder order(std::uint64_t id) { return OrderBuilder{id}; }

// Events as lines, one per event, each ending in '\n'.
std::string event_log(const Events& events, const BookConfig& config);

// Depth as a table, best prices on the first row:
//   "  n      qty      bid | ask          qty  n"
std::string depth_table(const OrderBook& book, std::size_t max_levels = 10);

// A fixture holding one book; every command clears `events`, runs, and checks the invariants.
class BookTest : public ::testing::Test {
 protected:
  core::Status submit(const NewOrder& order);
  core::Status cancel(std::uint64_t id);
  std::size_t cancel_all(std::uint64_t owner);
  core::Status replace(std::uint64_t old_id, const NewOrder& order);
  core::Status amend(std::uint64_t id, std::string_view open_qty);
  core::Status last_price(std::string_view price);

  // Log of the last command's events.
  std::string log() const { return event_log(events_, book_.config()); }
  std::string depth() const { return depth_table(book_); }
  void expect_invariants() const;

  OrderBook book_{test_config()};
  Events events_;
};

}  // namespace mockex::book::test_support
