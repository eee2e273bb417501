#pragma once
// Walking one side of a book level by level, best first, for the venue's look-ahead questions
// (what would a market order cost, would an order execute more than its cap). The book is read
// in growing pages, so a walk that stops early reads little. Private to the venue module.

#include <cstddef>
#include <vector>

#include "mockex/book/order_book.hpp"

namespace mockex::venue::detail {

// Calls visit(level) for each level of `side`, best first, until it returns false.
template <class Visit>
void for_each_level(const book::OrderBook& book, book::Side side, std::size_t first_page,
                    Visit visit) {
  std::vector<book::LevelInfo> levels;
  std::size_t wanted = first_page;
  std::size_t done = 0;
  while (true) {
    levels.clear();
    book.depth(side, wanted, levels);
    for (; done < levels.size(); ++done) {
      if (!visit(levels[done])) return;
    }
    if (levels.size() < wanted) return;
    wanted *= 8;
  }
}

}  // namespace mockex::venue::detail
