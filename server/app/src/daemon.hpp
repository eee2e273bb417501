#pragma once
// mockexd's process: wires the io_context, metrics, router and server, serves until SIGTERM or
// SIGINT, then drains and returns the exit code.

#include "config.hpp"

namespace mockex::app {

// Runs the daemon with `config` until a signal stops it. Returns the process exit code:
// 0 after a clean shutdown, 1 when the port cannot be bound, 2 for a bad default scenario.
int run_daemon(const Config& config);

}  // namespace mockex::app
