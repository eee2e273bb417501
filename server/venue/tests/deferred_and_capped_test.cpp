// Fault hooks of the venue: deferred matching (PlaceOrder::defer_matching, the fill_delay fault,
// released by release_deferred) and capped fills (PlaceOrder::max_fill_qty, the partial_fill
// fault). A deferred order, once released, must be indistinguishable from one placed then, so
// several tests drive a twin venue with the same commands and compare.

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "venue_test_support.hpp"

namespace mockex::venue {
namespace {

using core::ErrorCode;
using test_support::Harness;
using test_support::order;
using test_support::qty;

constexpr std::chrono::milliseconds kDelay{250};

// The market's asks: 1 BTC at 100, 2 BTC at 101.
void asks(Harness& h) {
  h.set_level(Side::sell, "100.00", "1");
  h.set_level(Side::sell, "101.00", "2");
  h.events.clear();
}

core::Result<Placed> release(Harness& h, std::uint64_t id) {
  return h.venue.release_deferred("BTCUSDT", core::OrderId{id}, h.now, h.events);
}

std::string fills_text(const std::vector<Fill>& fills) {
  std::ostringstream text;
  for (const Fill& f : fills) {
    text << f.trade_id.value() << ':' << f.price.units() << 'x' << f.qty.units() << " fee "
         << f.commission.units() << (f.is_maker ? " maker" : " taker") << ';';
  }
  return text.str();
}

// The log without its first line (a placement's NEW) and without AccountPosition lines, whose
// assets a split placement lists in another order; balances are compared separately.
std::string matching_lines(const std::string& log, bool drop_first) {
  std::istringstream in{log};
  std::string line;
  std::string kept;
  bool first = true;
  while (std::getline(in, line)) {
    const bool skip = (first && drop_first) || line.rfind("POSITION", 0) == 0;
    first = false;
    if (!skip) kept += line + '\n';
  }
  return kept;
}

void expect_same_state(const Harness& deferred, const Harness& immediate) {
  for (const std::uint64_t account : {1U, 2U}) {
    EXPECT_EQ(deferred.balance(account, "BTC"), immediate.balance(account, "BTC"));
    EXPECT_EQ(deferred.balance(account, "USDT"), immediate.balance(account, "USDT"));
  }
  EXPECT_EQ(deferred.depth(), immediate.depth());
  for (const char* asset : {"BTC", "USDT"}) {
    const AssetId id = *deferred.venue.find_asset(asset);
    EXPECT_EQ(deferred.venue.market_ledger(id), immediate.venue.market_ledger(id));
    EXPECT_EQ(deferred.venue.fees_collected(id), immediate.venue.fees_collected(id));
  }
  EXPECT_EQ(deferred.venue.check_invariants(), std::nullopt);
  EXPECT_EQ(immediate.venue.check_invariants(), std::nullopt);
}

// --- deferred matching ---

TEST(VenueDeferred, a_deferred_order_is_new_open_and_locked_but_not_in_the_book) {
  Harness h;
  asks(h);
  const std::string depth = h.depth();
  const auto placed = h.place(order(1).buy().limit("101.00").qty("1.5").deferred().client("d"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::new_order);
  EXPECT_TRUE(placed->order.is_working());
  EXPECT_TRUE(placed->fills.empty());
  EXPECT_EQ(h.take_log(),
            "ORDER BTCUSDT #1 x=NEW X=NEW acct=1 c=d BUY LIMIT GTC p=101.00 q=1.50000 z=0.00000 "
            "Z=0.00000000 T=1700000000000\n"
            "POSITION acct=1 USDT=99848.50000000/151.50000000 T=1700000000000\n");
  EXPECT_EQ(h.depth(), depth);
  EXPECT_FALSE(h.venue.book(h.symbol()).find(core::OrderId{1}));
  const std::vector<Order> open = h.venue.open_orders(core::AccountId{1}, h.symbol());
  ASSERT_EQ(open.size(), 1U);
  EXPECT_EQ(open[0].id, core::OrderId{1});
  EXPECT_EQ(open[0].status, OrderStatus::new_order);
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueDeferred, release_of_a_crossing_limit_fills_and_rests_as_a_placement_then_would) {
  Harness deferred;
  Harness immediate;
  asks(deferred);
  asks(immediate);
  const test_support::OrderBuilder buy = order(1).buy().limit("100.50").qty("1.5").client("t");
  ASSERT_TRUE(deferred.place(test_support::OrderBuilder{buy}.deferred()));
  deferred.events.clear();

  deferred.now += kDelay;
  immediate.now += kDelay;
  const auto released = release(deferred, 1);
  const auto placed = immediate.place(buy);
  ASSERT_TRUE(released);
  ASSERT_TRUE(placed);
  EXPECT_EQ(released->order.status, OrderStatus::partially_filled);
  EXPECT_EQ(released->order.status, placed->order.status);
  EXPECT_EQ(released->order.executed_qty, placed->order.executed_qty);
  EXPECT_EQ(released->order.cumulative_quote_qty, placed->order.cumulative_quote_qty);
  EXPECT_EQ(fills_text(released->fills), fills_text(placed->fills));
  ASSERT_EQ(released->fills.size(), 1U);
  EXPECT_EQ(matching_lines(deferred.take_log(), false), matching_lines(immediate.take_log(), true));
  EXPECT_EQ(deferred.depth(), "bid 0.50000@100.50 | ask 2.00000@101.00");
  expect_same_state(deferred, immediate);
}

TEST(VenueDeferred, release_of_a_market_buy_locks_again_against_the_book_as_it_now_stands) {
  Harness deferred;
  Harness immediate;
  asks(deferred);
  asks(immediate);
  const test_support::OrderBuilder buy = order(1).buy().market().qty("2").client("m");
  ASSERT_TRUE(deferred.place(test_support::OrderBuilder{buy}.deferred()));
  EXPECT_EQ(deferred.balance(1, "USDT"), "99799.00000000/201.00000000");

  // The cheap level goes before the release: 2 BTC now cost 202, more than was locked.
  for (Harness* h : {&deferred, &immediate}) {
    h->now += kDelay;
    h->set_level(Side::sell, "100.00", "0");
    h->events.clear();
  }
  const auto released = release(deferred, 1);
  const auto placed = immediate.place(buy);
  ASSERT_TRUE(released);
  ASSERT_TRUE(placed);
  EXPECT_EQ(released->order.status, OrderStatus::filled);
  EXPECT_EQ(placed->order.status, OrderStatus::filled);
  EXPECT_EQ(fills_text(released->fills), fills_text(placed->fills));
  EXPECT_EQ(matching_lines(deferred.take_log(), false), matching_lines(immediate.take_log(), true));
  EXPECT_EQ(deferred.balance(1, "USDT"), "99798.00000000/0.00000000");
  expect_same_state(deferred, immediate);
}

TEST(VenueDeferred, a_released_market_buy_the_account_can_no_longer_afford_expires) {
  Harness h;
  asks(h);
  h.fund(1, "USDT", "201");
  ASSERT_TRUE(h.place(order(1).buy().market().qty("2").deferred()));
  EXPECT_EQ(h.balance(1, "USDT"), "0.00000000/201.00000000");
  h.set_level(Side::sell, "100.00", "0");
  const std::string depth = h.depth();
  h.events.clear();

  const auto released = release(h, 1);
  ASSERT_TRUE(released);
  EXPECT_EQ(released->order.status, OrderStatus::expired);
  EXPECT_EQ(released->order.expiry_reason, ExpiryReason::insufficient_balance);
  EXPECT_TRUE(released->fills.empty());
  EXPECT_EQ(h.balance(1, "USDT"), "201.00000000/0.00000000");
  EXPECT_EQ(h.depth(), depth);
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueDeferred, cancel_of_a_deferred_order_reports_canceled_and_releases_its_lock) {
  Harness h;
  asks(h);
  ASSERT_TRUE(h.place(order(1).buy().limit("101.00").qty("1.5").deferred().client("d")));
  h.events.clear();
  CancelOrder cancel;
  cancel.account = core::AccountId{1};
  cancel.symbol = "BTCUSDT";
  cancel.order_id = core::OrderId{1};
  cancel.new_client_order_id = ClientOrderId{"x"};
  const auto canceled = h.venue.cancel_order(cancel, h.now, h.events);
  ASSERT_TRUE(canceled);
  EXPECT_EQ(canceled->order.status, OrderStatus::canceled);
  EXPECT_EQ(h.take_log(),
            "ORDER BTCUSDT #1 x=CANCELED X=CANCELED acct=1 c=x C=d BUY LIMIT GTC p=101.00 "
            "q=1.50000 z=0.00000 Z=0.00000000 T=1700000000000\n"
            "POSITION acct=1 USDT=100000.00000000/0.00000000 T=1700000000000\n");
  EXPECT_TRUE(h.venue.open_orders(core::AccountId{1}, h.symbol()).empty());
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueDeferred, release_after_cancel_is_refused_and_changes_nothing) {
  Harness h;
  asks(h);
  ASSERT_TRUE(h.place(order(1).buy().limit("101.00").qty("1.5").deferred()));
  ASSERT_TRUE(h.cancel(1, 1));
  h.events.clear();
  const std::string depth = h.depth();
  const std::string usdt = h.balance(1, "USDT");

  h.now += kDelay;
  const auto released = release(h, 1);
  ASSERT_FALSE(released);
  EXPECT_EQ(released.error(), ErrorCode::book_unknown_order);
  EXPECT_TRUE(h.events.empty());
  EXPECT_EQ(h.depth(), depth);
  EXPECT_EQ(h.balance(1, "USDT"), usdt);
  EXPECT_EQ(usdt, "100000.00000000/0.00000000");
  const auto order_now = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  ASSERT_TRUE(order_now);
  EXPECT_EQ(order_now->status, OrderStatus::canceled);
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueDeferred, release_of_an_order_not_deferred_or_released_already_is_refused) {
  Harness h;
  asks(h);
  ASSERT_TRUE(h.place(order(1).buy().limit("99.00").qty("1")));
  ASSERT_TRUE(h.place(order(1).buy().limit("98.00").qty("1").deferred()));
  ASSERT_TRUE(release(h, 2));
  h.events.clear();
  const std::string depth = h.depth();
  EXPECT_EQ(depth, "bid 1.00000@99.00 1.00000@98.00 | ask 1.00000@100.00 2.00000@101.00");

  EXPECT_EQ(release(h, 1).error(), ErrorCode::book_unknown_order);  // never deferred
  EXPECT_EQ(release(h, 2).error(), ErrorCode::book_unknown_order);  // released already
  EXPECT_EQ(release(h, 9).error(), ErrorCode::book_unknown_order);  // no such order
  EXPECT_EQ(h.venue.release_deferred("ETHUSDT", core::OrderId{2}, h.now, h.events).error(),
            ErrorCode::venue_unknown_symbol);
  EXPECT_TRUE(h.events.empty());
  EXPECT_EQ(h.depth(), depth);
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueDeferred, a_limit_maker_that_would_take_when_released_expires) {
  Harness h;
  asks(h);
  ASSERT_TRUE(h.place(order(1).buy().limit_maker("99.50").qty("1").deferred()));
  h.set_level(Side::sell, "99.00", "1");  // the market moves through it meanwhile
  const std::string depth = h.depth();
  h.events.clear();

  const auto released = release(h, 1);
  ASSERT_TRUE(released);
  EXPECT_EQ(released->order.status, OrderStatus::expired);
  EXPECT_EQ(released->order.expiry_reason, ExpiryReason::none);
  EXPECT_TRUE(released->fills.empty());
  EXPECT_EQ(h.depth(), depth);
  EXPECT_EQ(h.balance(1, "USDT"), "100000.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueDeferred, stop_orders_ignore_defer_matching) {
  Harness h;
  asks(h);
  const auto placed = h.place(order(1).sell().stop_loss("90.00").qty("1").deferred());
  ASSERT_TRUE(placed);
  EXPECT_FALSE(placed->order.is_working());
  EXPECT_EQ(release(h, 1).error(), ErrorCode::book_unknown_order);
  h.market_trade("90.00", "0.1", Side::sell);  // triggers it as usual
  const auto triggered = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  ASSERT_TRUE(triggered);
  EXPECT_TRUE(triggered->is_working());
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

// --- capped fills ---

TEST(VenueCapped, capped_market_buy_executes_the_cap_then_expires_the_rest) {
  Harness h;
  asks(h);
  const auto placed = h.place(order(1).buy().market().qty("2").max_fill("1.5").client("c"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired);
  EXPECT_EQ(placed->order.expiry_reason, ExpiryReason::insufficient_liquidity);
  EXPECT_EQ(placed->order.executed_qty, qty("1.5"));
  ASSERT_EQ(placed->fills.size(), 2U);
  EXPECT_EQ(h.take_log(),
            "ORDER BTCUSDT #1 x=NEW X=NEW acct=1 c=c BUY MARKET GTC q=2.00000 z=0.00000 "
            "Z=0.00000000 T=1700000000000\n"
            "ORDER BTCUSDT #1 x=TRADE X=PARTIALLY_FILLED acct=1 c=c BUY MARKET GTC q=2.00000 "
            "z=1.00000 Z=100.00000000 fill=1:100.00x1.00000 fee=0.00200000BTC taker "
            "T=1700000000000\n"
            "TRADE BTCUSDT #1 p=100.00 q=1.00000 buyer=1 seller=0 seller-maker T=1700000000000\n"
            "DEPTH BTCUSDT u=3 SELL p=100.00 q=0.00000 n=0 T=1700000000000\n"
            "ORDER BTCUSDT #1 x=TRADE X=PARTIALLY_FILLED acct=1 c=c BUY MARKET GTC q=2.00000 "
            "z=1.50000 Z=150.50000000 fill=2:101.00x0.50000 fee=0.00100000BTC taker "
            "T=1700000000000\n"
            "TRADE BTCUSDT #2 p=101.00 q=0.50000 buyer=1 seller=0 seller-maker T=1700000000000\n"
            "DEPTH BTCUSDT u=4 SELL p=101.00 q=1.50000 n=1 T=1700000000000\n"
            "ORDER BTCUSDT #1 x=EXPIRED X=EXPIRED acct=1 c=c BUY MARKET GTC q=2.00000 z=1.50000 "
            "Z=150.50000000 eR=INSUFFICIENT_LIQUIDITY T=1700000000000\n"
            "POSITION acct=1 USDT=99849.50000000/0.00000000 BTC=11.49700000/0.00000000 "
            "T=1700000000000\n");
  EXPECT_EQ(h.depth(), "bid | ask 1.50000@101.00");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, capped_market_buy_by_quote_amount_caps_the_base_quantity) {
  Harness h;
  asks(h);
  const auto placed = h.place(order(1).buy().market().quote("300").max_fill("1.5"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired);
  EXPECT_EQ(placed->order.expiry_reason, ExpiryReason::insufficient_liquidity);
  EXPECT_EQ(placed->order.executed_qty, qty("1.5"));
  EXPECT_EQ(placed->order.orig_qty, qty("1.5"));
  EXPECT_EQ(placed->order.cumulative_quote_qty, test_support::amount("150.5"));
  // No TRADE report claims FILLED: the budget was not what ended it.
  std::size_t trades = 0;
  for (const Event& event : h.events) {
    const auto* update = std::get_if<OrderUpdate>(&event);
    if (update == nullptr || update->exec != ExecType::trade) continue;
    ++trades;
    EXPECT_EQ(update->order.status, OrderStatus::partially_filled);
  }
  EXPECT_EQ(trades, 2U);
  EXPECT_EQ(h.balance(1, "USDT"), "99849.50000000/0.00000000");
  EXPECT_EQ(h.balance(1, "BTC"), "11.49700000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, capped_market_sell_executes_the_cap_and_releases_the_rest_of_its_base) {
  Harness h;
  h.set_level(Side::buy, "99.00", "1");
  h.set_level(Side::buy, "98.00", "2");
  const auto placed = h.place(order(1).sell().market().qty("2").max_fill("1.2"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired);
  EXPECT_EQ(placed->order.executed_qty, qty("1.2"));
  // 99 + 0.2 * 98 = 118.6 USDT, less 0.2 % taker commission.
  EXPECT_EQ(h.balance(1, "BTC"), "8.80000000/0.00000000");
  EXPECT_EQ(h.balance(1, "USDT"), "100118.36280000/0.00000000");
  EXPECT_EQ(h.depth(), "bid 1.80000@98.00 | ask");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, capped_gtc_limit_crossing_the_book_expires_the_rest_instead_of_resting) {
  Harness h;
  asks(h);
  const auto placed = h.place(order(1).buy().limit("101.00").qty("4").max_fill("1.5"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired);
  EXPECT_EQ(placed->order.tif, TimeInForce::gtc);
  EXPECT_EQ(placed->order.executed_qty, qty("1.5"));
  EXPECT_EQ(h.depth(), "bid | ask 1.50000@101.00");
  EXPECT_TRUE(h.venue.open_orders(core::AccountId{1}, h.symbol()).empty());
  EXPECT_EQ(h.balance(1, "USDT"), "99849.50000000/0.00000000");
  EXPECT_EQ(h.balance(1, "BTC"), "11.49700000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, a_cap_at_or_above_what_executes_changes_nothing) {
  for (const char* cap : {"1", "2"}) {
    SCOPED_TRACE(cap);
    Harness capped;
    Harness plain;
    asks(capped);
    asks(plain);
    // Crosses 1 BTC at 100 and rests the other 2 at 100.50, cap or no cap.
    const test_support::OrderBuilder buy = order(1).buy().limit("100.50").qty("3");
    const auto with_cap = capped.place(test_support::OrderBuilder{buy}.max_fill(cap));
    const auto without = plain.place(buy);
    ASSERT_TRUE(with_cap);
    ASSERT_TRUE(without);
    EXPECT_EQ(with_cap->order.status, OrderStatus::partially_filled);
    EXPECT_EQ(fills_text(with_cap->fills), fills_text(without->fills));
    EXPECT_EQ(capped.take_log(), plain.take_log());
    EXPECT_EQ(capped.depth(), "bid 2.00000@100.50 | ask 2.00000@101.00");
    expect_same_state(capped, plain);
  }
}

TEST(VenueCapped, own_orders_that_self_trade_prevention_removes_do_not_count_toward_the_cap) {
  Harness h;
  asks(h);
  ASSERT_TRUE(h.place(order(1).sell().limit("100.50").qty("1")));
  // 1 BTC at 100 executes; the own ask at 100.50 expires in match and is no liquidity, so the
  // order executes no more than its cap of 1.5 and the rest rests as usual.
  const auto placed = h.place(
      order(1).buy().limit("100.50").qty("3").stp(StpMode::expire_maker).max_fill("1.5"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::partially_filled);
  EXPECT_EQ(placed->order.executed_qty, qty("1"));
  EXPECT_EQ(h.depth(), "bid 2.00000@100.50 | ask 2.00000@101.00");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, the_cap_is_spent_on_placement_and_later_maker_fills_are_not_capped) {
  Harness h;
  ASSERT_TRUE(h.place(order(1).buy().limit("99.00").qty("2").max_fill("0.5")));
  const auto taker = h.place(order(2).sell().market().qty("2"));
  ASSERT_TRUE(taker);
  EXPECT_EQ(taker->order.status, OrderStatus::filled);
  const auto maker = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  ASSERT_TRUE(maker);
  EXPECT_EQ(maker->status, OrderStatus::filled);
  EXPECT_EQ(maker->executed_qty, qty("2"));
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, fok_ignores_the_cap) {
  Harness h;
  asks(h);
  const auto placed = h.place(order(1).buy().limit("101.00").qty("2").fok().max_fill("0.5"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::filled);
  EXPECT_EQ(placed->order.executed_qty, qty("2"));
  EXPECT_EQ(h.depth(), "bid | ask 1.00000@101.00");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, a_zero_cap_on_a_marketable_order_expires_it_with_no_fill) {
  Harness h;
  asks(h);
  const std::string depth = h.depth();
  const auto placed = h.place(order(1).buy().market().qty("1").max_fill("0").client("z"));
  ASSERT_TRUE(placed);
  EXPECT_EQ(placed->order.status, OrderStatus::expired);
  EXPECT_TRUE(placed->fills.empty());
  EXPECT_EQ(h.take_log(),
            "ORDER BTCUSDT #1 x=NEW X=NEW acct=1 c=z BUY MARKET GTC q=1.00000 z=0.00000 "
            "Z=0.00000000 T=1700000000000\n"
            "ORDER BTCUSDT #1 x=EXPIRED X=EXPIRED acct=1 c=z BUY MARKET GTC q=1.00000 z=0.00000 "
            "Z=0.00000000 eR=INSUFFICIENT_LIQUIDITY T=1700000000000\n"
            "POSITION acct=1 USDT=100000.00000000/0.00000000 T=1700000000000\n");
  EXPECT_EQ(h.depth(), depth);
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, a_negative_cap_is_rejected) {
  Harness h;
  test_support::OrderBuilder buy = order(1).buy().limit("100.00").qty("1");
  PlaceOrder command = buy.get();
  command.max_fill_qty = core::Qty{-1};
  EXPECT_EQ(h.place(command).error(), ErrorCode::book_invalid_quantity);
  EXPECT_EQ(h.venue.test_order(command).error(), ErrorCode::book_invalid_quantity);
}

TEST(VenueCapped, the_cap_applies_when_a_deferred_order_is_released) {
  Harness h;
  asks(h);
  ASSERT_TRUE(h.place(order(1).buy().limit("101.00").qty("4").max_fill("1.5").deferred()));
  EXPECT_EQ(h.balance(1, "USDT"), "99596.00000000/404.00000000");
  const auto released = release(h, 1);
  ASSERT_TRUE(released);
  EXPECT_EQ(released->order.status, OrderStatus::expired);
  EXPECT_EQ(released->order.executed_qty, qty("1.5"));
  ASSERT_EQ(released->fills.size(), 2U);
  EXPECT_EQ(h.balance(1, "USDT"), "99849.50000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

TEST(VenueCapped, the_cap_applies_when_a_stop_triggers) {
  Harness h;
  asks(h);
  ASSERT_TRUE(h.place(order(1).buy().stop_loss("100.00").qty("2").max_fill("0.5")));
  h.market_trade("100.00", "0.1", Side::buy);  // takes 0.1 of the market's ask at 100
  const auto stop = h.venue.query_order(core::AccountId{1}, h.symbol(), core::OrderId{1}, {});
  ASSERT_TRUE(stop);
  EXPECT_EQ(stop->status, OrderStatus::expired);
  EXPECT_EQ(stop->expiry_reason, ExpiryReason::insufficient_liquidity);
  EXPECT_EQ(stop->executed_qty, qty("0.5"));
  EXPECT_EQ(h.depth(), "bid | ask 0.40000@100.00 2.00000@101.00");
  EXPECT_EQ(h.balance(1, "USDT"), "99950.00000000/0.00000000");
  EXPECT_EQ(h.venue.check_invariants(), std::nullopt);
}

}  // namespace
}  // namespace mockex::venue
