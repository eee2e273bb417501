#include "mockex/fault/error.hpp"

namespace mockex::fault {

std::string to_string(const Error& error) {
  if (error.field.empty()) return error.message;
  return error.field + ": " + error.message;
}

}  // namespace mockex::fault
