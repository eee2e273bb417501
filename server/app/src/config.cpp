#include "config.hpp"

#include <CLI/CLI.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <ostream>
#include <set>
#include <system_error>

#include "mockex/core/duration.hpp"

namespace mockex::app {

namespace {

#ifdef MOCKEX_VERSION
constexpr std::string_view kVersion = MOCKEX_VERSION;
#else
constexpr std::string_view kVersion = "0.1.0";
#endif

// ---------------------------------------------------------------------------------------------
// Value parsers. Each takes the value's text (one item per list entry; a scalar setting gets
// exactly one item), stores it into its field on success and returns an error message (empty on
// success) that names neither the source nor the key: the caller prefixes those.

using Items = std::vector<std::string>;

std::string in_quotes(std::string_view text) {
  std::string out = "\"";
  out += text;
  out += '"';
  return out;
}

const std::string& only(const Items& items) {
  assert(items.size() == 1 && "a scalar setting takes exactly one value");
  return items.front();
}

// `max` defaults to the field type's largest value; the message then only states the minimum.
template <typename T>
std::string store_uint(T& field, const Items& items, std::uint64_t min,
                       std::optional<std::uint64_t> max = std::nullopt) {
  const std::string& text = only(items);
  std::uint64_t value = 0;
  const char* const end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ptr != end || (ec != std::errc{} && ec != std::errc::result_out_of_range)) {
    return "expected a whole number, got " + in_quotes(text);
  }
  const std::uint64_t limit = max.value_or(std::numeric_limits<T>::max());
  if (ec == std::errc::result_out_of_range || value < min || value > limit) {
    if (!max) return "must be at least " + std::to_string(min) + ", got " + text;
    return "must be between " + std::to_string(min) + " and " + std::to_string(limit) + ", got " +
           text;
  }
  field = static_cast<T>(value);
  return {};
}

// Counts and byte sizes: at least 1, bounded by the field's type.
template <typename T>
std::string store_count(T& field, const Items& items) {
  return store_uint(field, items, 1);
}

std::string store_text(std::string& field, const Items& items, bool allow_empty) {
  const std::string& text = only(items);
  if (text.empty() && !allow_empty) return "must not be empty";
  field = text;
  return {};
}

std::string store_paths(std::vector<std::string>& field, const Items& items) {
  if (std::any_of(items.begin(), items.end(), [](const std::string& s) { return s.empty(); })) {
    return "empty path";
  }
  field = items;
  return {};
}

std::string store_duration(std::chrono::milliseconds& field, const Items& items,
                           std::chrono::milliseconds min) {
  auto parsed = core::parse_duration(only(items));
  if (!parsed) return std::move(parsed.error);
  if (*parsed.value < min) {
    return "must be at least " + core::format_duration(min) + ", got " + only(items);
  }
  field = *parsed.value;
  return {};
}

// spdlog's level names, as spdlog::level::from_str accepts them.
constexpr std::string_view kLogLevels[] = {"trace", "debug", "info", "warn",
                                           "error", "critical", "off"};

std::string store_log_level(std::string& field, const Items& items) {
  const std::string& text = only(items);
  if (std::find(std::begin(kLogLevels), std::end(kLogLevels), text) == std::end(kLogLevels)) {
    return "expected one of trace, debug, info, warn, error, critical, off, got " + in_quotes(text);
  }
  field = text;
  return {};
}

std::string store_log_format(LogFormat& field, const Items& items) {
  const std::string& text = only(items);
  if (text == "text") {
    field = LogFormat::text;
  } else if (text == "json") {
    field = LogFormat::json;
  } else {
    return "expected text or json, got " + in_quotes(text);
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// The settings: every Config field once, with where each source names it.

enum class Shape {
  scalar,  // one value
  list,    // a YAML sequence; a colon-separated environment variable
};

struct Setting {
  std::string_view key;      // dotted path in the YAML file
  std::string_view env;      // environment variable
  std::string_view flag;     // command-line flag; empty when the setting has none
  std::string_view metavar;  // placeholder for the value in --help
  std::string_view help;
  Shape shape;
  bool is_path;  // relative values in the config file resolve against the file's directory
  std::string (*store)(Config& config, const Items& items);
};

constexpr std::chrono::milliseconds kNoMinimum{0};
constexpr std::chrono::milliseconds kOneMillisecond{1};

constexpr Setting kSettings[] = {
    {"listen.bind", "MOCKEX_BIND", "--bind", "ADDR", "Address to listen on", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_text(c.bind, v, false); }},
    {"listen.port", "MOCKEX_PORT", "--port", "N", "Port to listen on; 0 picks a free port",
     Shape::scalar, false,
     [](Config& c, const Items& v) { return store_uint(c.port, v, 0, 65535); }},
    {"listen.port_file", "MOCKEX_PORT_FILE", "--port-file", "FILE",
     "Write the bound port to FILE once listening", Shape::scalar, true,
     [](Config& c, const Items& v) { return store_text(c.port_file, v, true); }},
    {"threads", "MOCKEX_THREADS", "--threads", "N", "I/O worker threads", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_uint(c.threads, v, 1, 1024); }},
    {"scenario", "MOCKEX_SCENARIO", "--scenario", "FILE", "Scenario of the default session",
     Shape::scalar, true, [](Config& c, const Items& v) { return store_text(c.scenario, v, false); }},
    {"scenario_dirs", "MOCKEX_SCENARIO_DIRS", "", "DIR:...",
     "Directories sessions may load scenarios from", Shape::list, true,
     [](Config& c, const Items& v) { return store_paths(c.scenario_dirs, v); }},
    {"log.level", "MOCKEX_LOG_LEVEL", "--log-level", "LEVEL",
     "trace, debug, info, warn, error, critical or off", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_log_level(c.log_level, v); }},
    {"log.format", "MOCKEX_LOG_FORMAT", "--log-format", "FORMAT", "text or json", Shape::scalar,
     false, [](Config& c, const Items& v) { return store_log_format(c.log_format, v); }},
    {"limits.max_header_bytes", "MOCKEX_MAX_HEADER_BYTES", "--max-header-bytes", "BYTES",
     "Largest request line + headers (beyond: 431)", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.limits.max_header_bytes, v); }},
    {"limits.max_body_bytes", "MOCKEX_MAX_BODY_BYTES", "--max-body-bytes", "BYTES",
     "Largest request body (beyond: 413)", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.limits.max_body_bytes, v); }},
    {"limits.idle_timeout", "MOCKEX_IDLE_TIMEOUT", "--idle-timeout", "DURATION",
     "Close a connection without a complete request for this long (408)", Shape::scalar, false,
     [](Config& c, const Items& v) {
       return store_duration(c.limits.idle_timeout, v, kOneMillisecond);
     }},
    {"limits.max_connections", "MOCKEX_MAX_CONNECTIONS", "--max-connections", "N",
     "Open TCP connections (beyond: 503 and close)", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.limits.max_connections, v); }},
    {"limits.max_pipelined", "MOCKEX_MAX_PIPELINED", "--max-pipelined", "N",
     "Queued requests per connection before reads pause", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.limits.max_pipelined, v); }},
    {"limits.max_ws_message_bytes", "MOCKEX_MAX_WS_MESSAGE_BYTES", "--max-ws-message-bytes",
     "BYTES", "Largest WebSocket message (beyond: close 1009)", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.limits.max_ws_message_bytes, v); }},
    {"limits.max_ws_send_queue", "MOCKEX_MAX_WS_SEND_QUEUE", "--max-ws-send-queue", "N",
     "Outgoing WebSocket messages queued for a client (beyond: dropped as slow)", Shape::scalar,
     false, [](Config& c, const Items& v) { return store_count(c.limits.max_ws_send_queue, v); }},
    {"limits.max_ws_send_queue_bytes", "MOCKEX_MAX_WS_SEND_QUEUE_BYTES",
     "--max-ws-send-queue-bytes", "BYTES",
     "Bytes of outgoing WebSocket messages queued for a client (beyond: dropped as slow)",
     Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.limits.max_ws_send_queue_bytes, v); }},
    {"limits.ws_ping_interval", "MOCKEX_WS_PING_INTERVAL", "--ws-ping-interval", "DURATION",
     "Ping a WebSocket silent this long; close it after twice as long", Shape::scalar, false,
     [](Config& c, const Items& v) {
       return store_duration(c.limits.ws_ping_interval, v, kOneMillisecond);
     }},
    {"limits.max_active_fault_delays", "MOCKEX_MAX_ACTIVE_FAULT_DELAYS",
     "--max-active-fault-delays", "N",
     "Injected response delays waiting at once; beyond, a delay is skipped and counted",
     Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.limits.max_active_fault_delays, v); }},
    {"limits.ws_max_lifetime", "MOCKEX_WS_MAX_LIFETIME", "--ws-max-lifetime", "DURATION",
     "Close exchange WebSockets this long after they open (serverShutdown first); 0: never",
     Shape::scalar, false,
     [](Config& c, const Items& v) {
       return store_duration(c.ws_max_lifetime, v, kNoMinimum);
     }},
    {"sessions.max", "MOCKEX_MAX_SESSIONS", "--max-sessions", "N",
     "Sessions the admin API may create (beyond: 429)", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.max_sessions, v); }},
    {"sessions.max_scenario_bytes", "MOCKEX_MAX_SCENARIO_BYTES", "--max-scenario-bytes", "BYTES",
     "Largest inline scenario (scenario_yaml) the admin API accepts (beyond: 413)",
     Shape::scalar, false,
     [](Config& c, const Items& v) { return store_count(c.max_scenario_bytes, v); }},
    {"sessions.idle_ttl", "MOCKEX_SESSION_TTL", "--session-ttl", "DURATION",
     "Delete a created session unused for this long; 0 keeps sessions until deleted",
     Shape::scalar, false,
     [](Config& c, const Items& v) { return store_duration(c.session_ttl, v, kNoMinimum); }},
    {"sessions.journal_dir", "MOCKEX_JOURNAL_DIR", "--journal-dir", "DIR",
     "Mirror each session's journal to DIR/<session-id>.jsonl", Shape::scalar, true,
     [](Config& c, const Items& v) { return store_text(c.journal_dir, v, true); }},
    {"sessions.report_dir", "MOCKEX_REPORT_DIR", "--report-dir", "DIR",
     "Write each session's report to DIR/<session-id>.json and .md when it ends", Shape::scalar,
     true, [](Config& c, const Items& v) { return store_text(c.report_dir, v, true); }},
    {"admin.token", "MOCKEX_ADMIN_TOKEN", "", "TOKEN",
     "Bearer token the admin API requires; empty: no token", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_text(c.admin_token, v, true); }},
    {"admin.port", "MOCKEX_ADMIN_PORT", "--admin-port", "N",
     "Serve the admin API on its own port (0 picks a free one); empty: on the exchange port",
     Shape::scalar, true,
     [](Config& c, const Items& v) {
       if (only(v).empty()) {
         c.admin_port.reset();
         return std::string();
       }
       std::uint16_t port = 0;
       auto error = store_uint(port, v, 0, 65535);
       if (error.empty()) c.admin_port = port;
       return error;
     }},
    {"admin.port_file", "MOCKEX_ADMIN_PORT_FILE", "--admin-port-file", "FILE",
     "Write the admin listener's bound port to FILE once listening", Shape::scalar, true,
     [](Config& c, const Items& v) { return store_text(c.admin_port_file, v, true); }},
    {"shutdown.drain_timeout", "MOCKEX_DRAIN_TIMEOUT", "--drain-timeout", "DURATION",
     "On SIGTERM, in-flight work gets this long", Shape::scalar, false,
     [](Config& c, const Items& v) { return store_duration(c.drain_timeout, v, kNoMinimum); }},
};

constexpr std::string_view kConfigEnv = "MOCKEX_CONFIG";

// ---------------------------------------------------------------------------------------------
// "did you mean": the closest known key by optimal string alignment distance (an adjacent
// transposition costs 1, so "prot" is one edit from "port").

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string_view> closest(std::string_view name,
                                        const std::vector<std::string_view>& candidates) {
  std::optional<std::string_view> best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto candidate : candidates) {
    const std::size_t distance = edit_distance(name, candidate);
    const std::size_t allowed = std::clamp<std::size_t>(candidate.size() / 3, 1, 2);
    if (distance <= allowed && distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The config file.

std::string type_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "null";
    case YAML::NodeType::Scalar:
      return "a scalar";
    case YAML::NodeType::Sequence:
      return "a sequence";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

// Walks the file's mappings against kSettings, stores what is valid and records every error.
class FileLoader {
 public:
  FileLoader(std::string file, Config& config, std::vector<std::string>& errors)
      : file_(std::move(file)),
        dir_(std::filesystem::path(file_).parent_path()),
        config_(config),
        errors_(errors) {}

  void load(const std::string& text) {
    YAML::Node root;
    try {
      root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
      error(e.mark, e.msg);
      return;
    }
    if (root.IsNull()) return;  // an empty file, or only comments
    if (!root.IsMap()) {
      error(root.Mark(), "expected a mapping of settings, got " + type_name(root));
      return;
    }
    walk(root, "", root.Mark());
  }

 private:
  // `prefix` is "" at the top, else the section's dotted path with a trailing '.'.
  void walk(const YAML::Node& map, const std::string& prefix, const YAML::Mark& fallback) {
    std::set<std::string> seen;
    for (const auto& entry : map) {
      // Copies: yaml-cpp's iterator yields a temporary pair of handles, not references into the
      // document, and Node copies are cheap handles.
      const YAML::Node key_node = entry.first;
      const YAML::Node value = entry.second;
      const YAML::Mark key_mark = mark_of(key_node, fallback);
      if (!key_node.IsScalar()) {
        error(key_mark, "expected a key name, got " + type_name(key_node));
        continue;
      }
      const std::string path = prefix + key_node.Scalar();
      if (!seen.insert(key_node.Scalar()).second) {
        error(key_mark, "duplicate key " + in_quotes(path));
        continue;
      }
      // An empty value's mark is that of whatever token follows it; its key is the better place.
      const YAML::Mark value_mark = value.IsNull() ? key_mark : mark_of(value, key_mark);
      if (const Setting* setting = find_setting(path)) {
        apply(*setting, value, value_mark);
      } else if (is_section(path)) {
        if (value.IsMap()) {
          walk(value, path + ".", value_mark);
        } else if (!value.IsNull()) {  // an empty section sets nothing
          error(value_mark, path + ": expected a mapping, got " + type_name(value));
        }
      } else {
        unknown_key(key_mark, prefix, path);
      }
    }
  }

  void apply(const Setting& setting, const YAML::Node& value, const YAML::Mark& mark) {
    const std::string key(setting.key);
    if (setting.shape == Shape::scalar) {
      if (value.IsNull()) {
        error(mark, key + ": missing value");
        return;
      }
      if (!value.IsScalar()) {
        error(mark, key + ": expected a single value, got " + type_name(value));
        return;
      }
      store(setting, {resolve(setting, value.Scalar())}, mark, key);
      return;
    }
    if (!value.IsSequence()) {
      error(mark, key + ": expected a sequence, got " + type_name(value));
      return;
    }
    // Each item is checked on its own first, so an error points at the item.
    Items items;
    bool ok = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const YAML::Node item = value[i];
      const YAML::Mark item_mark = mark_of(item, mark);
      const std::string item_key = key + "[" + std::to_string(i) + "]";
      if (!item.IsScalar()) {
        error(item_mark, item_key + ": expected a single value, got " + type_name(item));
        ok = false;
        continue;
      }
      Config scratch;
      Items one{resolve(setting, item.Scalar())};
      if (const std::string message = setting.store(scratch, one); !message.empty()) {
        error(item_mark, item_key + ": " + message);
        ok = false;
        continue;
      }
      items.push_back(std::move(one.front()));
    }
    if (ok) store(setting, items, mark, key);
  }

  void store(const Setting& setting, const Items& items, const YAML::Mark& mark,
             const std::string& key) {
    if (const std::string message = setting.store(config_, items); !message.empty()) {
      error(mark, key + ": " + message);
    }
  }

  // Relative paths in the file are relative to the file, not to the daemon's working directory.
  std::string resolve(const Setting& setting, const std::string& value) const {
    if (!setting.is_path || value.empty()) return value;
    return (dir_ / value).lexically_normal().string();
  }

  void unknown_key(const YAML::Mark& mark, const std::string& prefix, const std::string& path) {
    std::vector<std::string_view> siblings;  // known names at this level, in table order
    for (const Setting& s : kSettings) {
      if (!s.key.starts_with(prefix)) continue;
      std::string_view rest = s.key.substr(prefix.size());
      rest = rest.substr(0, rest.find('.'));
      if (std::find(siblings.begin(), siblings.end(), rest) == siblings.end()) {
        siblings.push_back(rest);
      }
    }
    std::string message = "unknown key " + in_quotes(path);
    if (const auto near = closest(std::string_view(path).substr(prefix.size()), siblings)) {
      message += "; did you mean " + in_quotes(prefix + std::string(*near)) + "?";
    } else {
      message += "; expected one of: ";
      for (std::size_t i = 0; i < siblings.size(); ++i) {
        if (i > 0) message += ", ";
        message += siblings[i];
      }
    }
    error(mark, message);
  }

  static const Setting* find_setting(std::string_view path) {
    for (const Setting& s : kSettings) {
      if (s.key == path) return &s;
    }
    return nullptr;
  }

  static bool is_section(std::string_view path) {
    return std::any_of(std::begin(kSettings), std::end(kSettings), [&](const Setting& s) {
      return s.key.size() > path.size() && s.key.starts_with(path) && s.key[path.size()] == '.';
    });
  }

  // yaml-cpp gives some nodes (an empty value, say) no position; the enclosing one is close.
  static YAML::Mark mark_of(const YAML::Node& node, const YAML::Mark& fallback) {
    const YAML::Mark mark = node.Mark();
    return mark.is_null() ? fallback : mark;
  }

  void error(const YAML::Mark& mark, const std::string& message) {
    std::string line = file_;
    if (!mark.is_null()) {
      line += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
    }
    errors_.push_back(line + ": " + message);
  }

  std::string file_;
  std::filesystem::path dir_;
  Config& config_;
  std::vector<std::string>& errors_;
};

// Reads the whole file; on failure returns std::nullopt and sets `reason` (strerror text).
std::optional<std::string> read_file(const std::string& path, std::string& reason) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                            &std::fclose);
  if (!file) {
    reason = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[8192];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, n);
  if (std::ferror(file.get()) != 0) {  // e.g. EISDIR: fopen accepts a directory, reading fails
    reason = std::strerror(errno);
    return std::nullopt;
  }
  return text;
}

void load_file(const std::string& path, Config& config, std::vector<std::string>& errors) {
  std::string reason;
  const auto text = read_file(path, reason);
  if (!text) {
    errors.push_back(path + ": cannot read: " + reason);
    return;
  }
  FileLoader(path, config, errors).load(*text);
}

// ---------------------------------------------------------------------------------------------
// The environment.

Items split_list(const std::string& text) {
  Items items;
  if (text.empty()) return items;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = text.find(':', start);
    items.push_back(text.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return items;
}

// A variable that is set but empty counts as set: MOCKEX_PORT_FILE= clears a port file from the
// config file, MOCKEX_PORT= is an error rather than silently the default.
void apply_environment(const Environment& env, Config& config, std::vector<std::string>& errors) {
  for (const Setting& setting : kSettings) {
    const auto value = env(setting.env);
    if (!value) continue;
    const Items items = setting.shape == Shape::list ? split_list(*value) : Items{*value};
    if (const std::string message = setting.store(config, items); !message.empty()) {
      errors.push_back(std::string(setting.env) + ": " + message);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The command line.

std::string help_footer() {
  std::string footer =
      "Environment (precedence: flag > environment > config file > default):\n";
  const auto row = [&footer](std::string_view name, std::string_view what) {
    footer += "  ";
    footer += name;
    footer.append(name.size() < 28 ? 28 - name.size() : 1, ' ');  // lines up with the flags
    footer += what;
    footer += '\n';
  };
  row(kConfigEnv, "config file, like --config");
  for (const Setting& s : kSettings) {
    std::string what = "config key ";
    what += s.key;
    if (s.shape == Shape::list) what += " (colon-separated)";
    row(s.env, what);
  }
  return footer;
}

std::string failure_message(const CLI::App*, const CLI::Error& e) {
  return std::string(e.what()) +
         "\nUsage: mockexd [OPTIONS]\n"
         "       mockexd validate FILE...\n"
         "Run 'mockexd --help' for more information.\n";
}

}  // namespace

std::string_view mockexd_version() { return kVersion; }

Environment process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Invocation parse_invocation(int argc, const char* const* argv, const Environment& env,
                            std::ostream& out, std::ostream& err) {
  Invocation invocation;

  CLI::App app("mockexd: a mock exchange daemon that replays scenarios and injects faults",
               "mockexd");
  app.set_version_flag("--version", "mockexd " + std::string(kVersion));
  app.failure_message(failure_message);
  app.footer(help_footer());
  app.require_subcommand(0, 1);

  std::string config_path;
  CLI::Option* config_option =
      app.add_option("--config", config_path, "YAML config file (default: none)")
          ->type_name("FILE");

  struct Flag {
    const Setting* setting;
    std::string value;
    CLI::Option* option = nullptr;
  };
  std::vector<Flag> flags;
  for (const Setting& setting : kSettings) {
    if (!setting.flag.empty()) flags.push_back({&setting, {}});
  }
  for (Flag& flag : flags) {
    const Setting* setting = flag.setting;
    // Flag values are checked while parsing, so a bad one is a usage error naming the flag.
    const CLI::Validator check(
        [setting](std::string& text) {
          Config scratch;
          return setting->store(scratch, Items{text});
        },
        "");
    flag.option = app.add_option(std::string(setting->flag), flag.value, std::string(setting->help))
                      ->type_name(std::string(setting->metavar))
                      ->check(check);
  }

  CLI::App* validate = app.add_subcommand(
      "validate", "Check scenario files; print file:line:column errors and exit non-zero");
  validate->add_option("FILE", invocation.files, "Scenario files to check")
      ->type_name("")
      ->required();
  validate->fallthrough();  // global options (--config, ...) may follow the subcommand
  validate->footer("");     // the environment table belongs to the top-level help only

  try {
    if (argc < 1) {
      const char* const program[] = {"mockexd"};
      app.parse(1, program);
    } else {
      app.parse(argc, argv);
    }
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    invocation.command = Command::exit;
    invocation.exit_code = code == 0 ? 0 : 2;
    return invocation;
  }

  std::vector<std::string> errors;
  Config config;
  if (config_option->count() == 0) {
    if (auto from_env = env(kConfigEnv)) config_path = std::move(*from_env);
  }
  if (!config_path.empty()) load_file(config_path, config, errors);
  apply_environment(env, config, errors);
  for (const Flag& flag : flags) {
    if (flag.option->count() == 0) continue;
    [[maybe_unused]] const std::string message = flag.setting->store(config, Items{flag.value});
    assert(message.empty() && "flag values are checked while parsing");
  }

  if (!errors.empty()) {
    for (const std::string& line : errors) err << line << '\n';
    err << std::flush;
    invocation.command = Command::exit;
    invocation.exit_code = 2;
    return invocation;
  }

  invocation.config = std::move(config);
  invocation.command = validate->parsed() ? Command::validate : Command::serve;
  invocation.exit_code = 0;
  return invocation;
}

}  // namespace mockex::app
