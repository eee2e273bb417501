// The order lifecycle: placing (lock, NEW, book, stop list or deferred), the fill cap, cancelling,
// closing into the history, and the ids the venue makes up.

#include <array>
#include <cassert>
#include <string_view>
#include <utility>

#include "venue_impl.hpp"

namespace mockex::venue {

namespace {

bool is_quote_market(const Order& order) {
  return order.type == OrderType::market && order.orig_quote_qty.is_positive();
}

}  // namespace

ClientOrderId Venue::Impl::fresh_client_order_id(const AccountState& acc) {
  // Binance makes up 22 letters and digits; ours come from the session's seeded Rng.
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  while (true) {
    std::array<char, 22> text{};
    for (char& c : text) c = kAlphabet[rng_.below(kAlphabet.size())];
    ClientOrderId id{std::string_view{text.data(), text.size()}};
    if (!acc.open_by_client_id.contains(id)) return id;
  }
}

core::Result<Placed> Venue::Impl::place(Market& m, AccountState& acc, const PlaceOrder& c) {
  auto prepared = validate(m, acc, c);
  if (!prepared) return prepared.error();

  const std::size_t events_before = out_->size();
  const core::OrderId id{m.next_order_id++};
  OpenOrder& oo = m.open.try_emplace(id.value()).first->second;
  Order& o = oo.order;
  o.symbol = m.id;
  o.id = id;
  o.account = acc.spec.id;
  o.client_order_id = c.client_order_id.empty() ? fresh_client_order_id(acc) : c.client_order_id;
  o.side = c.side;
  o.type = c.type;
  o.tif = book::has_limit_price(c.type) && c.type != OrderType::limit_maker ? c.tif
                                                                             : TimeInForce::gtc;
  o.stp = prepared->stp;
  o.price = c.price;
  o.stop_price = c.stop_price;
  o.orig_qty = c.qty;
  o.orig_quote_qty = c.quote_qty;
  o.time = now_;
  o.update_time = now_;
  oo.fill_cap = c.max_fill_qty;
  oo.lock_asset = prepared->lock_asset;
  lock(acc, oo, prepared->lock);
  AccountSymbol& mine = acc.symbols[m.id.value];
  ++mine.open_orders;
  if (book::is_stop(c.type)) ++mine.open_algo;
  acc.open_by_client_id.emplace(o.client_order_id, std::pair{m.id, id});

  Placed placed;
  taker_fills_ = &placed.fills;
  taker_id_ = id.value();
  if (book::is_stop(c.type)) {
    emit_update(ExecType::new_order, oo);
    add_stop(m, oo);
  } else {
    // A deferred order looks working to the client: the fault delays matching, not acceptance.
    o.working_time = now_;
    emit_update(ExecType::new_order, oo);
    oo.deferred = c.defer_matching;
    const core::Status status = oo.deferred ? core::Status{} : submit_to_book(m, oo, c.type);
    if (!status) {
      // Validation covers what the book checks, so this is not expected; undo everything.
      release(acc, oo, oo.locked);
      --mine.open_orders;
      acc.open_by_client_id.erase(o.client_order_id);
      m.open.erase(id.value());
      --m.next_order_id;
      out_->erase(out_->begin() + static_cast<std::ptrdiff_t>(events_before), out_->end());
      dirty_.clear();
      taker_fills_ = nullptr;
      taker_id_ = 0;
      return status.error();
    }
  }
  run_stops(m);
  taker_fills_ = nullptr;
  taker_id_ = 0;

  placed.order = latest(m, acc, id);
  return placed;
}

const Order& Venue::Impl::latest(const Market& m, const AccountState& acc,
                                 core::OrderId id) const {
  const auto open = m.open.find(id.value());
  if (open != m.open.end()) return open->second.order;
  const Order* closed = find_closed(acc, m.id, id);
  assert(closed != nullptr && "a closed order is in the history");
  return *closed;
}

core::Status Venue::Impl::submit_to_book(Market& m, OpenOrder& oo, OrderType book_type) {
  const Order& o = oo.order;
  book::NewOrder order;
  order.id = o.id;
  order.owner = o.account;
  order.side = o.side;
  order.type = book_type;
  order.tif = o.tif;
  order.price = book::has_limit_price(book_type) ? o.price : core::Price{};
  order.qty = o.orig_qty - o.executed_qty;
  order.quote_qty = o.orig_quote_qty;
  order.stp = o.stp;

  // The fill cap holds for this first meeting with the book only. All or nothing stays all or
  // nothing (FOK), and a LIMIT_MAKER never takes.
  const std::optional<core::Qty> cap = std::exchange(oo.fill_cap, std::nullopt);
  const bool fok = book::has_limit_price(book_type) && o.tif == TimeInForce::fok;
  const bool capped = cap && book_type != OrderType::limit_maker && !fok &&
                      executes_more_than(m, order, *cap);
  if (capped) {
    if (cap->is_zero()) {
      expire_order(m, oo, ExpiryReason::insufficient_liquidity);
      return {};
    }
    // The book sees only the part that may execute, which it executes completely since more
    // was available; process_book_events then expires the venue's order instead of filling it.
    order.qty = *cap;
    order.quote_qty = {};
    if (book::has_limit_price(book_type)) order.tif = TimeInForce::ioc;
  }
  book_events_.clear();
  const core::Status status = m.book.submit(order, book_events_);
  if (!status) return status;
  oo.capped = capped;
  process_book_events(m);
  return {};
}

void Venue::Impl::expire_order(Market& m, OpenOrder& oo, ExpiryReason reason) {
  Order& o = oo.order;
  o.status = OrderStatus::expired;
  o.expiry_reason = reason;
  o.update_time = now_;
  if (is_quote_market(o)) o.orig_qty = o.executed_qty;
  emit_update(ExecType::expired, oo);
  close_order(m, oo);
}

void Venue::Impl::close_order(Market& m, OpenOrder& oo) {
  AccountState& acc = *account(oo.order.account);
  if (oo.locked.is_positive()) release(acc, oo, oo.locked);
  if (oo.pending_stop) remove_stop(m, oo);
  if (is_quote_market(oo.order)) oo.order.orig_qty = oo.order.executed_qty;
  AccountSymbol& mine = acc.symbols[m.id.value];
  --mine.open_orders;
  if (book::is_stop(oo.order.type)) --mine.open_algo;
  acc.open_by_client_id.erase(oo.order.client_order_id);
  mine.history.push_back(oo.order);
  while (mine.history.size() > limits_.order_history) mine.history.pop_front();
  m.open.erase(oo.order.id.value());
}

const Order* Venue::Impl::find_closed(const AccountState& acc, SymbolId symbol,
                                      core::OrderId id) const {
  const auto& history = acc.symbols[symbol.value].history;
  // Newest first: the order just closed is usually the last one.
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (it->id == id) return &*it;
  }
  return nullptr;
}

OpenOrder* Venue::Impl::find_open(Market& m, const AccountState& acc, core::OrderId id,
                                  const ClientOrderId& client_order_id) {
  if (id.is_valid()) {
    const auto it = m.open.find(id.value());
    if (it == m.open.end() || it->second.order.account != acc.spec.id) return nullptr;
    if (!client_order_id.empty() && it->second.order.client_order_id != client_order_id) {
      return nullptr;
    }
    return &it->second;
  }
  if (client_order_id.empty()) return nullptr;
  const auto by_client = acc.open_by_client_id.find(client_order_id);
  if (by_client == acc.open_by_client_id.end() || by_client->second.first != m.id) return nullptr;
  return &m.open.at(by_client->second.second.value());
}

core::Result<Canceled> Venue::Impl::cancel(Market& m, AccountState& acc, const CancelOrder& c) {
  OpenOrder* oo = find_open(m, acc, c.order_id, c.orig_client_order_id);
  if (oo == nullptr) return core::ErrorCode::book_unknown_order;
  const core::OrderId id = oo->order.id;
  cancel_client_id_ =
      c.new_client_order_id.empty() ? fresh_client_order_id(acc) : c.new_client_order_id;
  if (oo->pending_stop || oo->deferred) {  // in no book: the venue closes it itself
    oo->order.status = OrderStatus::canceled;
    oo->order.update_time = now_;
    emit_update(ExecType::canceled, *oo, {}, cancel_client_id_);
    close_order(m, *oo);
  } else {
    book_events_.clear();
    const core::Status status = m.book.cancel(id, book_events_);
    assert(status && "an open order that is not a pending stop rests in the book");
    if (!status) return status.error();
    process_book_events(m);
  }
  Canceled canceled{*find_closed(acc, m.id, id), cancel_client_id_};
  cancel_client_id_ = {};
  return canceled;
}

}  // namespace mockex::venue
