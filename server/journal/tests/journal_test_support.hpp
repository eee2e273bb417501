#pragma once
// Helpers shared by the journal tests.

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "mockex/journal/journal.hpp"

namespace mockex::journal::testing {

// Scenario time `ms` milliseconds after 2024-01-01T00:00:00Z, wall time 5 s later.
inline Stamp at_ms(std::int64_t ms) {
  constexpr std::int64_t base_ms = 1'704'067'200'000;
  return Stamp{core::Timestamp::from_millis(base_ms + ms), base_ms + 5'000 + ms};
}

// A fresh, empty directory for one test, removed when the object goes.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("mockex_journal_" + name + "_" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace mockex::journal::testing
