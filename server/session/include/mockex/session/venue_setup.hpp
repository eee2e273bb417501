#pragma once
// A scenario's instruments, assets and accounts, set up in a fresh Venue.

#include <mockex/core/rng.hpp>
#include <mockex/core/timestamp.hpp>
#include <mockex/scenario/model.hpp>
#include <mockex/venue/venue.hpp>

#include <memory>
#include <string>
#include <variant>

namespace mockex::session {

// The venue at the scenario's start: assets (each at the widest precision an instrument gives
// it), instruments with Binance's filters in exchangeInfo order, accounts (ids 1, 2, ... in file
// order) with their starting balances. The error text names what the venue refused.
std::variant<std::unique_ptr<venue::Venue>, std::string> make_venue(
    const scenario::Scenario& scenario, const core::Rng& rng, core::Timestamp start);

// A scenario rate (0.001) as the venue's commission rate (units of 1e-8).
venue::CommissionRate to_commission(const scenario::Decimal& rate);

}  // namespace mockex::session
