#include "mockex/book/types.hpp"

namespace mockex::book {

std::string_view to_string(Side side) {
  switch (side) {
    case Side::buy: return "BUY";
    case Side::sell: return "SELL";
  }
  return "UNKNOWN";
}

std::string_view to_string(OrderType type) {
  switch (type) {
    case OrderType::limit: return "LIMIT";
    case OrderType::market: return "MARKET";
    case OrderType::limit_maker: return "LIMIT_MAKER";
    case OrderType::stop_loss: return "STOP_LOSS";
    case OrderType::stop_loss_limit: return "STOP_LOSS_LIMIT";
    case OrderType::take_profit: return "TAKE_PROFIT";
    case OrderType::take_profit_limit: return "TAKE_PROFIT_LIMIT";
  }
  return "UNKNOWN";
}

std::string_view to_string(TimeInForce tif) {
  switch (tif) {
    case TimeInForce::gtc: return "GTC";
    case TimeInForce::ioc: return "IOC";
    case TimeInForce::fok: return "FOK";
  }
  return "UNKNOWN";
}

std::string_view to_string(StpMode mode) {
  switch (mode) {
    case StpMode::none: return "NONE";
    case StpMode::expire_taker: return "EXPIRE_TAKER";
    case StpMode::expire_maker: return "EXPIRE_MAKER";
    case StpMode::expire_both: return "EXPIRE_BOTH";
  }
  return "UNKNOWN";
}

std::string_view to_string(DoneReason reason) {
  switch (reason) {
    case DoneReason::filled: return "FILLED";
    case DoneReason::canceled: return "CANCELED";
    case DoneReason::expired_ioc: return "EXPIRED_IOC";
    case DoneReason::expired_fok: return "EXPIRED_FOK";
    case DoneReason::expired_no_liquidity: return "EXPIRED_NO_LIQUIDITY";
    case DoneReason::expired_in_match: return "EXPIRED_IN_MATCH";
  }
  return "UNKNOWN";
}

std::string_view to_string(OrderState state) {
  switch (state) {
    case OrderState::pending_trigger: return "PENDING_TRIGGER";
    case OrderState::resting: return "RESTING";
  }
  return "UNKNOWN";
}

}  // namespace mockex::book
