#pragma once
// One problem found in a scenario, positioned for a person: "file:line:column: message".

#include <string>
#include <vector>

namespace mockex::scenario {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the problem has no position (an unreadable file)
  int column = 0;  // 1-based
  std::string message;

  // "file:line:column: message", or "file: message" without a position.
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace mockex::scenario
