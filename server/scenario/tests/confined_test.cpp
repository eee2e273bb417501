// confined_path: what lies inside the configured directories once symlinks and ".." resolve.

#include "mockex/scenario/confined.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace mockex::scenario {
namespace {

namespace fs = std::filesystem;

// A tree of its own per test: ctest runs the tests of this file side by side.
struct Dirs {
  fs::path root = fs::canonical(::testing::TempDir()) /
                  (std::string("mockex_confined_") +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::path allowed = root / "a";
  fs::path sibling = root / "ab";  // shares a name prefix with `allowed`
  Dirs() {
    fs::remove_all(root);
    fs::create_directories(allowed / "sub");
    fs::create_directories(sibling);
    std::ofstream(allowed / "sub" / "in.jsonl") << "";
    std::ofstream(sibling / "out.jsonl") << "";
    fs::create_symlink(sibling / "out.jsonl", allowed / "link.jsonl");
    fs::create_symlink(sibling, allowed / "dirlink");
  }
  std::optional<std::string> check(const fs::path& path) const {
    return confined_path(path.string(), {allowed.string()});
  }
};

TEST(ConfinedPath, files_inside_resolve_to_their_canonical_path) {
  Dirs d;
  EXPECT_EQ(d.check(d.allowed / "sub" / "in.jsonl"), (d.allowed / "sub" / "in.jsonl").string());
  EXPECT_EQ(d.check(d.allowed / "sub" / ".." / "sub" / "in.jsonl"),
            (d.allowed / "sub" / "in.jsonl").string());
  EXPECT_EQ(d.check(d.allowed / "not-yet-there.jsonl"), (d.allowed / "not-yet-there.jsonl").string());
}

TEST(ConfinedPath, dot_dot_symlinks_and_name_prefixes_do_not_escape) {
  Dirs d;
  EXPECT_EQ(d.check(d.allowed / ".." / "ab" / "out.jsonl"), std::nullopt);
  EXPECT_EQ(d.check(d.sibling / "out.jsonl"), std::nullopt);
  EXPECT_EQ(d.check(d.allowed / "link.jsonl"), std::nullopt);
  EXPECT_EQ(d.check(d.allowed / "dirlink" / "out.jsonl"), std::nullopt);
  EXPECT_EQ(d.check("/etc/passwd"), std::nullopt);
}

TEST(ConfinedPath, no_directories_or_missing_ones_allow_nothing) {
  Dirs d;
  EXPECT_EQ(confined_path((d.allowed / "sub" / "in.jsonl").string(), {}), std::nullopt);
  EXPECT_EQ(confined_path((d.allowed / "sub" / "in.jsonl").string(), {(d.root / "gone").string()}),
            std::nullopt);
}

}  // namespace
}  // namespace mockex::scenario
