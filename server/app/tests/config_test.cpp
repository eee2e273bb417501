#include "config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "mockex/core/duration.hpp"

namespace {

using namespace std::chrono_literals;
using mockex::app::Command;
using mockex::app::Config;
using mockex::app::Invocation;
using mockex::app::LogFormat;
using mockex::app::parse_invocation;
using ::testing::HasSubstr;
using ::testing::StartsWith;

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with everything in it at scope end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "mockex-config-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

  // Writes `text` to `name` (creating parent directories) and returns the file's path.
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path file = path_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file.string();
  }

 private:
  fs::path path_;
};

using EnvMap = std::map<std::string, std::string, std::less<>>;

struct Outcome {
  Invocation invocation;
  std::string out;
  std::string err;
};

Outcome run(std::vector<std::string> args, const EnvMap& env = {}) {
  args.insert(args.begin(), "mockexd");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  const mockex::app::Environment environment =
      [&env](std::string_view name) -> std::optional<std::string> {
    const auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  std::ostringstream out;
  std::ostringstream err;
  Outcome result;
  result.invocation =
      parse_invocation(static_cast<int>(argv.size()), argv.data(), environment, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

// Runs and expects the config to be accepted; returns it.
Config config_of(std::vector<std::string> args, const EnvMap& env = {}) {
  const Outcome r = run(std::move(args), env);
  EXPECT_EQ(r.invocation.command, Command::serve) << r.err;
  EXPECT_EQ(r.invocation.exit_code, 0);
  EXPECT_EQ(r.err, "");
  return r.invocation.config;
}

// Runs and expects exit code 2 with nothing to run; returns what was printed on err.
std::string error_of(std::vector<std::string> args, const EnvMap& env = {}) {
  const Outcome r = run(std::move(args), env);
  EXPECT_EQ(r.invocation.command, Command::exit);
  EXPECT_EQ(r.invocation.exit_code, 2);
  EXPECT_EQ(r.out, "");
  return r.err;
}

// ---------------------------------------------------------------------------------------------
// Defaults and precedence

TEST(Config, defaults_when_no_file_env_or_flag) {
  const Config c = config_of({});
  const Config defaults;
  EXPECT_EQ(c.bind, "127.0.0.1");
  EXPECT_EQ(c.port, 8765);
  EXPECT_EQ(c.port_file, "");
  EXPECT_EQ(c.threads, 2u);
  EXPECT_EQ(c.scenario, "scenarios/quickstart.yaml");
  EXPECT_EQ(c.scenario_dirs, std::vector<std::string>{"scenarios"});
  EXPECT_EQ(c.log_level, "info");
  EXPECT_EQ(c.log_format, LogFormat::text);
  EXPECT_EQ(c.limits.max_header_bytes, 16u * 1024);
  EXPECT_EQ(c.limits.max_body_bytes, 1024u * 1024);
  EXPECT_EQ(c.limits.idle_timeout, 30s);
  EXPECT_EQ(c.limits.max_connections, 1024u);
  EXPECT_EQ(c.limits.max_pipelined, 16u);
  EXPECT_EQ(c.limits.max_ws_message_bytes, 1024u * 1024);
  EXPECT_EQ(c.limits.max_ws_send_queue, 4096u);
  EXPECT_EQ(c.limits.max_ws_send_queue_bytes, 4u * 1024 * 1024);
  EXPECT_EQ(c.limits.ws_ping_interval, std::chrono::seconds(20));
  EXPECT_EQ(c.drain_timeout, 5s);
}

TEST(Config, file_sets_every_key) {
  TempDir dir;
  const std::string file = dir.write("mockexd.yaml", R"(
listen: {bind: 0.0.0.0, port: 9000, port_file: /run/mockexd.port}
threads: 4
scenario: /srv/scenarios/a.yaml
scenario_dirs: [/srv/scenarios, /srv/more]
log: {level: debug, format: json}
limits:
  max_header_bytes: 100
  max_body_bytes: 200
  idle_timeout: 1.5s
  max_connections: 300
  max_pipelined: 4
  max_ws_message_bytes: 500
  max_ws_send_queue: 600
  max_ws_send_queue_bytes: 700
shutdown: {drain_timeout: 2m}
)");
  const Config c = config_of({"--config", file});
  EXPECT_EQ(c.bind, "0.0.0.0");
  EXPECT_EQ(c.port, 9000);
  EXPECT_EQ(c.port_file, "/run/mockexd.port");
  EXPECT_EQ(c.threads, 4u);
  EXPECT_EQ(c.scenario, "/srv/scenarios/a.yaml");
  EXPECT_EQ(c.scenario_dirs, (std::vector<std::string>{"/srv/scenarios", "/srv/more"}));
  EXPECT_EQ(c.log_level, "debug");
  EXPECT_EQ(c.log_format, LogFormat::json);
  EXPECT_EQ(c.limits.max_header_bytes, 100u);
  EXPECT_EQ(c.limits.max_body_bytes, 200u);
  EXPECT_EQ(c.limits.idle_timeout, 1500ms);
  EXPECT_EQ(c.limits.max_connections, 300u);
  EXPECT_EQ(c.limits.max_pipelined, 4u);
  EXPECT_EQ(c.limits.max_ws_message_bytes, 500u);
  EXPECT_EQ(c.limits.max_ws_send_queue, 600u);
  EXPECT_EQ(c.limits.max_ws_send_queue_bytes, 700u);
  EXPECT_EQ(c.drain_timeout, 2min);
}

TEST(Config, file_keeps_defaults_for_keys_it_omits) {
  TempDir dir;
  const std::string file = dir.write("mockexd.yaml", "listen: {port: 9000}\nlog:\n");
  const Config c = config_of({"--config", file});
  EXPECT_EQ(c.port, 9000);
  EXPECT_EQ(c.bind, "127.0.0.1");
  EXPECT_EQ(c.log_level, "info");
  EXPECT_EQ(c.drain_timeout, 5s);
}

TEST(Config, empty_file_gives_defaults) {
  TempDir dir;
  const std::string file = dir.write("mockexd.yaml", "# nothing set yet\n");
  const Config c = config_of({"--config", file});
  EXPECT_EQ(c.port, 8765);
  EXPECT_EQ(c.scenario, "scenarios/quickstart.yaml");
}

TEST(Config, env_sets_every_key) {
  const Config c = config_of({}, {{"MOCKEX_BIND", "::1"},
                                  {"MOCKEX_PORT", "0"},
                                  {"MOCKEX_PORT_FILE", "port.txt"},
                                  {"MOCKEX_THREADS", "8"},
                                  {"MOCKEX_SCENARIO", "s/x.yaml"},
                                  {"MOCKEX_SCENARIO_DIRS", "a:/b/c"},
                                  {"MOCKEX_LOG_LEVEL", "warn"},
                                  {"MOCKEX_LOG_FORMAT", "json"},
                                  {"MOCKEX_MAX_HEADER_BYTES", "1"},
                                  {"MOCKEX_MAX_BODY_BYTES", "2"},
                                  {"MOCKEX_IDLE_TIMEOUT", "250ms"},
                                  {"MOCKEX_MAX_CONNECTIONS", "3"},
                                  {"MOCKEX_MAX_PIPELINED", "4"},
                                  {"MOCKEX_MAX_WS_MESSAGE_BYTES", "5"},
                                  {"MOCKEX_MAX_WS_SEND_QUEUE", "6"},
                                  {"MOCKEX_MAX_WS_SEND_QUEUE_BYTES", "7"},
                                  {"MOCKEX_DRAIN_TIMEOUT", "0"}});
  EXPECT_EQ(c.bind, "::1");
  EXPECT_EQ(c.port, 0);
  EXPECT_EQ(c.port_file, "port.txt");  // env paths stay relative to the working directory
  EXPECT_EQ(c.threads, 8u);
  EXPECT_EQ(c.scenario, "s/x.yaml");
  EXPECT_EQ(c.scenario_dirs, (std::vector<std::string>{"a", "/b/c"}));
  EXPECT_EQ(c.log_level, "warn");
  EXPECT_EQ(c.log_format, LogFormat::json);
  EXPECT_EQ(c.limits.max_header_bytes, 1u);
  EXPECT_EQ(c.limits.max_body_bytes, 2u);
  EXPECT_EQ(c.limits.idle_timeout, 250ms);
  EXPECT_EQ(c.limits.max_connections, 3u);
  EXPECT_EQ(c.limits.max_pipelined, 4u);
  EXPECT_EQ(c.limits.max_ws_message_bytes, 5u);
  EXPECT_EQ(c.limits.max_ws_send_queue, 6u);
  EXPECT_EQ(c.limits.max_ws_send_queue_bytes, 7u);
  EXPECT_EQ(c.drain_timeout, 0ms);
}

TEST(Config, flags_set_every_flagged_key) {
  const Config c = config_of({"--bind", "0.0.0.0", "--port", "0", "--port-file", "p",
                              "--threads", "3", "--scenario", "x.yaml", "--log-level", "trace",
                              "--log-format", "json", "--max-header-bytes", "11",
                              "--max-body-bytes", "12", "--idle-timeout", "2m",
                              "--max-connections", "13", "--max-pipelined", "14",
                              "--max-ws-message-bytes", "15", "--max-ws-send-queue", "16",
                              "--max-ws-send-queue-bytes", "17", "--drain-timeout", "1h"});
  EXPECT_EQ(c.bind, "0.0.0.0");
  EXPECT_EQ(c.port, 0);
  EXPECT_EQ(c.port_file, "p");
  EXPECT_EQ(c.threads, 3u);
  EXPECT_EQ(c.scenario, "x.yaml");
  EXPECT_EQ(c.log_level, "trace");
  EXPECT_EQ(c.log_format, LogFormat::json);
  EXPECT_EQ(c.limits.max_header_bytes, 11u);
  EXPECT_EQ(c.limits.max_body_bytes, 12u);
  EXPECT_EQ(c.limits.idle_timeout, 2min);
  EXPECT_EQ(c.limits.max_connections, 13u);
  EXPECT_EQ(c.limits.max_pipelined, 14u);
  EXPECT_EQ(c.limits.max_ws_message_bytes, 15u);
  EXPECT_EQ(c.limits.max_ws_send_queue, 16u);
  EXPECT_EQ(c.limits.max_ws_send_queue_bytes, 17u);
  EXPECT_EQ(c.drain_timeout, 1h);
}

TEST(Config, env_overrides_file_and_flag_overrides_env) {
  TempDir dir;
  const std::string file =
      dir.write("mockexd.yaml", "listen: {port: 1111, bind: 10.0.0.1}\nthreads: 3\n");
  const EnvMap env{{"MOCKEX_PORT", "2222"}, {"MOCKEX_THREADS", "5"}};

  const Config from_env = config_of({"--config", file}, env);
  EXPECT_EQ(from_env.port, 2222);          // env over file
  EXPECT_EQ(from_env.threads, 5u);         // env over file
  EXPECT_EQ(from_env.bind, "10.0.0.1");    // file over default

  const Config from_flag = config_of({"--config", file, "--port", "3333"}, env);
  EXPECT_EQ(from_flag.port, 3333);         // flag over env
  EXPECT_EQ(from_flag.threads, 5u);        // env still over file
  EXPECT_EQ(from_flag.bind, "10.0.0.1");
}

TEST(Config, config_path_from_env_and_flag_wins_over_env) {
  TempDir dir;
  const std::string by_env = dir.write("env.yaml", "threads: 7\n");
  const std::string by_flag = dir.write("flag.yaml", "threads: 9\n");
  EXPECT_EQ(config_of({}, {{"MOCKEX_CONFIG", by_env}}).threads, 7u);
  EXPECT_EQ(config_of({"--config", by_flag}, {{"MOCKEX_CONFIG", by_env}}).threads, 9u);
}

TEST(Config, empty_env_value_counts_as_set) {
  TempDir dir;
  const std::string file = dir.write("mockexd.yaml", "listen: {port_file: /tmp/p}\n");
  EXPECT_EQ(config_of({"--config", file}, {{"MOCKEX_PORT_FILE", ""}}).port_file, "");
  EXPECT_EQ(config_of({}, {{"MOCKEX_SCENARIO_DIRS", ""}}).scenario_dirs,
            std::vector<std::string>{});
  EXPECT_EQ(error_of({}, {{"MOCKEX_PORT", ""}}), "MOCKEX_PORT: expected a whole number, got \"\"\n");
}

// ---------------------------------------------------------------------------------------------
// Paths

TEST(Config, relative_paths_in_file_resolve_against_the_file_directory) {
  TempDir dir;
  const std::string file = dir.write("conf/mockexd.yaml", R"(
listen: {port_file: run/port}
scenario: ../scenarios/quickstart.yaml
scenario_dirs: [../scenarios, /abs/dir, ./local]
)");
  const Config c = config_of({"--config", file});
  const fs::path root = dir.path();
  EXPECT_EQ(c.port_file, (root / "conf/run/port").string());
  EXPECT_EQ(c.scenario, (root / "scenarios/quickstart.yaml").string());
  EXPECT_EQ(c.scenario_dirs,
            (std::vector<std::string>{(root / "scenarios").string(), "/abs/dir",
                                      (root / "conf/local").string()}));
}

TEST(Config, relative_config_path_gives_paths_relative_to_the_working_directory) {
  TempDir dir;
  dir.write("conf/mockexd.yaml", "scenario: ../scenarios/q.yaml\nlisten: {port_file: \"\"}\n");
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  const Config c = config_of({"--config", "conf/mockexd.yaml"});
  fs::current_path(cwd);
  EXPECT_EQ(c.scenario, "scenarios/q.yaml");
  EXPECT_EQ(c.port_file, "");  // an empty path stays empty: no port file
}

TEST(Config, shipped_conf_file_is_valid_and_holds_the_defaults) {
  const fs::path repo = fs::path(__FILE__).parent_path() / "../../..";
  const fs::path conf = (repo / "conf/mockexd.yaml").lexically_normal();
  ASSERT_TRUE(fs::exists(conf)) << conf;
  const Config c = config_of({"--config", conf.string()});
  const Config d;
  const fs::path root = conf.parent_path().parent_path();
  EXPECT_EQ(c.scenario, (root / "scenarios/quickstart.yaml").string());
  EXPECT_EQ(c.scenario_dirs, std::vector<std::string>{(root / "scenarios").string()});
  EXPECT_EQ(c.bind, d.bind);
  EXPECT_EQ(c.port, d.port);
  EXPECT_EQ(c.port_file, d.port_file);
  EXPECT_EQ(c.threads, d.threads);
  EXPECT_EQ(c.log_level, d.log_level);
  EXPECT_EQ(c.log_format, d.log_format);
  EXPECT_EQ(c.limits.max_header_bytes, d.limits.max_header_bytes);
  EXPECT_EQ(c.limits.max_body_bytes, d.limits.max_body_bytes);
  EXPECT_EQ(c.limits.idle_timeout, d.limits.idle_timeout);
  EXPECT_EQ(c.limits.max_connections, d.limits.max_connections);
  EXPECT_EQ(c.limits.max_pipelined, d.limits.max_pipelined);
  EXPECT_EQ(c.limits.max_ws_message_bytes, d.limits.max_ws_message_bytes);
  EXPECT_EQ(c.limits.max_ws_send_queue, d.limits.max_ws_send_queue);
  EXPECT_EQ(c.limits.max_ws_send_queue_bytes, d.limits.max_ws_send_queue_bytes);
  EXPECT_EQ(c.drain_timeout, d.drain_timeout);
}

// ---------------------------------------------------------------------------------------------
// Config file errors: `file:line:column: message`, every one of them

TEST(Config, unreadable_file_names_file_and_reason) {
  TempDir dir;
  const std::string missing = (dir.path() / "nope.yaml").string();
  EXPECT_EQ(error_of({"--config", missing}), missing + ": cannot read: No such file or directory\n");
  EXPECT_EQ(error_of({"--config", dir.path().string()}),
            dir.path().string() + ": cannot read: Is a directory\n");
  EXPECT_EQ(error_of({}, {{"MOCKEX_CONFIG", missing}}),
            missing + ": cannot read: No such file or directory\n");
}

TEST(Config, yaml_syntax_error_has_line_and_column) {
  TempDir dir;
  const std::string file = dir.write("bad.yaml", "listen:\n  port: 1\n  bind: [a, b\n");
  EXPECT_EQ(error_of({"--config", file}), file + ":4:1: end of sequence flow not found\n");
}

TEST(Config, unknown_keys_suggest_a_near_miss_or_list_the_known_ones) {
  TempDir dir;
  const std::string file = dir.write("bad.yaml",
                                     "listne: {}\n"
                                     "listen:\n"
                                     "  prot: 1\n"
                                     "limits: {idle_timout: 1s}\n"
                                     "colour: red\n");
  EXPECT_EQ(error_of({"--config", file}),
            file + ":1:1: unknown key \"listne\"; did you mean \"listen\"?\n" +
            file + ":3:3: unknown key \"listen.prot\"; did you mean \"listen.port\"?\n" +
            file + ":4:10: unknown key \"limits.idle_timout\"; did you mean \"limits.idle_timeout\"?\n" +
            file + ":5:1: unknown key \"colour\"; expected one of: listen, threads, scenario, "
                   "scenario_dirs, log, limits, sessions, admin, shutdown\n");
}

TEST(Config, wrong_types_are_reported_at_the_value) {
  TempDir dir;
  const std::string file = dir.write("bad.yaml",
                                     "listen: 8765\n"
                                     "threads: [1, 2]\n"
                                     "scenario_dirs: scenarios\n"
                                     "log:\n"
                                     "  level:\n"
                                     "  format: {a: 1}\n"
                                     "shutdown:\n"
                                     "  drain_timeout: 1s\n"
                                     "  drain_timeout: 2s\n");
  EXPECT_EQ(error_of({"--config", file}),
            file + ":1:9: listen: expected a mapping, got a scalar\n" +
            file + ":2:10: threads: expected a single value, got a sequence\n" +
            file + ":3:16: scenario_dirs: expected a sequence, got a scalar\n" +
            file + ":5:3: log.level: missing value\n" +
            file + ":6:11: log.format: expected a single value, got a mapping\n" +
            file + ":9:3: duplicate key \"shutdown.drain_timeout\"\n");
}

TEST(Config, top_level_must_be_a_mapping) {
  TempDir dir;
  const std::string file = dir.write("bad.yaml", "- a\n- b\n");
  EXPECT_EQ(error_of({"--config", file}),
            file + ":1:1: expected a mapping of settings, got a sequence\n");
}

TEST(Config, impossible_values_are_all_reported_with_positions) {
  TempDir dir;
  const std::string file = dir.write("bad.yaml",
                                     "listen: {bind: \"\", port: 70000}\n"
                                     "threads: 0\n"
                                     "scenario_dirs: [ok, \"\", [x]]\n"
                                     "log: {level: verbose, format: xml}\n"
                                     "limits:\n"
                                     "  max_body_bytes: -1\n"
                                     "  max_pipelined: 0\n"
                                     "  idle_timeout: 30\n"
                                     "  max_connections: 99999999999999999999999\n"
                                     "shutdown: {drain_timeout: 5 sec}\n");
  EXPECT_EQ(
      error_of({"--config", file}),
      file + ":1:16: listen.bind: must not be empty\n" +
      file + ":1:26: listen.port: must be between 0 and 65535, got 70000\n" +
      file + ":2:10: threads: must be between 1 and 1024, got 0\n" +
      file + ":3:21: scenario_dirs[1]: empty path\n" +
      file + ":3:25: scenario_dirs[2]: expected a single value, got a sequence\n" +
      file + ":4:14: log.level: expected one of trace, debug, info, warn, error, critical, off, "
             "got \"verbose\"\n" +
      file + ":4:31: log.format: expected text or json, got \"xml\"\n" +
      file + ":6:19: limits.max_body_bytes: expected a whole number, got \"-1\"\n" +
      file + ":7:18: limits.max_pipelined: must be at least 1, got 0\n" +
      file + ":8:17: limits.idle_timeout: invalid duration \"30\": missing unit (use ms, s, m or h)\n" +
      file + ":9:20: limits.max_connections: must be at least 1, got 99999999999999999999999\n" +
      file + ":10:27: shutdown.drain_timeout: invalid duration \"5 sec\": unknown unit \" sec\" "
             "(use ms, s, m or h)\n");
}

TEST(Config, idle_timeout_must_be_positive_and_drain_timeout_may_be_zero) {
  TempDir dir;
  const std::string file =
      dir.write("t.yaml", "limits: {idle_timeout: 0}\nshutdown: {drain_timeout: 0}\n");
  EXPECT_EQ(error_of({"--config", file}),
            file + ":1:24: limits.idle_timeout: must be at least 1ms, got 0\n");
}

TEST(Config, file_and_env_errors_are_reported_together) {
  TempDir dir;
  const std::string file = dir.write("bad.yaml", "threads: 0\n");
  EXPECT_EQ(error_of({"--config", file}, {{"MOCKEX_PORT", "http"}, {"MOCKEX_LOG_LEVEL", "loud"}}),
            file + ":1:10: threads: must be between 1 and 1024, got 0\n"
            "MOCKEX_PORT: expected a whole number, got \"http\"\n"
            "MOCKEX_LOG_LEVEL: expected one of trace, debug, info, warn, error, critical, off, "
            "got \"loud\"\n");
}

// ---------------------------------------------------------------------------------------------
// Environment errors

TEST(Config, bad_env_value_names_the_variable) {
  EXPECT_EQ(error_of({}, {{"MOCKEX_PORT", "70000"}}),
            "MOCKEX_PORT: must be between 0 and 65535, got 70000\n");
  EXPECT_EQ(error_of({}, {{"MOCKEX_DRAIN_TIMEOUT", "-1s"}}),
            "MOCKEX_DRAIN_TIMEOUT: invalid duration \"-1s\": must not be negative\n");
  EXPECT_EQ(error_of({}, {{"MOCKEX_SCENARIO_DIRS", "a::b"}}),
            "MOCKEX_SCENARIO_DIRS: empty path\n");
  EXPECT_EQ(error_of({}, {{"MOCKEX_LOG_FORMAT", "JSON"}}),
            "MOCKEX_LOG_FORMAT: expected text or json, got \"JSON\"\n");
}

// ---------------------------------------------------------------------------------------------
// Command line

TEST(Config, help_prints_usage_flags_and_env_and_exits_zero) {
  const Outcome r = run({"--help"});
  EXPECT_EQ(r.invocation.command, Command::exit);
  EXPECT_EQ(r.invocation.exit_code, 0);
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, StartsWith("mockexd: a mock exchange daemon"));
  for (const char* text : {"--config", "--scenario", "--port", "--bind", "--port-file",
                           "--threads", "--log-level", "--log-format", "--drain-timeout",
                           "--max-connections", "--idle-timeout", "--version", "validate",
                           "MOCKEX_CONFIG", "MOCKEX_SCENARIO_DIRS", "MOCKEX_MAX_PIPELINED"}) {
    EXPECT_THAT(r.out, HasSubstr(text));
  }
}

TEST(Config, help_does_not_read_the_config_file) {
  const Outcome r = run({"--help", "--config", "/nonexistent/mockexd.yaml"});
  EXPECT_EQ(r.invocation.exit_code, 0);
  EXPECT_EQ(r.err, "");
}

TEST(Config, version_prints_name_and_version_and_exits_zero) {
  const Outcome r = run({"--version"});
  EXPECT_EQ(r.invocation.command, Command::exit);
  EXPECT_EQ(r.invocation.exit_code, 0);
  EXPECT_EQ(r.out, "mockexd " + std::string(mockex::app::mockexd_version()) + "\n");
  EXPECT_EQ(mockex::app::mockexd_version(), "0.1.0");
  EXPECT_EQ(r.err, "");
}

TEST(Config, unknown_flag_prints_usage_and_exits_two) {
  const std::string err = error_of({"--nope"});
  EXPECT_EQ(err,
            "The following argument was not expected: --nope\n"
            "Usage: mockexd [OPTIONS]\n"
            "       mockexd validate FILE...\n"
            "Run 'mockexd --help' for more information.\n");
}

TEST(Config, bad_flag_value_names_the_flag_and_exits_two) {
  EXPECT_THAT(error_of({"--port", "70000"}),
              StartsWith("--port: must be between 0 and 65535, got 70000\nUsage: mockexd"));
  EXPECT_THAT(error_of({"--log-level", "loud"}),
              StartsWith("--log-level: expected one of trace, debug, info, warn, error, critical, "
                         "off, got \"loud\"\n"));
  EXPECT_THAT(error_of({"--drain-timeout", "5x"}),
              StartsWith("--drain-timeout: invalid duration \"5x\": unknown unit \"x\" "
                         "(use ms, s, m or h)\n"));
  EXPECT_THAT(error_of({"--threads"}), HasSubstr("Usage: mockexd"));
}

TEST(Config, stray_positional_argument_exits_two) {
  EXPECT_THAT(error_of({"serve"}), StartsWith("The following argument was not expected: serve\n"));
}

TEST(Config, validate_subcommand_collects_files) {
  const Outcome r = run({"validate", "a.yaml", "b/c.yaml", "d.yaml"});
  EXPECT_EQ(r.invocation.command, Command::validate);
  EXPECT_EQ(r.invocation.exit_code, 0);
  EXPECT_EQ(r.invocation.files, (std::vector<std::string>{"a.yaml", "b/c.yaml", "d.yaml"}));
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST(Config, validate_accepts_global_options_before_and_after) {
  TempDir dir;
  const std::string file = dir.write("mockexd.yaml", "log: {level: debug}\n");
  const Outcome r = run({"--threads", "3", "validate", "a.yaml", "--config", file});
  EXPECT_EQ(r.invocation.command, Command::validate) << r.err;
  EXPECT_EQ(r.invocation.files, std::vector<std::string>{"a.yaml"});
  EXPECT_EQ(r.invocation.config.threads, 3u);
  EXPECT_EQ(r.invocation.config.log_level, "debug");
}

TEST(Config, validate_without_files_exits_two) {
  EXPECT_THAT(error_of({"validate"}), HasSubstr("FILE is required"));
}

TEST(Config, serve_without_subcommand_has_no_files) {
  const Outcome r = run({"--port", "0"});
  EXPECT_EQ(r.invocation.command, Command::serve);
  EXPECT_TRUE(r.invocation.files.empty());
  EXPECT_EQ(r.invocation.config.port, 0);
}

TEST(Config, process_environment_reads_the_real_environment) {
  ::setenv("MOCKEX_CONFIG_TEST_PROBE", "yes", 1);
  const auto env = mockex::app::process_environment();
  EXPECT_EQ(env("MOCKEX_CONFIG_TEST_PROBE"), std::optional<std::string>("yes"));
  ::unsetenv("MOCKEX_CONFIG_TEST_PROBE");
  EXPECT_EQ(env("MOCKEX_CONFIG_TEST_PROBE"), std::nullopt);
}

// ---------------------------------------------------------------------------------------------
// Durations (mockex/core/duration.hpp)

using mockex::core::format_duration;
using mockex::core::parse_duration;

TEST(Duration, parses_each_unit_fractions_and_bare_zero) {
  EXPECT_EQ(parse_duration("250ms").value, 250ms);
  EXPECT_EQ(parse_duration("5s").value, 5s);
  EXPECT_EQ(parse_duration("2m").value, 2min);
  EXPECT_EQ(parse_duration("1h").value, 1h);
  EXPECT_EQ(parse_duration("1.5s").value, 1500ms);
  EXPECT_EQ(parse_duration("0.25h").value, 15min);
  EXPECT_EQ(parse_duration("1.500s").value, 1500ms);
  EXPECT_EQ(parse_duration("0").value, 0ms);
  EXPECT_EQ(parse_duration("0s").value, 0ms);
  EXPECT_TRUE(parse_duration("0").error.empty());
}

TEST(Duration, rejects_malformed_text_with_a_reason) {
  const auto error = [](std::string_view text) { return parse_duration(text).error; };
  EXPECT_EQ(error(""), "invalid duration \"\": empty");
  EXPECT_EQ(error("250"), "invalid duration \"250\": missing unit (use ms, s, m or h)");
  EXPECT_EQ(error("5x"), "invalid duration \"5x\": unknown unit \"x\" (use ms, s, m or h)");
  EXPECT_EQ(error("5S"), "invalid duration \"5S\": unknown unit \"S\" (use ms, s, m or h)");
  EXPECT_EQ(error("-5s"), "invalid duration \"-5s\": must not be negative");
  EXPECT_EQ(error("s"), "invalid duration \"s\": expected a number");
  EXPECT_EQ(error(".5s"), "invalid duration \".5s\": expected a digit before the decimal point");
  EXPECT_EQ(error("1.s"), "invalid duration \"1.s\": expected digits after the decimal point");
  EXPECT_EQ(error("0.5ms"), "invalid duration \"0.5ms\": not a whole number of milliseconds");
  EXPECT_EQ(error("1.0001s"), "invalid duration \"1.0001s\": not a whole number of milliseconds");
  EXPECT_EQ(error("99999999999999999999h"), "invalid duration \"99999999999999999999h\": too large");
  EXPECT_EQ(error("9223372036854776s"), "invalid duration \"9223372036854776s\": too large");
  EXPECT_EQ(error("2562047789h"), "invalid duration \"2562047789h\": too large");
  EXPECT_FALSE(parse_duration("5x"));
}

TEST(Duration, largest_value_still_converts_to_microseconds) {
  EXPECT_EQ(mockex::core::kMaxDuration.count(), 9'223'372'036'854'775);
  EXPECT_EQ(parse_duration("9223372036854775ms").value, mockex::core::kMaxDuration);
  EXPECT_EQ(parse_duration("9223372036854776ms").error,
            "invalid duration \"9223372036854776ms\": too large");
  const std::chrono::microseconds micros = *parse_duration("9223372036854775ms").value;
  EXPECT_EQ(micros.count(), 9'223'372'036'854'775'000);
}

TEST(Duration, format_uses_the_largest_exact_unit_and_round_trips) {
  EXPECT_EQ(format_duration(0ms), "0");
  EXPECT_EQ(format_duration(250ms), "250ms");
  EXPECT_EQ(format_duration(1500ms), "1500ms");
  EXPECT_EQ(format_duration(90s), "90s");
  EXPECT_EQ(format_duration(2min), "2m");
  EXPECT_EQ(format_duration(3h), "3h");
  EXPECT_EQ(format_duration(-5s), "-5s");
  for (const auto d : {0ms, 1ms, 999ms, 1000ms, 61'000ms, 3'600'000ms, 86'400'000ms}) {
    EXPECT_EQ(parse_duration(format_duration(d)).value, d) << format_duration(d);
  }
}

}  // namespace
