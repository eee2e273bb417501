-- Shared by get.lua and order.lua: wrk's done() hook, printing the run as one JSON line after a
-- "wrk-json " marker (bench/compare.py parses it). Latencies are in microseconds, as wrk keeps them.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'wrk-json {"requests":%d,"duration_us":%d,"bytes":%d,"connect_errors":%d,"read_errors":%d,' ..
    '"write_errors":%d,"status_errors":%d,"timeouts":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(99), latency.max, latency.mean))
end
