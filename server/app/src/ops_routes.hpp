#pragma once
// The operational endpoints every deployment needs: /healthz, /readyz, /metrics, and a WebSocket
// echo at /_mockex/v1/ws/echo for checking a WebSocket path end to end.

#include <mockex/transport/router.hpp>

#include <prometheus/registry.h>

#include <atomic>
#include <chrono>
#include <functional>

namespace mockex::app {

enum class Readiness { starting, ready, draining };

struct OpsState {
  std::atomic<Readiness> readiness{Readiness::starting};
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  // Brings gauges that mirror other state up to date; runs before every /metrics scrape. Set it
  // before the server starts.
  std::function<void()> before_scrape;
};

void add_ops_routes(transport::Router& router, const OpsState& state,
                    prometheus::Registry& registry);

}  // namespace mockex::app
