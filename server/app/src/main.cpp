// mockexd: the mock exchange daemon.

#include "config.hpp"
#include "daemon.hpp"
#include "logging.hpp"
#include <mockex/scenario/loader.hpp>
#include <mockex/scenario/validate.hpp>
#include <mockex/session/fault_specs.hpp>

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
        if (report.ok) {
          // Fault params are the fault engine's to check, with the same file:line:col.
          auto loaded = mockex::scenario::load_scenario_file(file);
          if (loaded.ok()) report.errors = mockex::session::check_timeline_faults(*loaded.scenario);
          report.ok = report.errors.empty();
        }
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
