#include "mockex/fault/behavior.hpp"

#include "kinds/kinds.hpp"

namespace mockex::fault {

Behavior::~Behavior() = default;

bool Behavior::accepts(const Point&) const { return true; }

// The explicit registry of built-in kinds: a switch, so a new Kind without a case is a warning.
CompileResult compile(Kind kind, const Params& params) {
  switch (kind) {
    case Kind::latency: return kinds::compile_latency(params);
    case Kind::http_error: return kinds::compile_http_error(params);
    case Kind::hang: return kinds::compile_hang(params);
    case Kind::reset: return kinds::compile_reset(params);
    case Kind::close_after_headers: return kinds::compile_close_after_headers(params);
    case Kind::truncate: return kinds::compile_truncate(params);
    case Kind::malformed: return kinds::compile_malformed(params);
    case Kind::slow_body: return kinds::compile_slow_body(params);
    case Kind::ws_refuse: return kinds::compile_ws_refuse(params);
    case Kind::ws_disconnect: return kinds::compile_ws_disconnect(params);
    case Kind::ws_no_pong: return kinds::compile_ws_no_pong(params);
    case Kind::ws_drop: return kinds::compile_ws_drop(params);
    case Kind::ws_delay: return kinds::compile_ws_delay(params);
    case Kind::ws_duplicate: return kinds::compile_ws_duplicate(params);
    case Kind::ws_reorder: return kinds::compile_ws_reorder(params);
    case Kind::ws_corrupt: return kinds::compile_ws_corrupt(params);
    case Kind::depth_gap: return kinds::compile_depth_gap(params);
    case Kind::stale: return kinds::compile_stale(params);
    case Kind::lag: return kinds::compile_lag(params);
    case Kind::clock_skew: return kinds::compile_clock_skew(params);
    case Kind::order_reject: return kinds::compile_order_reject(params);
    case Kind::fill_delay: return kinds::compile_fill_delay(params);
    case Kind::partial_fill: return kinds::compile_partial_fill(params);
    case Kind::ack_lost: return kinds::compile_ack_lost(params);
    case Kind::cancel_unknown: return kinds::compile_cancel_unknown(params);
    case Kind::duplicate_report: return kinds::compile_duplicate_report(params);
  }
  return Error{"kind", "unknown fault kind"};
}

}  // namespace mockex::fault
