#pragma once
// What the load tools share: the common flags (target, connections, duration, threads), a
// `--flag value` parser for the rest, and running one io_context on N threads.

#include <boost/asio/io_context.hpp>

#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace mockex::bench {

struct CommonOptions {
  std::string host = "127.0.0.1";
  std::string port;
  std::string path;
  int connections = 64;
  int seconds = 10;
  int threads = 1;
};

using FlagSetters = std::map<std::string, std::function<void(const std::string&)>>;

// Parses `--flag value` pairs into `common` and through `extra`; false on an unknown flag, a
// missing value or no --port.
inline bool parse_flags(int argc, char** argv, CommonOptions& common, const FlagSetters& extra) {
  FlagSetters flags = extra;
  flags["--host"] = [&](const std::string& v) { common.host = v; };
  flags["--port"] = [&](const std::string& v) { common.port = v; };
  flags["--path"] = [&](const std::string& v) { common.path = v; };
  flags["-c"] = flags["--connections"] = [&](const std::string& v) { common.connections = std::stoi(v); };
  flags["-d"] = flags["--seconds"] = [&](const std::string& v) { common.seconds = std::stoi(v); };
  flags["-t"] = flags["--threads"] = [&](const std::string& v) { common.threads = std::stoi(v); };
  if (argc % 2 == 0) return false;
  for (int i = 1; i + 1 < argc; i += 2) {
    auto setter = flags.find(argv[i]);
    if (setter == flags.end()) return false;
    setter->second(argv[i + 1]);
  }
  return !common.port.empty();
}

// Runs `io` on `threads` threads (this one included) until it runs out of work.
inline void run_threads(boost::asio::io_context& io, int threads) {
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back([&] { io.run(); });
  io.run();
  for (auto& worker : workers) worker.join();
}

}  // namespace mockex::bench
