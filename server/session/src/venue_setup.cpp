#include <mockex/session/venue_setup.hpp>

#include <mockex/core/arithmetic.hpp>

#include <algorithm>
#include <map>

namespace mockex::session {
namespace {

venue::TradingStatus to_venue(scenario::InstrumentStatus status) {
  switch (status) {
    case scenario::InstrumentStatus::trading: return venue::TradingStatus::trading;
    case scenario::InstrumentStatus::halt: return venue::TradingStatus::halt;
    case scenario::InstrumentStatus::break_: return venue::TradingStatus::break_status;
  }
  return venue::TradingStatus::trading;
}

venue::InstrumentSpec to_venue(const scenario::Instrument& in) {
  venue::InstrumentSpec out;
  out.symbol = in.symbol;
  out.base_asset = in.base;
  out.quote_asset = in.quote;
  out.price_scale = in.price_scale();
  out.qty_scale = in.qty_scale();
  out.status = to_venue(in.status);
  out.fill_model = in.fill_model == scenario::FillModel::queue ? venue::FillModel::queue
                                                               : venue::FillModel::optimistic;
  // The order of Binance's own filters array (spec §8.1): checked in this order.
  out.filters.push_back(venue::PriceFilter{in.min_price, in.max_price, in.tick_size});
  out.filters.push_back(venue::LotSizeFilter{in.min_qty, in.max_qty, in.step_size});
  out.filters.push_back(
      venue::MarketLotSizeFilter{in.market_min_qty, in.market_max_qty, core::Qty{}});
  out.filters.push_back(venue::NotionalFilter{in.min_notional, in.apply_min_to_market,
                                              in.max_notional, in.apply_max_to_market});
  out.filters.push_back(venue::MaxNumOrdersFilter{in.max_num_orders});
  out.filters.push_back(venue::MaxNumAlgoOrdersFilter{in.max_num_algo_orders});
  return out;
}

}  // namespace

venue::CommissionRate to_commission(const scenario::Decimal& rate) {
  // units * 10^-scale as a fraction in 1e-8 units; scenario rates have at most 8 decimals.
  std::int64_t units = rate.units;
  for (int s = rate.scale; s < 8; ++s) units *= 10;
  for (int s = 8; s < rate.scale; ++s) units /= 10;
  return venue::CommissionRate{units};
}

std::variant<std::unique_ptr<venue::Venue>, std::string> make_venue(
    const scenario::Scenario& scenario, const core::Rng& rng, core::Timestamp start) {
  auto made = std::make_unique<venue::Venue>(rng);
  // Each asset at the widest precision any instrument gives it.
  std::map<std::string, std::uint8_t> scales;
  for (const auto& instrument : scenario.instruments) {
    auto& base = scales[instrument.base];
    base = std::max(base, instrument.base_precision);
    auto& quote = scales[instrument.quote];
    quote = std::max(quote, instrument.quote_precision);
  }
  for (const auto& account : scenario.accounts) {
    for (const auto& balance : account.balances) {
      auto& scale = scales[balance.asset];
      scale = std::max(scale, balance.scale.decimals);
    }
  }
  for (const auto& [name, scale] : scales) {
    if (auto error = made->add_asset({name, core::Scale{scale}})) return "asset " + name + ": " + *error;
  }
  for (const auto& instrument : scenario.instruments) {
    if (auto error = made->add_instrument(to_venue(instrument))) {
      return "instrument " + instrument.symbol + ": " + *error;
    }
  }
  std::uint64_t next_id = 1;
  venue::Events ignored;
  for (const auto& account : scenario.accounts) {
    core::AccountId id{next_id++};
    venue::AccountSpec spec{id, account.api_key, to_commission(account.maker_commission),
                            to_commission(account.taker_commission)};
    if (auto error = made->add_account(spec)) return "account " + account.api_key + ": " + *error;
    for (const auto& balance : account.balances) {
      auto asset = made->find_asset(balance.asset);
      auto scale = made->asset(*asset).scale;
      auto amount = core::rescale(balance.amount.units(), balance.scale, scale);
      if (!amount) return "account " + account.api_key + ": balance of " + balance.asset;
      if (auto status = made->set_balance(id, balance.asset, core::Amount{*amount}, start, ignored);
          !status) {
        return "account " + account.api_key + ": balance of " + balance.asset;
      }
    }
  }
  return made;
}

}  // namespace mockex::session
