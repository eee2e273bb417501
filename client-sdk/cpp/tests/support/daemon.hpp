#pragma once
// A real mockexd for the SDK's tests: started on a free port with the repository's scenarios,
// stopped with SIGTERM. The binary is $MOCKEXD (CTest sets it to the one the root project built).

#include <sys/types.h>

#include <string>

namespace mockex::sdk::testing {

class Daemon {
 public:
  // Starts mockexd and waits until it listens; throws std::runtime_error (with its log) if not.
  Daemon();
  ~Daemon();
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  const std::string& url() const { return url_; }  // "http://127.0.0.1:<port>"
  int port() const { return port_; }

  // One daemon per test process, started on first use and stopped at exit: a whole test binary
  // run shares it, and CTest's one-test-per-process runs get one each.
  static Daemon& shared();

 private:
  void stop() noexcept;  // SIGTERM, wait, remove the temporary directory

  std::string dir_;  // temporary: the port file and the daemon's log
  pid_t pid_ = -1;
  int port_ = 0;
  std::string url_;
};

// The repository root (for scenarios/).
std::string repo_dir();

}  // namespace mockex::sdk::testing
