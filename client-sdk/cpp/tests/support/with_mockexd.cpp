// with_mockexd CMD [ARGS...]: starts a mockexd (see daemon.hpp), runs CMD with MOCKEX_URL naming it,
// stops the daemon and exits with CMD's status. Runs the example programs and the installed
// package's consumer against a real daemon without a shell script.

#include "daemon.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <exception>
#include <iostream>

extern char** environ;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: with_mockexd CMD [ARGS...]\n";
    return 2;
  }
  try {
    mockex::sdk::testing::Daemon daemon;
    setenv("MOCKEX_URL", daemon.url().c_str(), 1);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[1], nullptr, nullptr, argv + 1, environ) != 0) {
      std::cerr << "with_mockexd: cannot run " << argv[1] << "\n";
      return 2;
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
  } catch (const std::exception& e) {
    std::cerr << "with_mockexd: " << e.what() << "\n";
    return 2;
  }
}
