// mockexd: the mock exchange daemon.

#include "config.hpp"
#include "daemon.hpp"
#include "logging.hpp"
#include <mockex/scenario/validate.hpp>

#include <iostream>

int main(int argc, char** argv) {
  using namespace mockex::app;
  auto invocation = parse_invocation(argc, argv, process_environment(), std::cout, std::cerr);
  switch (invocation.command) {
    case Command::exit:
      return invocation.exit_code;
    case Command::validate: {
      int status = 0;
      for (const auto& file : invocation.files) {
        auto report = mockex::scenario::validate_file(file);
        for (const auto& error : report.errors) std::cerr << error << '\n';
        if (report.ok) {
          std::cout << file << ": " << report.summary << '\n';
        } else {
          status = 1;
        }
      }
      return status;
    }
    case Command::serve:
      break;
  }
  if (auto error = setup_logging(invocation.config.log_level, invocation.config.log_format)) {
    std::cerr << "mockexd: " << *error << '\n';
    return 2;
  }
  return run_daemon(invocation.config);
}
