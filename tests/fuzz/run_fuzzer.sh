#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time on a fresh copy of its seed corpus.
#
#   run_fuzzer.sh FUZZER SEED_DIR WORK_DIR SECONDS [DICT]
#
# The seeds are copied into WORK_DIR/corpus (the source tree is never written); inputs the run
# finds stay there, and a crashing input lands in WORK_DIR/artifacts/, until the next run empties
# both (copy what you want to keep). FUZZ_SECONDS in the environment replaces SECONDS (make
# fuzz-long). Exits non-zero on any crash, leak, sanitizer report, input slower than 10 s or RSS
# over 2 GiB; the log is WORK_DIR/fuzz.log.
set -euo pipefail

if [ $# -lt 4 ] || [ $# -gt 5 ]; then
  echo "usage: $0 FUZZER SEED_DIR WORK_DIR SECONDS [DICT]" >&2
  exit 2
fi
fuzzer=$1 seeds=$2 work=$3 seconds=${FUZZ_SECONDS:-$4} dict=${5:-}

rm -rf "$work/corpus" "$work/artifacts"
mkdir -p "$work/corpus" "$work/artifacts"
cp -r "$seeds/." "$work/corpus/"

args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
      -artifact_prefix="$work/artifacts/")
[ -n "$dict" ] && args+=(-dict="$dict")

# UBSan already aborts (-fno-sanitize-recover); the stack says where.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
"$fuzzer" "${args[@]}" "$work/corpus" >"$work/fuzz.log" 2>&1 || status=$?

# The summary: how many inputs ran, and the final statistics.
stats='number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb'
grep -E "^#[0-9]+[[:space:]]+DONE|^stat::($stats)" "$work/fuzz.log" || true
echo "corpus: $(find "$work/corpus" -type f | wc -l) inputs in $work/corpus"
if [ "$status" -ne 0 ]; then
  echo "$(basename "$fuzzer") failed (exit $status); the end of $work/fuzz.log:" >&2
  tail -n 60 "$work/fuzz.log" >&2
  ls "$work/artifacts" >&2
fi
exit "$status"
