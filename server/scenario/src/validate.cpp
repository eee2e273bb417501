#include "mockex/scenario/validate.hpp"

#include "mockex/scenario/loader.hpp"

namespace mockex::scenario {

namespace {

std::string count(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

ValidationReport report(LoadResult result) {
  ValidationReport out;
  if (result.ok()) {
    out.ok = true;
    out.summary = summarize(*result.scenario);
    return out;
  }
  for (const auto& error : result.errors) out.errors.push_back(error.to_string());
  return out;
}

}  // namespace

std::string summarize(const Scenario& scenario) {
  return scenario.name + ": " + count(scenario.instruments.size(), "instrument", "instruments") +
         ", " + count(scenario.accounts.size(), "account", "accounts") + ", " +
         count(scenario.timeline.size(), "timeline entry", "timeline entries") + ", seed " +
         std::to_string(scenario.seed);
}

ValidationReport validate_file(const std::string& path) { return report(load_scenario_file(path)); }

ValidationReport validate_string(std::string_view yaml, std::string file_name) {
  return report(load_scenario_string(yaml, std::move(file_name)));
}

}  // namespace mockex::scenario
