// Fuzz target: the admin API (/_mockex/v1/...) behind the real router, on live in-process
// sessions: request bodies for sessions, fault rules, the clock, market actions and balances,
// and the query strings of the journal.
//
// Input: up to eight requests separated by lines of "--". A request is its first line, "METHOD
// target", and the JSON body after it. `{id}` in a target names a stepped quickstart session
// made before the first request, or the last one a POST /_mockex/v1/sessions created, e.g.
//
//   POST /_mockex/v1/sessions/{id}/faults
//   {"kind":"latency","params":{"ms":50},"match":{"path":"/api/v3/*"}}
//
// Every answer must be well-formed (checks.hpp), and every error the admin API's own shape,
// {"error":{"code":..,"message":..}}. The journal's `wait` parameter is dropped: a long poll
// would hold the input for up to 30 s of wall time, waiting for entries nothing here makes.

#include "checks.hpp"
#include "live_exchange.hpp"

#include <mockex/admin/admin.hpp>
#include <mockex/core/url.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace mockex;

constexpr std::size_t kMostRequests = 8;
constexpr std::string_view kSeparator = "\n--\n";
constexpr std::string_view kSessionsPath = "/_mockex/v1/sessions";

std::vector<std::string_view> split_requests(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty() && parts.size() < kMostRequests) {
    auto end = text.find(kSeparator);
    parts.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{}
                                         : text.substr(end + kSeparator.size());
  }
  return parts;
}

// The query without its `wait` pairs, however their names are escaped.
std::string without_wait(std::string_view query) {
  std::string kept;
  while (!query.empty()) {
    auto amp = query.find('&');
    auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    auto name = core::percent_decode(pair.substr(0, pair.find('=')));
    if (name == "wait") continue;
    if (!kept.empty()) kept += '&';
    kept += pair;
  }
  return kept;
}

// "METHOD target\nbody" as the transport would hand it over; nothing without a space in the
// first line.
std::optional<core::HttpRequest> to_request(std::string_view part, const std::string& id) {
  auto newline = part.find('\n');
  auto line = part.substr(0, newline);
  auto space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  core::HttpRequest request;
  request.method = line.substr(0, space);
  request.target = line.substr(space + 1);
  for (auto at = request.target.find("{id}"); at != std::string::npos;
       at = request.target.find("{id}", at + id.size())) {
    request.target.replace(at, 4, id);
  }
  auto question = request.target.find('?');
  request.path = request.target.substr(0, question);
  if (question != std::string::npos) {
    request.query = without_wait(std::string_view(request.target).substr(question + 1));
    request.target = request.path + "?" + request.query;
  }
  if (newline != std::string_view::npos) request.body = part.substr(newline + 1);
  request.headers = {{"Host", "localhost:8765"}, {"Content-Type", "application/json"}};
  request.remote_address = "127.0.0.1:40000";
  return request;
}

void check_admin_error(const core::HttpResponse& response, const std::string& what) {
  if (response.status < 400 || response.header("Content-Type") != "application/json") return;
  auto body = nlohmann::json::parse(response.body);
  if (!body.contains("error") || !body["error"].is_object() ||
      !body["error"].value("code", nlohmann::json()).is_string() ||
      !body["error"].value("message", nlohmann::json()).is_string()) {
    fuzz::fail(what + ": an error body not of the admin API's shape", response.body);
  }
}

// The id of the session a 201 to POST /_mockex/v1/sessions made.
std::optional<std::string> created_id(const core::HttpRequest& request,
                                      const core::HttpResponse& response) {
  if (response.status != 201 || request.method != "POST" || request.path != kSessionsPath) {
    return std::nullopt;
  }
  auto id = nlohmann::json::parse(response.body).value("id", nlohmann::json());
  if (!id.is_string()) fuzz::fail("a created session without an id", response.body);
  return id.get<std::string>();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parts = split_requests({reinterpret_cast<const char*>(data), size});
  fuzz::LiveExchange exchange;
  admin::AdminOptions options;
  options.scenario_dirs = {fuzz::scenarios_dir()};
  admin::add_routes(exchange.route_adder(), exchange.registry(), std::move(options));
  auto made = exchange.registry().create(fuzz::quickstart(), fuzz::stepped_options());
  if (auto* error = std::get_if<session::RegistryError>(&made)) {
    fuzz::fail("the stepped session cannot be made", error->message);
  }
  std::string id = std::get<std::shared_ptr<session::Session>>(made)->id();
  for (auto part : parts) {
    auto request = to_request(part, id);
    if (!request) continue;
    auto what = request->method + " " + request->target;
    auto response = exchange.serve(*request);
    fuzz::check_response(response, what);
    check_admin_error(response, what);
    if (auto created = created_id(*request, response)) id = std::move(*created);
  }
  return 0;
}
