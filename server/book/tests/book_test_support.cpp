#include "book_test_support.hpp"

#include <algorithm>
#include <cstdio>

#include "mockex/core/decimal.hpp"

namespace mockex::book::test_support {

BookConfig test_config() {
  BookConfig config;
  config.price_scale = core::Scale{2};
  config.qty_scale = core::Scale{3};
  config.quote_scale = core::Scale{2};
  config.qty_step = core::Qty{1};
  return config;
}

core::Price px(std::string_view text) {
  auto value = core::parse_price(text, test_config().price_scale);
  EXPECT_TRUE(value.ok()) << "bad test price " << text;
  return value.value_or(core::Price{});
}

core::Qty qty(std::string_view text) {
  auto value = core::parse_qty(text, test_config().qty_scale);
  EXPECT_TRUE(value.ok()) << "bad test qty " << text;
  return value.value_or(core::Qty{});
}

core::Amount quote(std::string_view text) {
  auto value = core::parse_amount(text, test_config().quote_scale);
  EXPECT_TRUE(value.ok()) << "bad test quote amount " << text;
  return value.value_or(core::Amount{});
}

OrderBuilder::OrderBuilder(std::uint64_t id) { order_.id = core::OrderId{id}; }

OrderBuilder& OrderBuilder::buy() {
  order_.side = Side::buy;
  return *this;
}
OrderBuilder& OrderBuilder::sell() {
  order_.side = Side::sell;
  return *this;
}
OrderBuilder& OrderBuilder::owner(std::uint64_t account) {
  order_.owner = core::AccountId{account};
  return *this;
}
OrderBuilder& OrderBuilder::limit(std::string_view price) {
  order_.type = OrderType::limit;
  order_.price = px(price);
  return *this;
}
OrderBuilder& OrderBuilder::limit_maker(std::string_view price) {
  order_.type = OrderType::limit_maker;
  order_.price = px(price);
  return *this;
}
OrderBuilder& OrderBuilder::market() {
  order_.type = OrderType::market;
  return *this;
}
OrderBuilder& OrderBuilder::stop_loss(std::string_view stop) {
  order_.type = OrderType::stop_loss;
  order_.stop_price = px(stop);
  return *this;
}
OrderBuilder& OrderBuilder::stop_loss_limit(std::string_view stop, std::string_view price) {
  order_.type = OrderType::stop_loss_limit;
  order_.stop_price = px(stop);
  order_.price = px(price);
  return *this;
}
OrderBuilder& OrderBuilder::take_profit(std::string_view stop) {
  order_.type = OrderType::take_profit;
  order_.stop_price = px(stop);
  return *this;
}
OrderBuilder& OrderBuilder::take_profit_limit(std::string_view stop, std::string_view price) {
  order_.type = OrderType::take_profit_limit;
  order_.stop_price = px(stop);
  order_.price = px(price);
  return *this;
}
OrderBuilder& OrderBuilder::qty(std::string_view amount) {
  order_.qty = test_support::qty(amount);
  return *this;
}
OrderBuilder& OrderBuilder::quote(std::string_view amount) {
  order_.quote_qty = test_support::quote(amount);
  return *this;
}
OrderBuilder& OrderBuilder::ioc() {
  order_.tif = TimeInForce::ioc;
  return *this;
}
OrderBuilder& OrderBuilder::fok() {
  order_.tif = TimeInForce::fok;
  return *this;
}
OrderBuilder& OrderBuilder::stp(StpMode mode) {
  order_.stp = mode;
  return *this;
}

std::string event_log(const Events& events, const BookConfig& config) {
  std::string out;
  for (const Event& event : events) {
    append_event(out, event, config);
    out += '\n';
  }
  return out;
}

std::string depth_table(const OrderBook& book, std::size_t max_levels) {
  const BookConfig& config = book.config();
  const DepthSnapshot snapshot = book.depth(max_levels);
  auto cell = [](std::string_view text, int width, bool right) {
    std::string padded(
        static_cast<std::size_t>(std::max<int>(0, width - static_cast<int>(text.size()))), ' ');
    return right ? padded + std::string(text) : std::string(text) + padded;
  };
  std::string out = "  n      qty      bid | ask          qty  n\n";
  const std::size_t rows = std::max(snapshot.bids.size(), snapshot.asks.size());
  for (std::size_t i = 0; i < rows; ++i) {
    std::string line;
    if (i < snapshot.bids.size()) {
      const LevelInfo& bid = snapshot.bids[i];
      line += cell(std::to_string(bid.count), 3, true);
      line += cell(core::format_decimal(bid.qty.units(), config.qty_scale), 9, true);
      line += cell(core::format_decimal(bid.price.units(), config.price_scale), 9, true);
    } else {
      line += std::string(21, ' ');
    }
    line += " |";
    if (i < snapshot.asks.size()) {
      const LevelInfo& ask = snapshot.asks[i];
      line += ' ';
      line += cell(core::format_decimal(ask.price.units(), config.price_scale), 9, false);
      line += cell(core::format_decimal(ask.qty.units(), config.qty_scale), 7, true);
      line += cell(std::to_string(ask.count), 3, true);
    }
    out += line;
    out += '\n';
  }
  return out;
}

core::Status BookTest::submit(const NewOrder& order) {
  events_.clear();
  auto status = book_.submit(order, events_);
  expect_invariants();
  return status;
}

core::Status BookTest::cancel(std::uint64_t id) {
  events_.clear();
  auto status = book_.cancel(core::OrderId{id}, events_);
  expect_invariants();
  return status;
}

std::size_t BookTest::cancel_all(std::uint64_t owner) {
  events_.clear();
  const std::size_t count = book_.cancel_all(core::AccountId{owner}, events_);
  expect_invariants();
  return count;
}

core::Status BookTest::replace(std::uint64_t old_id, const NewOrder& order) {
  events_.clear();
  auto status = book_.replace(core::OrderId{old_id}, order, events_);
  expect_invariants();
  return status;
}

core::Status BookTest::amend(std::uint64_t id, std::string_view open_qty) {
  events_.clear();
  auto status = book_.amend_qty(core::OrderId{id}, qty(open_qty), events_);
  expect_invariants();
  return status;
}

core::Status BookTest::last_price(std::string_view price) {
  events_.clear();
  auto status = book_.set_last_price(px(price), events_);
  expect_invariants();
  return status;
}

void BookTest::expect_invariants() const { EXPECT_EQ(book_.check_invariants(), std::nullopt); }

}  // namespace mockex::book::test_support
