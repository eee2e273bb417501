#pragma once
// Confining file access to configured directories: what the admin API may load (scenario files
// and the replay files they name) must lie inside the scenario directories once symlinks and
// ".." are resolved.

#include <optional>
#include <string>
#include <vector>

namespace mockex::scenario {

// The canonical form of `path` (symlinks followed, "." and ".." collapsed) when it lies inside
// one of `dirs` (themselves canonicalised); nullopt when it lies outside all of them or a
// directory does not exist. `path` itself need not exist: its existing prefix is resolved.
std::optional<std::string> confined_path(const std::string& path,
                                         const std::vector<std::string>& dirs);

}  // namespace mockex::scenario
