#include "daemon.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

extern char** environ;

namespace mockex::sdk::testing {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The parent's environment plus the scenario directory, for posix_spawn.
std::vector<std::string> child_environment() {
  std::vector<std::string> out;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (std::string_view(*entry).starts_with("MOCKEX_SCENARIO_DIRS=")) continue;
    out.emplace_back(*entry);
  }
  out.push_back("MOCKEX_SCENARIO_DIRS=" + repo_dir() + "/scenarios");
  return out;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

std::string repo_dir() { return MOCKEX_SDK_REPO_DIR; }

Daemon::Daemon() {
  const char* binary = std::getenv("MOCKEXD");
  if (binary == nullptr || *binary == '\0') {
    throw std::runtime_error("MOCKEXD is not set: the path of the mockexd binary to test against");
  }
  std::string pattern = (fs::temp_directory_path() / "mockex-sdk-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  const auto port_file = dir_ + "/port";
  const auto log_file = dir_ + "/mockexd.log";

  std::vector<std::string> args = {binary, "--port", "0", "--port-file", port_file,
                                   "--scenario", repo_dir() + "/scenarios/quickstart.yaml"};
  auto env = child_environment();
  auto argv = c_strings(args);
  auto envp = c_strings(env);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The daemon's log goes to a file, shown only when it fails to start.
  posix_spawn_file_actions_addopen(&actions, 1, log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  int spawned = posix_spawn(&pid_, binary, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error(std::string("cannot start ") + binary);

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("mockexd exited at start:\n" + read_file(log_file));
    }
    auto text = read_file(port_file);
    if (!text.empty() && text.back() == '\n') {
      port_ = std::stoi(text);
      url_ = "http://127.0.0.1:" + std::to_string(port_);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  stop();
  throw std::runtime_error("mockexd did not listen within 20 s:\n" + read_file(log_file));
}

Daemon::~Daemon() { stop(); }

void Daemon::stop() noexcept {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  std::error_code ignored;
  if (!dir_.empty()) fs::remove_all(dir_, ignored);
}

Daemon& Daemon::shared() {
  static Daemon daemon;
  return daemon;
}

}  // namespace mockex::sdk::testing
