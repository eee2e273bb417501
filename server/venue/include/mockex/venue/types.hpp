#pragma once
// Small value types of the venue: order statuses and execution types as Binance names them,
// trading status, fill model, client order ids, asset and symbol handles, commission rates.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "mockex/book/types.hpp"

namespace mockex::venue {

using book::OrderType;
using book::Side;
using book::StpMode;
using book::TimeInForce;

// Binance order status ("X" in executionReport).
enum class OrderStatus : std::uint8_t {
  new_order,  // NEW
  partially_filled,
  filled,
  canceled,
  rejected,   // only in events (a triggered stop that cannot be afforded is EXPIRED instead)
  expired,
  expired_in_match,  // self-trade prevention
};

// Binance execution type ("x" in executionReport).
enum class ExecType : std::uint8_t { new_order, trade, canceled, expired, rejected, trade_prevention };

// Why an order expired (Binance "expiryReason" / "eR"); none for other statuses.
enum class ExpiryReason : std::uint8_t {
  none,
  unfilled_ioc,           // UNFILLED_IOC_QUANTITY_EXPIRED
  unfilled_fok,           // UNFILLED_FOK_ORDER_EXPIRED
  insufficient_liquidity, // INSUFFICIENT_LIQUIDITY: MARKET remainder once the book ran out
  insufficient_balance,   // a triggered stop-market BUY whose cost the account could not cover
};

// Symbol status. Only TRADING accepts new orders; cancels are accepted in every status.
enum class TradingStatus : std::uint8_t { trading, halt, break_status };

// How client orders resting in the book fill against the market's own trades (market_trade).
enum class FillModel : std::uint8_t {
  optimistic,  // every client order at or through the trade price fills completely
  queue,       // at the trade price the volume ahead in the queue trades first
};

std::string_view to_string(OrderStatus status);    // "NEW", "PARTIALLY_FILLED", ...
std::string_view to_string(ExecType type);         // "NEW", "TRADE", "TRADE_PREVENTION", ...
std::string_view to_string(ExpiryReason reason);   // "", "UNFILLED_IOC_QUANTITY_EXPIRED", ...
std::string_view to_string(TradingStatus status);  // "TRADING", "HALT", "BREAK"
std::string_view to_string(FillModel model);       // "optimistic", "queue"

constexpr bool is_final(OrderStatus status) {
  return status != OrderStatus::new_order && status != OrderStatus::partially_filled;
}

// Index of an instrument in its Venue (dense, in the order add_instrument accepted them).
struct SymbolId {
  std::uint32_t value = 0;
  friend constexpr auto operator<=>(const SymbolId&, const SymbolId&) = default;
};

// Index of an asset in its Venue (dense, in the order add_asset accepted them).
struct AssetId {
  std::uint32_t value = 0;
  friend constexpr auto operator<=>(const AssetId&, const AssetId&) = default;
};

// A commission rate as a fraction in units of 1e-8: Binance's "0.00100000" (0.1 %) is 100000.
struct CommissionRate {
  static constexpr std::int64_t kOne = 100'000'000;
  std::int64_t units = 0;
  friend constexpr auto operator<=>(const CommissionRate&, const CommissionRate&) = default;
};

// A client order id: up to 36 characters (Binance's limit), stored inline so orders and events
// copy without allocating. The dialect checks the character set; an empty id means "none".
class ClientOrderId {
 public:
  static constexpr std::size_t kMaxSize = 36;

  constexpr ClientOrderId() = default;
  // Truncates beyond kMaxSize; fits() tells whether text would fit.
  explicit ClientOrderId(std::string_view text);
  static constexpr bool fits(std::string_view text) { return text.size() <= kMaxSize; }

  std::string_view view() const { return {data_.data(), size_}; }
  bool empty() const { return size_ == 0; }
  friend bool operator==(const ClientOrderId& a, const ClientOrderId& b) {
    return a.view() == b.view();
  }

 private:
  std::array<char, kMaxSize> data_{};
  std::uint8_t size_ = 0;
};

}  // namespace mockex::venue

template <>
struct std::hash<mockex::venue::ClientOrderId> {
  std::size_t operator()(const mockex::venue::ClientOrderId& id) const noexcept {
    return std::hash<std::string_view>{}(id.view());
  }
};
