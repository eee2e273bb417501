// Journal record() throughput: in memory only, and with the JSON Lines file sink (one write(2)
// per entry; with and without an fdatasync every 1,000 entries). Entries are typical HTTP
// responses and WebSocket messages. The sink file lives in $TMPDIR (default /tmp).
//
//   build-release/bin/mockex_journal_bench --benchmark_min_time=1

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <type_traits>

#include "mockex/journal/journal.hpp"

namespace {

using namespace mockex::journal;

Stamp stamp(std::int64_t i) {
  return Stamp{mockex::core::Timestamp::from_millis(1'704'067'200'000 + i),
               1'704'067'205'000 + i};
}

std::string sink_path() {
  return (std::filesystem::temp_directory_path() /
          ("mockex_journal_bench_" + std::to_string(::getpid()) + ".jsonl"))
      .string();
}

HttpResponseRecord http_response() {
  HttpResponseRecord record;
  record.method = "POST";
  record.path = "/api/v3/order";
  record.query = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=42000.10"
                 "&timestamp=1704067200000&signature=0123456789abcdef0123456789abcdef";
  record.remote = "127.0.0.1:50412";
  record.api_key = "demo-key";
  record.status = 200;
  record.latency_us = 850;
  record.body = R"({"symbol":"BTCUSDT","orderId":12,"clientOrderId":"x-1","transactTime":1704067200000})";
  return record;
}

WsMessageRecord ws_message() {
  WsMessageRecord record;
  record.direction = WsDirection::out;
  record.conn_id = 3;
  record.stream = "btcusdt@depth@100ms";
  record.text = R"({"e":"depthUpdate","E":1704067200000,"s":"BTCUSDT","U":157,"u":160,)"
                R"("b":[["42000.10","0.5"]],"a":[["42000.20","1.25"]]})";
  return record;
}

// state.range(0): 0 = memory only, 1 = file sink, 2 = file sink + fdatasync every 1,000.
template <class Record>
void run(benchmark::State& state, const Record& record) {
  Journal journal;  // default 100,000-entry ring: steady state evicts one per record
  const std::string path = sink_path();
  if (state.range(0) > 0) {
    FileSinkOptions options{.path = path, .truncate = true};
    if (state.range(0) == 2) options.fsync_every = 1'000;
    if (journal.open_file_sink(options)) {
      state.SkipWithError("cannot open the sink file");
      return;
    }
  }
  std::int64_t i = 0;
  for (auto _ : state) {
    if constexpr (std::is_same_v<Record, HttpResponseRecord>) {
      benchmark::DoNotOptimize(journal.record_http_response(stamp(i++), record));
    } else {
      benchmark::DoNotOptimize(journal.record_ws_message(stamp(i++), record));
    }
  }
  state.SetItemsProcessed(state.iterations());
  if (const FileSinkStats* stats = journal.sink_stats(); stats && stats->errors != 0) {
    state.SkipWithError(stats->first_error.c_str());
  }
  std::filesystem::remove(path);
}

void BM_RecordHttpResponse(benchmark::State& state) { run(state, http_response()); }
void BM_RecordWsMessage(benchmark::State& state) { run(state, ws_message()); }

BENCHMARK(BM_RecordHttpResponse)->ArgName("sink")->Arg(0)->Arg(1)->Arg(2);
BENCHMARK(BM_RecordWsMessage)->ArgName("sink")->Arg(0)->Arg(1)->Arg(2);

}  // namespace

BENCHMARK_MAIN();
