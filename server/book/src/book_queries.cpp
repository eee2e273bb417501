// Read-only views of the book: top of book, depth, order lookup, queue position, invariants
// and the state hash.

#include <algorithm>
#include <string>

#include "order_book_impl.hpp"

namespace mockex::book {

namespace {

LevelInfo level_info(const detail::Level& level) {
  return LevelInfo{core::Price{level.price}, core::Qty{level.total}, level.count};
}

// Folds 64-bit words into a hash (multiply-xorshift; not cryptographic, only for comparing
// states).
class Hasher {
 public:
  void add(std::uint64_t word) {
    hash_ ^= word;
    hash_ *= 0x9e3779b97f4a7c15ULL;
    hash_ ^= hash_ >> 29;
  }
  void add(std::int64_t word) { add(static_cast<std::uint64_t>(word)); }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

std::string describe_order(std::uint64_t id) { return "order " + std::to_string(id); }

}  // namespace

OrderInfo OrderBook::Impl::info(const Order& order) const {
  OrderInfo result;
  result.id = core::OrderId{order.id};
  result.owner = core::AccountId{order.owner};
  result.side = order.side;
  result.type = order.type;
  result.tif = order.tif;
  result.stp = order.stp;
  result.state = order.state;
  result.price = core::Price{order.price};
  result.stop_price = core::Price{order.stop_price};
  result.qty = core::Qty{order.qty};
  result.open_qty = core::Qty{order.open};
  result.filled_qty = core::Qty{order.filled};
  result.priority = order.seq;
  return result;
}

std::optional<LevelInfo> OrderBook::Impl::best(Side s) const {
  const Level* level = side(s).best();
  if (level == nullptr) return std::nullopt;
  return level_info(*level);
}

void OrderBook::Impl::depth(Side s, std::size_t max_levels, std::vector<LevelInfo>& out) const {
  const detail::BookSide& book_side = side(s);
  const std::size_t n = std::min(max_levels, book_side.size());
  out.clear();
  out.reserve(n);
  for (std::size_t rank = 0; rank < n; ++rank) out.push_back(level_info(*book_side.at(rank)));
}

std::optional<OrderInfo> OrderBook::Impl::find(core::OrderId id) const {
  const Order* order = index_.find(id.value());
  if (order == nullptr) return std::nullopt;
  return info(*order);
}

core::Result<core::Qty> OrderBook::Impl::queue_ahead(core::OrderId id) const {
  const Order* order = index_.find(id.value());
  if (order == nullptr) return core::ErrorCode::book_unknown_order;
  if (order->level == nullptr) return core::ErrorCode::book_order_not_resting;
  std::int64_t ahead = 0;
  for (const Order* it = order->level->head; it != order; it = it->next) ahead += it->open;
  return core::Qty{ahead};
}

std::vector<OrderInfo> OrderBook::Impl::orders_at(Side s, core::Price price) const {
  std::vector<OrderInfo> result;
  const Level* level = side(s).find(price.units());
  if (level == nullptr) return result;
  result.reserve(level->count);
  for (const Order* it = level->head; it != nullptr; it = it->next) result.push_back(info(*it));
  return result;
}

std::vector<OrderInfo> OrderBook::Impl::open_orders(core::AccountId owner) const {
  std::vector<OrderInfo> result;
  index_.for_each([&](std::uint64_t, const Order* order) {
    if (order->owner == owner.value()) result.push_back(info(*order));
  });
  std::sort(result.begin(), result.end(),
            [](const OrderInfo& a, const OrderInfo& b) { return a.priority < b.priority; });
  return result;
}

std::optional<std::string> OrderBook::Impl::check_invariants() const {
  std::size_t resting = 0;
  for (const detail::BookSide* book_side : {&bids_, &asks_}) {
    const auto& slots = book_side->slots();
    const std::string side_name{to_string(book_side->side())};
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const Level* level = slots[i].level;
      if (level == nullptr) return side_name + ": null level";
      const std::string where = side_name + " level " + std::to_string(level->price);
      if (slots[i].key != book_side->key_of(level->price)) return where + ": sort key mismatch";
      if (i > 0 && slots[i - 1].key >= slots[i].key) return where + ": levels not strictly sorted";
      if (level->count == 0 || level->total <= 0) return where + ": empty level";
      std::int64_t sum = 0;
      std::uint32_t count = 0;
      const Order* prev = nullptr;
      for (const Order* order = level->head; order != nullptr; order = order->next) {
        const std::string who = where + ", " + describe_order(order->id);
        if (order->prev != prev) return who + ": broken back link";
        if (order->level != level) return who + ": wrong level pointer";
        if (order->side != book_side->side()) return who + ": wrong side";
        if (order->price != level->price) return who + ": wrong price";
        if (order->open <= 0) return who + ": no open quantity";
        if (order->state != OrderState::resting) return who + ": not marked resting";
        if (order->filled + order->open != order->qty) return who + ": filled + open != qty";
        if (prev != nullptr && prev->seq >= order->seq) return who + ": queue not in time order";
        if (index_.find(order->id) != order) return who + ": missing from the id index";
        sum += order->open;
        ++count;
        prev = order;
      }
      if (level->tail != prev) return where + ": wrong tail";
      if (count != level->count) return where + ": count differs from its orders";
      if (sum != level->total) return where + ": total differs from the sum of its orders";
      resting += count;
    }
  }
  const Level* bid = bids_.best();
  const Level* ask = asks_.best();
  if (bid != nullptr && ask != nullptr && bid->price >= ask->price) {
    return "book crossed: bid " + std::to_string(bid->price) + " >= ask " +
           std::to_string(ask->price);
  }
  for (const auto* stops : {&rising_stops_, &falling_stops_}) {
    const bool rising = stops == &rising_stops_;
    for (const StopKey& key : *stops) {
      const Order* order = key.order;
      const std::string who = "stop " + describe_order(order->id);
      if (order->state != OrderState::pending_trigger) return who + ": not pending";
      if (order->level != nullptr) return who + ": sits in a level";
      if (rising_stop(order->side, order->type) != rising)
        return who + ": in the wrong direction set";
      if (key.key != (rising ? order->stop_price : -order->stop_price)) return who + ": bad key";
      if (key.seq != order->seq) return who + ": bad priority";
      if (index_.find(order->id) != order) return who + ": missing from the id index";
    }
  }
  const std::size_t stops = rising_stops_.size() + falling_stops_.size();
  if (index_.size() != resting + stops) {
    return "id index holds " + std::to_string(index_.size()) + " orders, book holds " +
           std::to_string(resting + stops);
  }
  if (index_.size() > config_.max_orders) return "more open orders than max_orders";
  return std::nullopt;
}

std::uint64_t OrderBook::Impl::state_hash() const {
  Hasher hasher;
  hasher.add(update_id_);
  hasher.add(next_trade_id_);
  hasher.add(next_prevented_id_);
  hasher.add(next_seq_);
  hasher.add(std::uint64_t{has_last_price_});
  hasher.add(last_price_);
  auto add_order = [&](const Order& order) {
    hasher.add(order.id);
    hasher.add(order.owner);
    hasher.add(order.seq);
    hasher.add(order.price);
    hasher.add(order.stop_price);
    hasher.add(order.qty);
    hasher.add(order.open);
    hasher.add(order.filled);
    hasher.add((std::uint64_t{static_cast<std::uint8_t>(order.side)} << 32) |
               (std::uint64_t{static_cast<std::uint8_t>(order.type)} << 24) |
               (std::uint64_t{static_cast<std::uint8_t>(order.tif)} << 16) |
               (std::uint64_t{static_cast<std::uint8_t>(order.stp)} << 8) |
               std::uint64_t{static_cast<std::uint8_t>(order.state)});
  };
  for (const detail::BookSide* book_side : {&bids_, &asks_}) {
    hasher.add(std::uint64_t{book_side->size()});
    for (std::size_t rank = 0; rank < book_side->size(); ++rank) {
      const Level& level = *book_side->at(rank);
      hasher.add(level.price);
      hasher.add(level.total);
      hasher.add(std::uint64_t{level.count});
      for (const Order* order = level.head; order != nullptr; order = order->next)
        add_order(*order);
    }
  }
  for (const auto* stops : {&rising_stops_, &falling_stops_}) {
    hasher.add(std::uint64_t{stops->size()});
    for (const StopKey& key : *stops) add_order(*key.order);
  }
  return hasher.value();
}

}  // namespace mockex::book
