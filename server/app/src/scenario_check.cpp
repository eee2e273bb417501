#include "scenario_check.hpp"

#include <yaml-cpp/yaml.h>

namespace mockex::app {

ScenarioCheck check_scenario_file(const std::string& path) {
  ScenarioCheck check;
  try {
    auto root = YAML::LoadFile(path);
    if (!root.IsMap()) {
      check.errors.push_back(path + ":1:1: a scenario is a mapping of keys to values");
      return check;
    }
    auto name = root["name"];
    if (!name || !name.IsScalar() || name.Scalar().empty()) {
      check.errors.push_back(path + ":1:1: the scenario has no 'name'");
      return check;
    }
    check.name = name.Scalar();
  } catch (const YAML::BadFile&) {
    check.errors.push_back(path + ": cannot read the scenario file");
  } catch (const YAML::Exception& e) {
    check.errors.push_back(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                           std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return check;
}

}  // namespace mockex::app
