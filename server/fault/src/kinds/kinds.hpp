#pragma once
// One compile function per kind, each in its own file; compile() (behavior.cpp) dispatches on
// the Kind. Each checks the kind's parameters and builds its Behavior.

#include "mockex/fault/behavior.hpp"

namespace mockex::fault::kinds {

CompileResult compile_latency(const Params& params);
CompileResult compile_http_error(const Params& params);
CompileResult compile_hang(const Params& params);
CompileResult compile_reset(const Params& params);
CompileResult compile_close_after_headers(const Params& params);
CompileResult compile_truncate(const Params& params);
CompileResult compile_malformed(const Params& params);
CompileResult compile_slow_body(const Params& params);
CompileResult compile_ws_refuse(const Params& params);
CompileResult compile_ws_disconnect(const Params& params);
CompileResult compile_ws_no_pong(const Params& params);
CompileResult compile_ws_drop(const Params& params);
CompileResult compile_ws_delay(const Params& params);
CompileResult compile_ws_duplicate(const Params& params);
CompileResult compile_ws_reorder(const Params& params);
CompileResult compile_ws_corrupt(const Params& params);
CompileResult compile_depth_gap(const Params& params);
CompileResult compile_stale(const Params& params);
CompileResult compile_lag(const Params& params);
CompileResult compile_clock_skew(const Params& params);
CompileResult compile_order_reject(const Params& params);
CompileResult compile_fill_delay(const Params& params);
CompileResult compile_partial_fill(const Params& params);
CompileResult compile_ack_lost(const Params& params);
CompileResult compile_cancel_unknown(const Params& params);
CompileResult compile_duplicate_report(const Params& params);

}  // namespace mockex::fault::kinds
