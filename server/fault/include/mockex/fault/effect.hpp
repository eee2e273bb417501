#pragma once
// What a fired rule decides. fault/ never performs an effect: the transport, the dialect and the
// session carry it out (see each struct for who and how). Durations are wall-clock for network
// effects (the client feels them) and scenario time for market and order effects.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace mockex::fault {

// Hold the request (latency) or the outgoing message (ws_delay) this long before going on.
struct Delay {
  std::chrono::microseconds delay{0};
  friend bool operator==(const Delay&, const Delay&) = default;
};

// Answer with an error in the dialect's format instead of handling the request.
struct ErrorReply {
  int status = 503;                      // 418, 429, 500, 502, 503 or 504
  std::optional<int> code;               // the venue error code; nullopt: the dialect's default
  std::optional<std::string> msg;        // nullopt: the dialect's default message
  std::optional<int> retry_after_s;      // Retry-After header in seconds, when set
  friend bool operator==(const ErrorReply&, const ErrorReply&) = default;
};

// Never answer; the connection stays open until the client gives up.
struct Hang {
  friend bool operator==(const Hang&, const Hang&) = default;
};

// Reset the TCP connection (RST) instead of answering.
struct Reset {
  friend bool operator==(const Reset&, const Reset&) = default;
};

// Send the response headers, then close the connection without the body.
struct CloseAfterHeaders {
  friend bool operator==(const CloseAfterHeaders&, const CloseAfterHeaders&) = default;
};

// Cut the body (HTTP) or the message (WebSocket) short.
struct Truncate {
  std::optional<std::uint64_t> keep_bytes;  // nullopt: keep half
  friend bool operator==(const Truncate&, const Truncate&) = default;
};

// Replace the body or message with text that is not valid JSON.
struct Malformed {
  friend bool operator==(const Malformed&, const Malformed&) = default;
};

// Send the body in chunks of chunk_bytes spread evenly over `total`.
struct SlowBody {
  std::chrono::microseconds total{0};  // > 0
  std::uint32_t chunk_bytes = 1;       // >= 1
  friend bool operator==(const SlowBody&, const SlowBody&) = default;
};

// Refuse the WebSocket upgrade with this HTTP status.
struct WsRefuse {
  int status = 503;
  friend bool operator==(const WsRefuse&, const WsRefuse&) = default;
};

// Close the WebSocket instead of sending the message.
struct WsDisconnect {
  int code = 1001;      // the close frame's code
  bool abrupt = false;  // true: close the TCP connection without a close frame
  friend bool operator==(const WsDisconnect&, const WsDisconnect&) = default;
};

// From now on, this connection stops answering pings (the transport remembers it).
struct WsNoPong {
  friend bool operator==(const WsNoPong&, const WsNoPong&) = default;
};

// Do not send the message.
struct Drop {
  friend bool operator==(const Drop&, const Drop&) = default;
};

// Send the message twice (ws_duplicate; duplicate_report for executionReports).
struct Duplicate {
  friend bool operator==(const Duplicate&, const Duplicate&) = default;
};

// Hold the message back and send it right after the next one on the same connection.
struct Reorder {
  friend bool operator==(const Reorder&, const Reorder&) = default;
};

enum class CorruptMode : std::uint8_t {
  truncate,      // cut the JSON text short
  invalid_json,  // break the JSON syntax
  wrong_type,    // valid JSON, but a field of the wrong type (a number as an object, ...)
};
std::string_view to_string(CorruptMode mode);

struct Corrupt {
  CorruptMode mode = CorruptMode::truncate;
  friend bool operator==(const Corrupt&, const Corrupt&) = default;
};

// Skip this many update ids before this depth update, so the client sees a sequence gap.
struct DepthGap {
  std::uint32_t skip = 1;  // >= 1
  friend bool operator==(const DepthGap&, const DepthGap&) = default;
};

// Serve the market data as it was when the rule became active: streams freeze, REST serves the
// old snapshot, while the market moves on.
struct Stale {
  friend bool operator==(const Stale&, const Stale&) = default;
};

// Deliver the event this much later, keeping its original event times.
struct Lag {
  std::chrono::microseconds lag{0};
  friend bool operator==(const Lag&, const Lag&) = default;
};

// Add this offset to the server time the dialect reports (may be negative).
struct ClockSkew {
  std::chrono::microseconds offset{0};
  friend bool operator==(const ClockSkew&, const ClockSkew&) = default;
};

// Reject the new order with a venue error.
struct OrderReject {
  int code = -2010;                // the venue error code
  std::optional<std::string> msg;  // nullopt: the dialect's message for `code`
  int status = 400;                // the HTTP status
  friend bool operator==(const OrderReject&, const OrderReject&) = default;
};

// Delay the order's fills (scenario time).
struct FillDelay {
  std::chrono::microseconds delay{0};
  // false: the order's matching waits `delay`; true: it fills at once, but its executionReport
  // goes out `delay` after the REST response.
  bool report_only = false;
  friend bool operator==(const FillDelay&, const FillDelay&) = default;
};

// Fill only part of the order's quantity (the rest stays open or expires as its type says).
struct PartialFill {
  double ratio = 0.5;        // in (0, 1)
  std::string ratio_text;    // as written ("0.5"), for exact decimal arithmetic
  friend bool operator==(const PartialFill&, const PartialFill&) = default;
};

enum class AckLostMode : std::uint8_t {
  drop,   // the order is placed, the response is never sent (connection closed)
  hang,   // the order is placed, the response never comes (connection left open)
  error,  // the order is placed, the response is an error (the client must reconcile)
};
std::string_view to_string(AckLostMode mode);

// The order is placed, but the client does not learn it from the response.
struct AckLost {
  AckLostMode mode = AckLostMode::error;
  friend bool operator==(const AckLost&, const AckLost&) = default;
};

// Reject the cancel as "unknown order", whether or not the order exists.
struct CancelUnknown {
  friend bool operator==(const CancelUnknown&, const CancelUnknown&) = default;
};

using Effect = std::variant<Delay, ErrorReply, Hang, Reset, CloseAfterHeaders, Truncate, Malformed,
                            SlowBody, WsRefuse, WsDisconnect, WsNoPong, Drop, Duplicate, Reorder,
                            Corrupt, DepthGap, Stale, Lag, ClockSkew, OrderReject, FillDelay,
                            PartialFill, AckLost, CancelUnknown>;

// A short text of what an effect does, for the journal: "delay 250ms", "status 503", "dropped".
std::string describe(const Effect& effect);

}  // namespace mockex::fault
