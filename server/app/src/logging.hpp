#pragma once

#include "config.hpp"

#include <optional>
#include <string>

namespace mockex::app {

// Sends spdlog's default logger to stderr, as text or as one JSON object per line.
// Returns an error message for an unknown level name.
std::optional<std::string> setup_logging(const std::string& level, LogFormat format);

}  // namespace mockex::app
