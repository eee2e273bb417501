// Fuzz target: YAML bytes -> mockex::scenario::load_scenario_string, as `mockexd validate`,
// --scenario and the admin API's inline scenarios read them. A rejected scenario must say why;
// one that loads is made into a session (its venue built, market sources and timeline armed) on
// a stepped clock whose first 250 ms are then played, because whatever loads must also run.

#include "checks.hpp"
#include "live_exchange.hpp"

#include <mockex/scenario/loader.hpp>
#include <mockex/session/session.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace mockex;

// A replay reads a file the scenario names, which here could be any file of the machine; the
// loader is exercised all the same, the session is not made.
bool replays_a_file(const scenario::Scenario& loaded) {
  return std::any_of(loaded.markets.begin(), loaded.markets.end(),
                     [](const scenario::MarketSpec& market) { return market.replay.has_value(); });
}

void play(std::shared_ptr<const scenario::Scenario> loaded) {
  boost::asio::io_context io;
  auto made =
      session::Session::create(io.get_executor(), std::move(loaded), fuzz::stepped_options());
  auto* session = std::get_if<std::shared_ptr<session::Session>>(&made);
  if (session == nullptr) return;  // the venue refused it, with a message: fine
  boost::asio::post((*session)->executor(), [session = *session] {
    session->clock().advance(std::chrono::milliseconds(250));
    session->close();
  });
  io.run();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view yaml(reinterpret_cast<const char*>(data), size);
  auto loaded = scenario::load_scenario_string(yaml, "<fuzz>");
  if (!loaded.ok()) {
    if (loaded.errors.empty()) fuzz::fail("a scenario was refused without an error", yaml);
    for (const auto& error : loaded.errors) {
      if (error.message.empty()) fuzz::fail("an error without a message", error.to_string());
    }
    return 0;
  }
  if (!replays_a_file(*loaded.scenario)) {
    play(std::make_shared<const scenario::Scenario>(std::move(*loaded.scenario)));
  }
  return 0;
}
