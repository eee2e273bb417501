#pragma once
// The book's internal nodes: an Order sits in its Level's intrusive FIFO queue; raw mantissas
// (int64) instead of the typed wrappers keep the matching loop plain integer code.

#include <cstdint>

#include "mockex/book/types.hpp"

namespace mockex::book::detail {

struct Level;

struct Order {
  Order* prev = nullptr;  // queue neighbours within the level (resting orders only)
  Order* next = nullptr;
  Level* level = nullptr;  // null while pending a trigger or executing as taker
  std::uint64_t id = 0;
  std::uint64_t owner = 0;
  std::uint64_t seq = 0;  // time priority: larger is later
  std::int64_t price = 0;
  std::int64_t stop_price = 0;
  std::int64_t qty = 0;   // original quantity (filled + open after amends)
  std::int64_t open = 0;  // still to fill
  std::int64_t filled = 0;
  Side side = Side::buy;
  OrderType type = OrderType::limit;
  TimeInForce tif = TimeInForce::gtc;
  StpMode stp = StpMode::none;
  OrderState state = OrderState::resting;
};

struct Level {
  std::int64_t price = 0;
  std::int64_t total = 0;  // sum of `open` over the queue
  std::uint32_t count = 0;
  Order* head = nullptr;  // oldest
  Order* tail = nullptr;  // newest
};

inline void append(Level& level, Order& order) {
  order.level = &level;
  order.prev = level.tail;
  order.next = nullptr;
  if (level.tail != nullptr) {
    level.tail->next = &order;
  } else {
    level.head = &order;
  }
  level.tail = &order;
  level.total += order.open;
  ++level.count;
}

inline void unlink(Level& level, Order& order) {
  if (order.prev != nullptr) {
    order.prev->next = order.next;
  } else {
    level.head = order.next;
  }
  if (order.next != nullptr) {
    order.next->prev = order.prev;
  } else {
    level.tail = order.prev;
  }
  level.total -= order.open;
  --level.count;
  order.prev = nullptr;
  order.next = nullptr;
  order.level = nullptr;
}

}  // namespace mockex::book::detail
