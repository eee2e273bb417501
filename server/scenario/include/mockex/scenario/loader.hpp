#pragma once
// YAML text -> Scenario. The loader is strict: unknown keys (with a "did you mean"), wrong types
// and impossible values are all errors, every one of them reported with its position, and a
// scenario with any error is not returned. Decimals are read from the scalar text, never through
// a double.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mockex/scenario/diagnostic.hpp"
#include "mockex/scenario/model.hpp"

namespace mockex::scenario {

struct LoadResult {
  std::optional<Scenario> scenario;  // set only when `errors` is empty
  Diagnostics errors;                // in file order

  bool ok() const { return scenario.has_value(); }
};

struct LoadOptions {
  // Relative replay files resolve against this directory; empty: the current directory, and
  // replay files are then not checked for existence.
  std::string base_dir;
  // When true, a replay file that cannot be opened is an error (needs base_dir or an absolute
  // path).
  bool check_files = false;
  // Set: a replay file must resolve (symlinks followed) inside one of these directories; one
  // outside them (or any, when the list is empty) is an error. The admin API sets the scenario
  // directories here; unset, replay files may be anywhere (the operator's own command line).
  std::optional<std::vector<std::string>> allowed_dirs;
};

// Parses `yaml`, reporting errors against `file_name` (a real path or a pseudo name such as
// "<inline>" or "admin-request").
LoadResult load_scenario_string(std::string_view yaml, std::string file_name,
                                const LoadOptions& options = {});

// Reads and parses `path`; replay files resolve against its directory and must exist (and lie
// inside `allowed_dirs` when that is given).
LoadResult load_scenario_file(const std::string& path,
                              std::optional<std::vector<std::string>> allowed_dirs = {});

}  // namespace mockex::scenario
