#include <mockex/sdk/duration.hpp>

namespace mockex::sdk {

Duration Duration::from_json(const nlohmann::json& value) { return Duration(value); }

std::string Duration::text() const {
  if (value_.is_string()) return value_.get<std::string>();
  return value_.dump() + "ms";  // query strings need the unit; JSON bodies take the bare number
}

}  // namespace mockex::sdk
