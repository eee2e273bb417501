#include "test_support.hpp"

namespace mockex::scenario::testing {

std::string scenarios_dir() { return MOCKEX_SCENARIOS_DIR; }
std::string golden_dir() { return MOCKEX_SCENARIO_GOLDEN_DIR; }

std::vector<std::string> errors_of(std::string_view yaml) {
  auto result = load_scenario_string(yaml, "test.yaml");
  std::vector<std::string> out;
  for (const auto& error : result.errors) out.push_back(error.to_string());
  return out;
}

std::string with_base(std::string_view extra) {
  std::string text =
      "name: base\n"                         // 1
      "seed: 1\n"                            // 2
      "instruments:\n"                       // 3
      "  - symbol: BTCUSDT\n"                // 4
      "    base: BTC\n"                      // 5
      "    quote: USDT\n"                    // 6
      "    base_precision: 5\n"              // 7
      "    quote_precision: 2\n"             // 8
      "accounts:\n"                          // 9
      "  - api_key: demo-key\n"              // 10
      "    secret: demo-secret\n"            // 11
      "    balances: {USDT: \"100\"}\n";     // 12
  text += extra;
  return text;
}

}  // namespace mockex::scenario::testing
