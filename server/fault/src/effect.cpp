#include "mockex/fault/effect.hpp"

namespace mockex::fault {

std::string_view to_string(CorruptMode mode) {
  switch (mode) {
    case CorruptMode::truncate: return "truncate";
    case CorruptMode::invalid_json: return "invalid_json";
    case CorruptMode::wrong_type: return "wrong_type";
  }
  return "unknown";
}

std::string_view to_string(AckLostMode mode) {
  switch (mode) {
    case AckLostMode::drop: return "drop";
    case AckLostMode::hang: return "hang";
    case AckLostMode::error: return "error";
  }
  return "unknown";
}

}  // namespace mockex::fault
