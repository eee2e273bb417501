#include "mockex/scenario/market_event.hpp"

#include <charconv>

namespace mockex::scenario {

namespace {

void append_int(std::string& out, std::int64_t value) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

}  // namespace

void append_event(std::string& out, const MarketEvent& event) {
  append_int(out, event.time.micros());
  out += ' ';
  append_int(out, event.symbol);
  switch (event.kind) {
    case MarketEventKind::clear_book: out += " clear"; return;
    case MarketEventKind::level: out += " level "; break;
    case MarketEventKind::trade: out += " trade "; break;
    case MarketEventKind::mid:
      out += " mid ";
      append_int(out, event.price.units());
      return;
  }
  out += event.side == Side::buy ? "buy " : "sell ";
  append_int(out, event.price.units());
  out += ' ';
  append_int(out, event.qty.units());
}

std::string format_event(const MarketEvent& event) {
  std::string out;
  append_event(out, event);
  return out;
}

}  // namespace mockex::scenario
