// Sessions: create + delete of a quickstart session (what every test of a suite pays), and the
// resident memory an idle session costs when 1,000 are open.
//
//   build-release/bin/mockex_session_bench [--benchmark_filter=...]
//   build-release/bin/mockex_session_bench --rss-sessions=1000   (prints RSS per idle session)
//   build-release/bin/mockex_session_bench --latency=10000       (create+delete median and p99)

#include <mockex/scenario/loader.hpp>
#include <mockex/session/registry.hpp>

#include <benchmark/benchmark.h>
#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

namespace {

std::shared_ptr<const mockex::scenario::Scenario> quickstart() {
  auto loaded = mockex::scenario::load_scenario_file(MOCKEX_QUICKSTART);
  return std::make_shared<const mockex::scenario::Scenario>(*loaded.scenario);
}

void BM_CreateDeleteSession(benchmark::State& state) {
  boost::asio::io_context io;
  mockex::session::SessionRegistry registry(io, {100000, {}});
  auto scenario = quickstart();
  for (auto _ : state) {
    auto made = registry.create(scenario, {});
    auto session = std::get<std::shared_ptr<mockex::session::Session>>(made);
    registry.remove(session->id());
    io.restart();
    io.poll();
  }
}
BENCHMARK(BM_CreateDeleteSession)->Unit(benchmark::kMicrosecond)->Repetitions(5)->ReportAggregatesOnly(true);

long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

int measure_rss(int sessions) {
  boost::asio::io_context io;
  mockex::session::SessionRegistry registry(io, {static_cast<std::size_t>(sessions) + 1, {}});
  auto scenario = quickstart();
  // One session first, so code pages and allocator arenas are counted in the baseline.
  registry.create(scenario, {});
  long before = rss_kib();
  for (int i = 1; i < sessions; ++i) registry.create(scenario, {});
  long after = rss_kib();
  std::printf("%d idle quickstart sessions: RSS %ld KiB -> %ld KiB, %.1f KiB per session\n",
              sessions, before, after,
              static_cast<double>(after - before) / static_cast<double>(sessions - 1));
  return 0;
}

// Times `count` single create + delete pairs and prints the median and the 99th percentile.
int measure_latency(int count) {
  boost::asio::io_context io;
  mockex::session::SessionRegistry registry(io, {100000, {}});
  auto scenario = quickstart();
  std::vector<double> micros;
  for (int i = 0; i < count; ++i) {
    auto started = std::chrono::steady_clock::now();
    auto made = registry.create(scenario, {});
    registry.remove(std::get<std::shared_ptr<mockex::session::Session>>(made)->id());
    io.restart();
    io.poll();
    micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() -
                                                               started).count());
  }
  std::sort(micros.begin(), micros.end());
  std::printf("%d create+delete: median %.1f us, p99 %.1f us, max %.1f us\n", count,
              micros[micros.size() / 2], micros[micros.size() * 99 / 100], micros.back());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--rss-sessions=", 15) == 0) return measure_rss(std::atoi(argv[i] + 15));
    if (std::strncmp(argv[i], "--latency=", 10) == 0) return measure_latency(std::atoi(argv[i] + 10));
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
