#pragma once
// Loads the default scenario far enough to know it is usable: readable YAML with a `name`.
// The scenario module replaces this with the full loader and validator.

#include <string>
#include <vector>

namespace mockex::app {

struct ScenarioCheck {
  std::string name;
  std::vector<std::string> errors;  // "file:line:column: message"
  bool ok() const { return errors.empty(); }
};

ScenarioCheck check_scenario_file(const std::string& path);

}  // namespace mockex::app
