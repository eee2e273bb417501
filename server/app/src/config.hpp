#pragma once
// mockexd's configuration: defaults, overridden by the YAML file (conf/mockexd.yaml), overridden
// by MOCKEX_* environment variables, overridden by command-line flags.

#include <mockex/transport/limits.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockex::app {

enum class LogFormat { text, json };

// Limits on what one client may make the daemon hold (see transport/limits.hpp).
using transport::Limits;

struct Config {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8765;  // 0 picks a free port
  std::string port_file;      // when set, the bound port is written there once listening
  unsigned threads = 2;       // io_context worker threads
  std::string scenario = "scenarios/quickstart.yaml";  // the default session's scenario
  std::vector<std::string> scenario_dirs{"scenarios"}; // where sessions may load scenarios from
  std::string log_level = "info";  // trace, debug, info, warn, error, critical, off
  LogFormat log_format = LogFormat::text;
  Limits limits;
  std::size_t max_sessions = 1000;                    // sessions the admin API may create
  std::size_t max_scenario_bytes = 256 * 1024;        // an inline scenario beyond this: 413
  std::chrono::milliseconds session_ttl{1'800'000};   // idle created sessions expire; 0: never
  std::string journal_dir;  // non-empty: each session's journal is mirrored to <dir>/<id>.jsonl
  std::string report_dir;   // non-empty: each session's report is written there when it ends
  std::string admin_token;                            // non-empty: admin API needs this bearer
  // Set: the admin API (with /healthz, /readyz, /metrics) listens on its own port on `bind`
  // instead of the exchange port (0 picks a free one); unset: it shares the exchange port.
  std::optional<std::uint16_t> admin_port;
  std::string admin_port_file;  // when set, the admin listener's port is written there
  std::chrono::milliseconds drain_timeout{5'000};  // SIGTERM: in-flight work gets this long
  // Exchange WebSockets are closed this long after opening (Binance: 24 h); 0: never.
  std::chrono::milliseconds ws_max_lifetime{86'400'000};
};

// Reads one environment variable; std::nullopt when it is unset. Tests pass a map-backed one.
using Environment = std::function<std::optional<std::string>(std::string_view name)>;
Environment process_environment();

enum class Command {
  serve,     // run the daemon with `config`
  validate,  // `mockexd validate FILE...`: check the scenario files in `files`
  exit,      // nothing to run (--help, --version, or an error): exit with `exit_code`
};

struct Invocation {
  Command command = Command::exit;
  int exit_code = 0;
  Config config;
  std::vector<std::string> files;
};

// "0.1.0", or the MOCKEX_VERSION compile definition (a string literal) when the build sets one.
std::string_view mockexd_version();

// Parses the command line, reads the config file (--config, else MOCKEX_CONFIG, else none) and the
// environment, and applies precedence flag > env > file > default. --help and --version print to
// `out` (exit 0); a bad flag or value prints a usage message to `err` (exit 2); an unreadable or
// invalid config file prints `file:line:column: message` lines to `err` (exit 2).
Invocation parse_invocation(int argc, const char* const* argv, const Environment& env,
                            std::ostream& out, std::ostream& err);

}  // namespace mockex::app
