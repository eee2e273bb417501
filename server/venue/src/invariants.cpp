// check_invariants: what must hold after every command. Meant for tests; O(orders).

#include <algorithm>
#include <string>

#include "mockex/core/arithmetic.hpp"
#include "mockex/core/decimal.hpp"
#include "venue_impl.hpp"

namespace mockex::venue {

std::optional<std::string> Venue::check_invariants() const {
  const Impl& v = *impl_;
  const auto amount = [&](core::Amount value, std::size_t asset) {
    return core::format_decimal(value.units(), v.assets_[asset].scale) + " " + v.assets_[asset].name;
  };

  for (const auto& market : v.markets_) {
    const Market& m = *market;
    if (auto broken = m.book.check_invariants()) return m.spec.symbol + ": book: " + *broken;
    for (const auto& [id, oo] : m.open) {
      const Order& o = oo.order;
      const auto info = m.book.find(o.id);
      if (oo.pending_stop && oo.deferred) {
        return m.spec.symbol + ": order " + std::to_string(id) + " is both a stop and deferred";
      }
      const bool off_book = oo.pending_stop || oo.deferred;
      if (off_book == info.has_value()) {
        return m.spec.symbol + ": order " + std::to_string(id) +
               (oo.pending_stop ? " is a pending stop but rests in the book"
                : oo.deferred   ? " is deferred but rests in the book"
                                : " is open but not in the book");
      }
      if (oo.capped) {
        return m.spec.symbol + ": order " + std::to_string(id) + " is capped but still open";
      }
      if (info && o.orig_quote_qty.is_zero() && info->open_qty != o.orig_qty - o.executed_qty) {
        return m.spec.symbol + ": order " + std::to_string(id) + ": open quantity differs from the book's";
      }
      if (is_final(o.status)) {
        return m.spec.symbol + ": order " + std::to_string(id) + " is open with a final status";
      }
      if (oo.locked.units() < 0) return m.spec.symbol + ": order " + std::to_string(id) + " holds a negative lock";
    }
  }

  const std::size_t assets = v.assets_.size();
  std::vector<core::Int128> totals(assets, 0);
  for (const auto& acc : v.accounts_) {
    std::vector<core::Amount> held(assets);
    std::vector<AccountSymbol> counts(v.markets_.size());
    for (const auto& market : v.markets_) {
      for (const auto& [id, oo] : market->open) {
        if (oo.order.account != acc->spec.id) continue;
        held[oo.lock_asset.value] += oo.locked;
        ++counts[market->id.value].open_orders;
        if (book::is_stop(oo.order.type)) ++counts[market->id.value].open_algo;
        const auto indexed = acc->open_by_client_id.find(oo.order.client_order_id);
        if (indexed == acc->open_by_client_id.end() || indexed->second.first != market->id ||
            indexed->second.second != oo.order.id) {
          return "account " + std::to_string(acc->spec.id.value()) + ": order " +
                 std::to_string(id) + " is missing from the client order id index";
        }
      }
    }
    const std::string who = "account " + std::to_string(acc->spec.id.value()) + ": ";
    std::size_t open_total = 0;
    for (const AccountSymbol& count : counts) open_total += count.open_orders;
    if (acc->open_by_client_id.size() != open_total) {
      return who + "the client order id index holds closed orders";
    }
    for (std::size_t s = 0; s < counts.size(); ++s) {
      if (counts[s].open_orders != acc->symbols[s].open_orders ||
          counts[s].open_algo != acc->symbols[s].open_algo) {
        return who + "open order counts are off on " + v.markets_[s]->spec.symbol;
      }
    }
    for (std::size_t a = 0; a < assets; ++a) {
      const Balance& balance = acc->balances[a];
      if (balance.free.units() < 0) return who + "negative free " + amount(balance.free, a);
      if (balance.locked.units() < 0) return who + "negative locked " + amount(balance.locked, a);
      if (balance.locked != held[a]) {
        return who + "locked " + amount(balance.locked, a) + " but open orders hold " + amount(held[a], a);
      }
      totals[a] += static_cast<core::Int128>(balance.free.units()) + balance.locked.units();
    }
  }
  for (std::size_t a = 0; a < assets; ++a) {
    const core::Int128 sum = totals[a] + v.fees_[a].units() + v.market_[a].units();
    if (sum != v.deposits_[a].units()) {
      return v.assets_[a].name + " is not conserved: accounts + fees + market differ from deposits";
    }
  }
  return std::nullopt;
}

}  // namespace mockex::venue
