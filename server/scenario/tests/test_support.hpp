#pragma once
// Helpers shared by the scenario tests.

#include <string>
#include <string_view>
#include <vector>

#include "mockex/scenario/loader.hpp"

namespace mockex::scenario::testing {

// The repository's scenarios/ directory (examples and schema.json).
std::string scenarios_dir();
// server/scenario/tests/golden.
std::string golden_dir();

// Loads inline YAML as "test.yaml" and returns the errors as "file:line:col: message" strings.
std::vector<std::string> errors_of(std::string_view yaml);

// A minimal valid scenario with one instrument (BTCUSDT, price precision 2, qty precision 5),
// followed by `extra` (appended as more top-level YAML).
std::string with_base(std::string_view extra);

}  // namespace mockex::scenario::testing
