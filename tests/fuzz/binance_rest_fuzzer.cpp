// Fuzz target: the Binance REST handlers behind the real router, on a live in-process session,
// with the admin API on the same router as mockexd serves it when it has no admin port of its
// own (so an input can add a fault rule, then meet it).
//
// Input: raw HTTP/1.1 as a client writes it to the exchange port: request line, headers, body;
// up to four pipelined requests, served in order against one fresh exchange (so an order placed
// by the first can be queried or cancelled by the next). `{now}` and `signature=SIGN` are filled
// in as placeholders.hpp says. Every answer must be well-formed (checks.hpp); a body a fault
// has just been applied to (malformed, truncated) need not be JSON.

#include "checks.hpp"
#include "http_input.hpp"
#include "live_exchange.hpp"
#include "placeholders.hpp"

#include <mockex/admin/admin.hpp>
#include <mockex/dialect/binance/rest.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace mockex;

// Faults applied so far in every session.
std::uint64_t faults_injected(const session::SessionRegistry& registry) {
  std::uint64_t total = 0;
  for (const auto& [kind_and_name, count] : registry.fault_tally().injected_totals()) {
    total += count;
  }
  return total;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto requests = fuzz::read_requests({reinterpret_cast<const char*>(data), size}, 4);
  if (requests.empty()) return 0;
  fuzz::LiveExchange exchange;
  admin::AdminOptions options;
  options.scenario_dirs = {fuzz::scenarios_dir()};
  admin::add_routes(exchange.route_adder(), exchange.registry(), std::move(options));
  dialect::binance::add_rest_routes(exchange.route_adder(), exchange.registry());
  for (auto& request : requests) {
    fuzz::fill_rest(request);
    auto what = request.method + " " + request.target;
    auto faults_before = faults_injected(exchange.registry());
    auto response = exchange.serve(std::move(request));
    if (faults_injected(exchange.registry()) == faults_before) {
      fuzz::check_response(response, what);
    } else {
      fuzz::check_head(response, what);
    }
  }
  return 0;
}
