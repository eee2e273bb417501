#pragma once
// A rejected fault rule: which field is wrong and why. Shown to people (scenario validator, admin
// API), so the message says what is expected.

#include <string>

namespace mockex::fault {

struct Error {
  std::string field;    // a path into the JSON shape: "params.ms", "match.http", "trigger.count"
  std::string message;  // "must be a whole number of milliseconds >= 0"

  friend bool operator==(const Error&, const Error&) = default;
};

// "field: message" (just the message when the field is empty).
std::string to_string(const Error& error);

}  // namespace mockex::fault
