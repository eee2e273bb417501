#pragma once
// A trading account: its API key, commission rates and balances per asset.

#include <string>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/ids.hpp"
#include "mockex/venue/types.hpp"

namespace mockex::venue {

struct AccountSpec {
  core::AccountId id;   // must be valid (non-zero) and unique in the venue
  std::string api_key;  // unique in the venue; the dialect finds the account by it
  // Charged on what each fill gives the account (base for a BUY, quote for a SELL), rounded down
  // to the asset's scale: maker rate when the order rested, taker rate when it took.
  CommissionRate maker{100'000};  // 0.1 %
  CommissionRate taker{100'000};
};

// One asset of one account, at the asset's scale. `locked` backs open orders; never negative.
struct Balance {
  core::Amount free;
  core::Amount locked;
  friend bool operator==(const Balance&, const Balance&) = default;
};

}  // namespace mockex::venue
