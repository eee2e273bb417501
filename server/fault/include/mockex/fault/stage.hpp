#pragma once
// Stages: the places where traffic consults the fault plan. Each kind acts at a fixed set of
// stages; the plan keeps the union of its rules' stages so a stage nobody watches costs one test.

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace mockex::fault {

enum class Stage : std::uint8_t {
  http_request,  // an HTTP request, before it is handled
  ws_upgrade,    // a WebSocket upgrade request
  ws_out,  // one outgoing WebSocket message: market-stream event, user-data event, WS-API reply
  ws_api_request,  // one WebSocket API request, before it is handled
  order_new,       // a new order reaching the venue (REST or WS-API)
  order_cancel,    // a cancel reaching the venue
  market_data,     // a REST market-data request or a market-stream push (for stale)
  time,            // server time as the dialect reads it (for clock_skew)
};

std::string_view to_string(Stage stage);

// A set of stages as a bitmask.
class StageSet {
 public:
  constexpr StageSet() = default;
  constexpr StageSet(std::initializer_list<Stage> stages) {
    for (Stage stage : stages) bits_ = static_cast<std::uint16_t>(bits_ | bit(stage));
  }

  constexpr bool contains(Stage stage) const { return (bits_ & bit(stage)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr std::uint16_t bits() const { return bits_; }

  constexpr StageSet& operator|=(StageSet other) {
    bits_ = static_cast<std::uint16_t>(bits_ | other.bits_);
    return *this;
  }
  friend constexpr StageSet operator|(StageSet a, StageSet b) { return a |= b; }
  friend constexpr bool operator==(StageSet, StageSet) = default;

 private:
  static constexpr std::uint16_t bit(Stage stage) {
    return static_cast<std::uint16_t>(1U << static_cast<unsigned>(stage));
  }

  std::uint16_t bits_ = 0;
};

}  // namespace mockex::fault
