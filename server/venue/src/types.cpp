#include "mockex/venue/types.hpp"

#include <algorithm>

namespace mockex::venue {

ClientOrderId::ClientOrderId(std::string_view text) {
  size_ = static_cast<std::uint8_t>(std::min(text.size(), kMaxSize));
  std::copy_n(text.data(), size_, data_.data());
}

std::string_view to_string(OrderStatus status) {
  switch (status) {
    case OrderStatus::new_order: return "NEW";
    case OrderStatus::partially_filled: return "PARTIALLY_FILLED";
    case OrderStatus::filled: return "FILLED";
    case OrderStatus::canceled: return "CANCELED";
    case OrderStatus::rejected: return "REJECTED";
    case OrderStatus::expired: return "EXPIRED";
    case OrderStatus::expired_in_match: return "EXPIRED_IN_MATCH";
  }
  return "UNKNOWN";
}

std::string_view to_string(ExecType type) {
  switch (type) {
    case ExecType::new_order: return "NEW";
    case ExecType::trade: return "TRADE";
    case ExecType::canceled: return "CANCELED";
    case ExecType::expired: return "EXPIRED";
    case ExecType::rejected: return "REJECTED";
    case ExecType::trade_prevention: return "TRADE_PREVENTION";
  }
  return "UNKNOWN";
}

std::string_view to_string(ExpiryReason reason) {
  switch (reason) {
    case ExpiryReason::none: return "";
    case ExpiryReason::unfilled_ioc: return "UNFILLED_IOC_QUANTITY_EXPIRED";
    case ExpiryReason::unfilled_fok: return "UNFILLED_FOK_ORDER_EXPIRED";
    case ExpiryReason::insufficient_liquidity: return "INSUFFICIENT_LIQUIDITY";
    case ExpiryReason::insufficient_balance: return "INSUFFICIENT_BALANCE";
  }
  return "UNKNOWN";
}

std::string_view to_string(TradingStatus status) {
  switch (status) {
    case TradingStatus::trading: return "TRADING";
    case TradingStatus::halt: return "HALT";
    case TradingStatus::break_status: return "BREAK";
  }
  return "UNKNOWN";
}

std::string_view to_string(FillModel model) {
  switch (model) {
    case FillModel::optimistic: return "optimistic";
    case FillModel::queue: return "queue";
  }
  return "unknown";
}

}  // namespace mockex::venue
