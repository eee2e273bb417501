#pragma once
// An order as the venue reports it (Binance's order query shape), and one fill of it (an entry of
// "fills" and of myTrades).

#include <cstdint>
#include <optional>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"
#include "mockex/core/timestamp.hpp"
#include "mockex/venue/types.hpp"

namespace mockex::venue {

struct Order {
  SymbolId symbol;
  core::OrderId id;  // per symbol, counts up from 1 (Binance orderId)
  core::AccountId account;
  ClientOrderId client_order_id;
  Side side = Side::buy;
  OrderType type = OrderType::limit;
  TimeInForce tif = TimeInForce::gtc;  // GTC for types without one (MARKET: Binance says GTC too)
  StpMode stp = StpMode::none;
  core::Price price;       // limit price; zero for MARKET, STOP_LOSS, TAKE_PROFIT
  core::Price stop_price;  // zero for non-stop types
  core::Qty orig_qty;      // for a MARKET by quote amount: what it executed, once done
  core::Amount orig_quote_qty;        // quoteOrderQty of a MARKET by quote amount, else zero
  core::Qty executed_qty;
  core::Amount cumulative_quote_qty;  // sum of the fills' quote amounts (quote asset scale)
  OrderStatus status = OrderStatus::new_order;
  ExpiryReason expiry_reason = ExpiryReason::none;
  core::Timestamp time;         // created ("time", "O")
  core::Timestamp update_time;  // last change ("updateTime")
  // When it started working in the book ("workingTime"); none for a stop not yet triggered.
  std::optional<core::Timestamp> working_time;
  // The last self-trade prevention that involved this order (Binance preventedMatchId and
  // preventedQuantity); 0 when none.
  std::uint64_t prevented_match_id = 0;
  core::Qty prevented_qty;

  bool is_working() const { return working_time.has_value(); }
};

// One execution of one order.
struct Fill {
  SymbolId symbol;
  core::TradeId trade_id;  // per symbol, counts up from 1
  core::OrderId order;
  core::AccountId account;
  Side side = Side::buy;  // the side of `order` (isBuyer = side == BUY)
  bool is_maker = false;
  core::Price price;
  core::Qty qty;
  core::Amount quote_qty;   // price * qty at the quote scale, rounded down
  core::Amount commission;  // in commission_asset, at that asset's scale
  AssetId commission_asset; // the asset received: base for a BUY, quote for a SELL
  core::Timestamp time;
};

}  // namespace mockex::venue
