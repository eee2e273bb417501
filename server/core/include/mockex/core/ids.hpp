#pragma once
// Strong id types: an OrderId cannot be passed where a TradeId is expected. All are unsigned
// 64-bit; 0 means "no id" (for AccountId: an order that belongs to no account, e.g. background
// market liquidity the venue manages).

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace mockex::core {

template <class Tag>
class StrongId {
 public:
  using Rep = std::uint64_t;

  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep value) : value_(value) {}

  constexpr Rep value() const { return value_; }
  constexpr bool is_valid() const { return value_ != 0; }

  friend constexpr auto operator<=>(const StrongId&, const StrongId&) = default;

 private:
  Rep value_ = 0;
};

struct OrderIdTag {};
struct TradeIdTag {};
struct AccountIdTag {};
struct TimerIdTag {};

using OrderId = StrongId<OrderIdTag>;
using TradeId = StrongId<TradeIdTag>;
using AccountId = StrongId<AccountIdTag>;
using TimerId = StrongId<TimerIdTag>;

// The owner of orders that belong to no account. Such orders never self-trade.
inline constexpr AccountId kNoAccount{};

}  // namespace mockex::core

template <class Tag>
struct std::hash<mockex::core::StrongId<Tag>> {
  std::size_t operator()(const mockex::core::StrongId<Tag>& id) const noexcept {
    return std::hash<std::uint64_t>{}(id.value());
  }
};
