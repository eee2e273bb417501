// to_markdown: a short document a person reads after a run. Plain GitHub-flavoured Markdown with
// tables; every value comes from the Report, so the text is deterministic.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "mockex/journal/report.hpp"

namespace mockex::journal {

namespace {

// A table cell: '|' escaped and line breaks flattened, so a path or name cannot break the table.
std::string cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// 2024-01-02T03:04:05.678Z
std::string utc(core::Timestamp t) {
  using namespace std::chrono;
  const sys_time<milliseconds> time{milliseconds{t.millis()}};
  const auto day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()),
                static_cast<int>(clock.subseconds().count()));
  return text;
}

// 61.250 s
std::string duration_text(std::chrono::microseconds duration) {
  const std::int64_t ms = duration.count() / 1000;
  const std::int64_t magnitude = ms < 0 ? -ms : ms;
  char text[40];
  std::snprintf(text, sizeof text, "%s%lld.%03lld s", ms < 0 ? "-" : "",
                static_cast<long long>(magnitude / 1000), static_cast<long long>(magnitude % 1000));
  return text;
}

// "1 entry", "2 entries"
std::string count_of(std::uint64_t n, std::string_view one, std::string_view many) {
  std::string text = std::to_string(n);
  text += ' ';
  text += n == 1 ? one : many;
  return text;
}

class Doc {
 public:
  Doc& line(std::string_view text = {}) {
    out_ += text;
    out_ += '\n';
    return *this;
  }
  Doc& heading(std::string_view title) {
    out_ += "\n## ";
    out_ += title;
    out_ += "\n\n";
    return *this;
  }
  template <class... Cells>
  Doc& row(const Cells&... cells) {
    out_ += '|';
    ((out_ += ' ', out_ += to_text(cells), out_ += " |"), ...);
    out_ += '\n';
    return *this;
  }
  std::string take() { return std::move(out_); }

 private:
  static std::string to_text(std::string_view text) { return cell(text); }
  static std::string to_text(const std::string& text) { return cell(text); }
  static std::string to_text(const char* text) { return cell(text); }
  template <class Number>
    requires std::is_arithmetic_v<Number>
  static std::string to_text(Number value) {
    return std::to_string(value);
  }

  std::string out_;
};

void write_faults(Doc& doc, const Report& report) {
  doc.heading("Faults injected");
  if (report.faults_total == 0) {
    doc.line("None.");
    return;
  }
  doc.line(std::to_string(report.faults_total) + " in total.").line();
  doc.row("Kind", "Count").line("| --- | ---: |");
  for (const auto& [kind, count] : report.faults_by_kind) doc.row(kind, count);
  doc.line();
  doc.row("Fault", "Kind", "Count").line("| --- | --- | ---: |");
  for (const auto& [name, fault] : report.faults_by_name) doc.row(name, fault.kind, fault.count);
}

void write_http(Doc& doc, const Report& report) {
  doc.heading("HTTP requests");
  if (report.http_requests == 0) {
    doc.line("None.");
    return;
  }
  doc.line(count_of(report.http_requests, "request", "requests") + ", " +
           std::to_string(report.rate_limit_hits) + " rate-limited (429 or 418).")
      .line();
  doc.row("Endpoint", "Status", "Count").line("| --- | ---: | ---: |");
  for (const auto& [endpoint, statuses] : report.http_by_endpoint) {
    for (const auto& [status, count] : statuses) {
      doc.row(endpoint, status == 0 ? std::string{"no response"} : std::to_string(status), count);
    }
  }
}

void write_orders(Doc& doc, const Report& report) {
  doc.heading("Orders");
  doc.row("Placed", "Rejected", "Canceled", "Cancel rejected", "Filled", "Fills")
      .line("| ---: | ---: | ---: | ---: | ---: | ---: |")
      .row(report.orders_placed, report.orders_rejected, report.orders_canceled,
           report.cancels_rejected, report.orders_filled, report.fills);
  if (report.rejects_by_code.empty()) return;
  doc.line();
  doc.row("Reject code", "Count").line("| ---: | ---: |");
  for (const auto& [code, count] : report.rejects_by_code) doc.row(code, count);
}

void write_client(Doc& doc, const Report& report) {
  doc.heading("Client behaviour");
  doc.row("Measure", "Count")
      .line("| --- | ---: |")
      .row("Retries: same client order id", report.retries_same_client_order_id)
      .row("Retries: repeated failed request", report.retries_repeated_request)
      .row("WebSocket connects", report.ws_connects)
      .row("WebSocket reconnects", report.ws_reconnects)
      .row("WebSocket messages in", report.ws_messages_in)
      .row("WebSocket messages out", report.ws_messages_out)
      .row("Depth snapshots", report.depth_snapshots)
      .row("Depth initial syncs", report.depth_initial_syncs)
      .row("Depth resyncs", report.depth_resyncs);
}

void write_latency(Doc& doc, const Report& report) {
  doc.heading("Latency");
  const LatencySummary& latency = report.latency;
  if (latency.samples == 0) {
    doc.line("No HTTP responses.");
    return;
  }
  doc.row("Responses", "p50 (µs)", "p90 (µs)", "p99 (µs)", "max (µs)")
      .line("| ---: | ---: | ---: | ---: | ---: |")
      .row(latency.samples, latency.p50_us, latency.p90_us, latency.p99_us, latency.max_us);
}

void write_balances(Doc& doc, const Report& report) {
  if (report.context.balances.empty()) return;
  doc.heading("Balances");
  doc.row("Account", "Asset", "Free", "Locked", "Change")
      .line("| --- | --- | ---: | ---: | ---: |");
  for (const auto& line : report.context.balances) {
    doc.row(line.account, line.asset, line.free, line.locked, line.change);
  }
}

void write_counters(Doc& doc, const Report& report) {
  if (report.context.counters.empty()) return;
  doc.heading("Counters");
  doc.row("Counter", "Value").line("| --- | ---: |");
  for (const auto& [name, value] : report.context.counters) doc.row(name, value);
}

}  // namespace

std::string to_markdown(const Report& report) {
  const ReportContext& context = report.context;
  Doc doc;
  doc.line("# Session report").line();
  doc.row("Session", context.session_id)
      .line("| --- | --- |")
      .row("Scenario", context.scenario)
      .row("Seed", context.seed)
      .row("Scenario time", utc(context.started) + " to " + utc(context.ended) + " (" +
                                duration_text(context.ended - context.started) + ")")
      .row("Journal", count_of(report.entries, "entry", "entries") + ", " +
                          std::to_string(report.dropped) + " dropped");
  if (report.dropped != 0) {
    doc.line().line("Entries were dropped from the journal; the counts below cover the rest.");
  }
  write_faults(doc, report);
  write_http(doc, report);
  write_orders(doc, report);
  write_client(doc, report);
  write_latency(doc, report);
  write_balances(doc, report);
  write_counters(doc, report);
  return doc.take();
}

}  // namespace mockex::journal
