#include "mockex/scenario/model.hpp"

#include "mockex/core/decimal.hpp"

namespace mockex::scenario {

double Decimal::to_double() const {
  // One correctly rounded division: the same result on every IEEE machine.
  double divisor = 1.0;
  for (std::uint8_t i = 0; i < scale; ++i) divisor *= 10.0;
  return static_cast<double>(units) / divisor;
}

std::string Decimal::to_string() const {
  return core::format_decimal_trimmed(units, core::Scale{scale});
}

std::vector<RateLimit> default_rate_limits() {
  using T = RateLimit::Type;
  using I = RateLimit::Interval;
  return {{T::request_weight, I::minute, 1, 6000},
          {T::orders, I::second, 10, 100},
          {T::orders, I::day, 1, 200000},
          {T::raw_requests, I::minute, 5, 61000}};
}

const ParamValue* ParamValue::find(std::string_view key) const {
  if (type != Type::mapping) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &items[i];
  }
  return nullptr;
}

const Instrument* Scenario::find_instrument(std::string_view symbol) const {
  const int index = instrument_index(symbol);
  return index < 0 ? nullptr : &instruments[static_cast<std::size_t>(index)];
}

int Scenario::instrument_index(std::string_view symbol) const {
  for (std::size_t i = 0; i < instruments.size(); ++i) {
    if (instruments[i].symbol == symbol) return static_cast<int>(i);
  }
  return -1;
}

const Account* Scenario::find_account(std::string_view api_key) const {
  for (const auto& account : accounts) {
    if (account.api_key == api_key) return &account;
  }
  return nullptr;
}

std::string_view to_string(ClockMode mode) {
  switch (mode) {
    case ClockMode::realtime: return "realtime";
    case ClockMode::accelerated: return "accelerated";
    case ClockMode::stepped: return "stepped";
  }
  return "?";
}

std::string_view to_string(InstrumentStatus status) {
  switch (status) {
    case InstrumentStatus::trading: return "TRADING";
    case InstrumentStatus::halt: return "HALT";
    case InstrumentStatus::break_: return "BREAK";
  }
  return "?";
}

std::string_view to_string(FillModel model) {
  switch (model) {
    case FillModel::optimistic: return "optimistic";
    case FillModel::queue: return "queue";
  }
  return "?";
}

std::string_view to_string(TimelineEntry::Kind kind) {
  using K = TimelineEntry::Kind;
  switch (kind) {
    case K::shock: return "shock";
    case K::halt: return "halt";
    case K::resume: return "resume";
    case K::liquidity: return "liquidity";
    case K::spread: return "spread";
    case K::set_balance: return "set_balance";
    case K::fault: return "fault";
  }
  return "?";
}

std::string_view to_string(RateLimit::Type type) {
  switch (type) {
    case RateLimit::Type::request_weight: return "REQUEST_WEIGHT";
    case RateLimit::Type::orders: return "ORDERS";
    case RateLimit::Type::raw_requests: return "RAW_REQUESTS";
  }
  return "?";
}

std::string_view to_string(RateLimit::Interval interval) {
  switch (interval) {
    case RateLimit::Interval::second: return "SECOND";
    case RateLimit::Interval::minute: return "MINUTE";
    case RateLimit::Interval::hour: return "HOUR";
    case RateLimit::Interval::day: return "DAY";
  }
  return "?";
}

}  // namespace mockex::scenario
