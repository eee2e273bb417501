// build_report: one pass over the journal's entries, in seq order. The heuristics are documented
// in report.hpp.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mockex/journal/report.hpp"

namespace mockex::journal {

namespace {

using nlohmann::json;

std::string text_field(const json& data, const char* key) {
  const auto it = data.find(key);
  return it != data.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::int64_t int_field(const json& data, const char* key) {
  const auto it = data.find(key);
  return it != data.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

bool bool_field(const json& data, const char* key) {
  const auto it = data.find(key);
  return it != data.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> list_field(const json& data, const char* key) {
  std::vector<std::string> out;
  const auto it = data.find(key);
  if (it == data.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

// "host:port" -> "host", "[::1]:port" -> "::1"; anything else unchanged.
std::string host_of(std::string_view remote) {
  if (!remote.empty() && remote.front() == '[') {
    const auto close = remote.find(']');
    if (close != std::string_view::npos) return std::string(remote.substr(1, close - 1));
  }
  const auto colon = remote.find(':');
  if (colon != std::string_view::npos && remote.find(':', colon + 1) == std::string_view::npos) {
    return std::string(remote.substr(0, colon));
  }
  return std::string(remote);
}

std::string client_of(const json& data) {
  std::string key = text_field(data, "api_key");
  return key.empty() ? host_of(text_field(data, "remote")) : "key:" + key;
}

std::string lowercase(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// The path without a leading /s/{session-id}.
std::string_view session_relative(std::string_view path) {
  if (path.starts_with("/s/")) {
    const auto slash = path.find('/', 3);
    return slash == std::string_view::npos ? std::string_view{"/"} : path.substr(slash);
  }
  return path;
}

void split_params(std::string_view text, std::vector<std::string>& out) {
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view param = text.substr(0, amp);
    if (!param.empty()) out.emplace_back(param);
    if (amp == std::string_view::npos) break;
    text.remove_prefix(amp + 1);
  }
}

std::string param_value(std::string_view query, std::string_view name) {
  std::vector<std::string> params;
  split_params(query, params);
  for (const auto& param : params) {
    if (param.size() > name.size() && param.starts_with(name) && param[name.size()] == '=') {
      return param.substr(name.size() + 1);
    }
  }
  return {};
}

// The diff-depth stream's symbol, lowercased, or empty when `stream` is not one.
std::string diff_depth_symbol(std::string_view stream) {
  const auto at = stream.find("@depth");
  if (at == std::string_view::npos || at == 0) return {};
  const std::string_view rest = stream.substr(at + 6);
  if (!rest.empty() && rest.front() != '@') return {};  // "@depth5": a partial book stream
  return lowercase(std::string(stream.substr(0, at)));
}

std::int64_t nearest_rank(const std::vector<std::int64_t>& sorted, std::uint64_t percent) {
  const std::uint64_t n = sorted.size();
  const std::uint64_t rank = std::max<std::uint64_t>((percent * n + 99) / 100, 1);
  return sorted[static_cast<std::size_t>(rank - 1)];
}

class Builder {
 public:
  Builder(Report& report, const ReportOptions& options) : report_(report), options_(options) {}

  void add(const Entry& entry) {
    const json data = entry.data();
    switch (entry.kind) {
      case EntryKind::http_response: on_http_response(entry, data); break;
      case EntryKind::ws_open: on_ws_open(data); break;
      case EntryKind::ws_close: on_ws_close(data); break;
      case EntryKind::ws_in: on_ws_in(data); break;
      case EntryKind::ws_out:
        report_.ws_messages_out += std::max<std::uint64_t>(1, data.value("recipients", 0ULL));
        break;
      case EntryKind::fault: on_fault(data); break;
      case EntryKind::order: on_order(data); break;
      case EntryKind::fill:
        ++report_.fills;
        if (bool_field(data, "order_filled")) ++report_.orders_filled;
        break;
      default: break;
    }
  }

  void finish() {
    std::sort(latencies_.begin(), latencies_.end());
    auto& latency = report_.latency;
    latency.samples = latencies_.size();
    if (latencies_.empty()) return;
    latency.p50_us = nearest_rank(latencies_, 50);
    latency.p90_us = nearest_rank(latencies_, 90);
    latency.p99_us = nearest_rank(latencies_, 99);
    latency.max_us = latencies_.back();
  }

 private:
  struct Connection {
    std::string client;
    std::string host;
    std::set<std::string> depth_symbols;
  };
  struct DepthSync {
    bool armed = false;
    bool synced = false;
  };

  void on_http_response(const Entry& entry, const json& data) {
    const std::string method = text_field(data, "method");
    const std::string path = text_field(data, "path");
    const std::string_view relative = session_relative(path);
    const std::string query = text_field(data, "query");
    const int status = static_cast<int>(int_field(data, "status"));
    const std::string client = client_of(data);

    ++report_.http_requests;
    std::string endpoint = method;
    endpoint += ' ';
    endpoint += relative;
    ++report_.http_by_endpoint[endpoint][status];
    if (status == 429 || status == 418) ++report_.rate_limit_hits;
    if (status != 0) latencies_.push_back(int_field(data, "latency_us"));

    // Retries: the same request after a failure of it, within the window.
    const std::string key = client + '\n' + endpoint + '\n' +
                            stable_params(query, text_field(data, "request_body"));
    const auto failed = last_failure_.find(key);
    if (failed != last_failure_.end() && entry.wall_ms - failed->second <= options_.retry_window_ms) {
      ++report_.retries_repeated_request;
    }
    if (status == 0 || status >= 400) {
      last_failure_[key] = entry.wall_ms;
    } else {
      last_failure_.erase(key);
    }

    if (method == "GET" && status == 200 && is_depth_snapshot(relative)) {
      ++report_.depth_snapshots;
      const std::string symbol = lowercase(param_value(query, "symbol"));
      auto& sync = depth_[{host_of(text_field(data, "remote")), symbol}];
      if (sync.armed) {
        if (sync.synced) {
          ++report_.depth_resyncs;
        } else {
          sync.synced = true;
          ++report_.depth_initial_syncs;
        }
      }
    }
  }

  void on_ws_open(const json& data) {
    ++report_.ws_connects;
    Connection conn{client_of(data), host_of(text_field(data, "remote")), {}};
    if (closed_clients_.count(conn.client) != 0) ++report_.ws_reconnects;
    const auto id = static_cast<std::uint64_t>(int_field(data, "conn"));
    auto& stored = connections_[id] = std::move(conn);
    subscribe(stored, list_field(data, "streams"));
  }

  void on_ws_close(const json& data) {
    const auto id = static_cast<std::uint64_t>(int_field(data, "conn"));
    const auto it = connections_.find(id);
    if (it == connections_.end()) {
      closed_clients_.insert(client_of(data));
      return;
    }
    closed_clients_.insert(it->second.client);
    for (const auto& symbol : it->second.depth_symbols) depth_[{it->second.host, symbol}] = {};
    connections_.erase(it);
  }

  void on_ws_in(const json& data) {
    ++report_.ws_messages_in;
    const auto it = connections_.find(static_cast<std::uint64_t>(int_field(data, "conn")));
    if (it == connections_.end()) return;
    subscribe(it->second, list_field(data, "subscribe"));
    for (const auto& stream : list_field(data, "unsubscribe")) {
      const std::string symbol = diff_depth_symbol(stream);
      if (symbol.empty()) continue;
      it->second.depth_symbols.erase(symbol);
      depth_[{it->second.host, symbol}] = {};
    }
  }

  void subscribe(Connection& conn, const std::vector<std::string>& streams) {
    for (const auto& stream : streams) {
      const std::string symbol = diff_depth_symbol(stream);
      if (symbol.empty()) continue;
      conn.depth_symbols.insert(symbol);
      depth_[{conn.host, symbol}] = DepthSync{true, false};
    }
  }

  void on_fault(const json& data) {
    // Rule lifecycle entries (window opened, paused, ...) have an "event"; applied faults an
    // "effect".
    if (!data.contains("effect")) return;
    ++report_.faults_total;
    std::string kind = text_field(data, "fault_kind");
    if (kind.empty()) kind = "unknown";
    std::string name = text_field(data, "name");
    if (name.empty()) name = "(unnamed)";
    ++report_.faults_by_kind[kind];
    ++report_.faults_by_name.try_emplace(name, FaultCount{kind, 0}).first->second.count;
  }

  void on_order(const json& data) {
    const std::string event = text_field(data, "event");
    if (event == "placed" || event == "rejected") {
      const std::string client_order_id = text_field(data, "client_order_id");
      if (!client_order_id.empty() &&
          !client_order_ids_.insert(text_field(data, "account") + '\n' + client_order_id).second) {
        ++report_.retries_same_client_order_id;
      }
    }
    if (event == "placed") {
      ++report_.orders_placed;
    } else if (event == "rejected") {
      ++report_.orders_rejected;
      ++report_.rejects_by_code[static_cast<int>(int_field(data, "error_code"))];
    } else if (event == "canceled") {
      ++report_.orders_canceled;
    } else if (event == "cancel_rejected") {
      ++report_.cancels_rejected;
    }
  }

  bool is_depth_snapshot(std::string_view path) const {
    return std::any_of(options_.depth_snapshot_paths.begin(), options_.depth_snapshot_paths.end(),
                       [&](const std::string& suffix) { return path.ends_with(suffix); });
  }

  // Query and body parameters, without the volatile ones, sorted: what identifies a repeat.
  std::string stable_params(std::string_view query, std::string_view body) const {
    std::vector<std::string> params;
    split_params(query, params);
    split_params(body, params);
    std::erase_if(params, [&](const std::string& param) {
      const std::string_view name = std::string_view(param).substr(0, param.find('='));
      return std::find(options_.volatile_params.begin(), options_.volatile_params.end(), name) !=
             options_.volatile_params.end();
    });
    std::sort(params.begin(), params.end());
    std::string out;
    for (const auto& param : params) {
      if (!out.empty()) out += '&';
      out += param;
    }
    return out;
  }

  Report& report_;
  const ReportOptions& options_;
  std::vector<std::int64_t> latencies_;
  std::map<std::string, std::int64_t> last_failure_;  // request key -> wall ms of its failure
  std::set<std::string> client_order_ids_;            // account + '\n' + client order id
  std::set<std::string> closed_clients_;
  std::map<std::uint64_t, Connection> connections_;
  std::map<std::pair<std::string, std::string>, DepthSync> depth_;  // (host, symbol)
};

}  // namespace

Report build_report(const Journal& journal, const ReportContext& context,
                    const ReportOptions& options) {
  Report report;
  report.context = context;
  report.entries = journal.size();
  report.dropped = journal.dropped();
  Builder builder{report, options};
  for (const Entry& entry : journal.entries()) builder.add(entry);
  builder.finish();
  return report;
}

}  // namespace mockex::journal
