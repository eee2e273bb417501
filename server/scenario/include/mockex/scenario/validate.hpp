#pragma once
// What `mockexd validate FILE...` prints for one file.

#include <string>
#include <vector>

#include "mockex/scenario/model.hpp"

namespace mockex::scenario {

struct ValidationReport {
  bool ok = false;
  // When ok: "quickstart: 2 instruments, 1 account, 3 timeline entries, seed 42".
  std::string summary;
  // When not ok: "file:line:column: message", one per problem, in file order.
  std::vector<std::string> errors;
};

ValidationReport validate_file(const std::string& path);
ValidationReport validate_string(std::string_view yaml, std::string file_name);

// The one-line summary of a loaded scenario.
std::string summarize(const Scenario& scenario);

}  // namespace mockex::scenario
