#pragma once
// What the venue reports. Each command appends its events, in the order things happened, to a
// caller-owned Events vector (the caller clears it). A rejected command appends nothing.
//
// Per command: order updates and public trades as matching happens, depth updates carrying the
// book's per-symbol update id, then one AccountPosition per account whose balances changed,
// listing only those assets with their final free/locked values.

#include <array>
#include <cstdint>
#include <variant>
#include <vector>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"
#include "mockex/core/timestamp.hpp"
#include "mockex/venue/order.hpp"
#include "mockex/venue/types.hpp"

namespace mockex::venue {

// An executionReport: `order` is the order after this update.
struct OrderUpdate {
  ExecType exec = ExecType::new_order;
  Order order;
  // "c" and "C": for a cancel, c is the cancel request's own id and C the order's; otherwise
  // c is the order's id and C is empty.
  ClientOrderId client_order_id;
  ClientOrderId orig_client_order_id;
  // The fill, for exec == trade (else zero / empty).
  std::optional<Fill> last_fill;
  // For exec == trade_prevention: the other order of the prevented match.
  core::OrderId counter_order;
  core::Timestamp time;
};

// A trade printed on the symbol (the public trade stream). Either side may be the market's own
// liquidity (order id 0); a market_trade has both sides 0.
struct PublicTrade {
  SymbolId symbol;
  core::TradeId id;
  core::Price price;
  core::Qty qty;
  bool buyer_is_maker = false;
  core::OrderId buyer_order;
  core::OrderId seller_order;
  core::Timestamp time;
};

// One price level changed (the depth stream); qty 0 removes it. update_id is the book's
// per-symbol sequence: consecutive, starting at 1.
struct DepthUpdate {
  SymbolId symbol;
  std::uint64_t update_id = 0;
  Side side = Side::buy;
  core::Price price;
  core::Qty qty;
  std::uint32_t count = 0;
  core::Timestamp time;
};

struct AssetPosition {
  AssetId asset;
  core::Amount free;
  core::Amount locked;
};

// An outboundAccountPosition: the assets of `account` that changed in one command. An
// instrument has two assets, so a command changes at most two per account.
struct AccountPosition {
  core::AccountId account;
  std::uint8_t count = 0;
  std::array<AssetPosition, 2> assets{};
  core::Timestamp time;
};

// A balanceUpdate: set_balance changed `asset` by `delta` (an admin deposit or withdrawal).
struct BalanceDelta {
  core::AccountId account;
  AssetId asset;
  core::Amount delta;
  core::Timestamp time;
};

using Event = std::variant<OrderUpdate, PublicTrade, DepthUpdate, AccountPosition, BalanceDelta>;
using Events = std::vector<Event>;

}  // namespace mockex::venue
