#include <mockex/scenario/confined.hpp>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace mockex::scenario {
namespace fs = std::filesystem;

namespace {

// True when `dir` is `file` or one of its ancestors, both canonical.
bool contains(const fs::path& dir, const fs::path& file) {
  auto [dir_end, file_at] = std::mismatch(dir.begin(), dir.end(), file.begin(), file.end());
  return dir_end == dir.end();
}

}  // namespace

std::optional<std::string> confined_path(const std::string& path,
                                         const std::vector<std::string>& dirs) {
  std::error_code ec;
  auto file = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return std::nullopt;
  for (const auto& dir : dirs) {
    auto root = fs::canonical(dir, ec);
    if (ec) continue;
    if (contains(root, file)) return file.string();
  }
  return std::nullopt;
}

}  // namespace mockex::scenario
