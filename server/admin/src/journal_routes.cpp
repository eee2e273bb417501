// The journal (filtered and paged, or whole as JSON Lines) and the report (JSON or Markdown).

#include "query_string.hpp"
#include "routes.hpp"

#include <mockex/core/duration.hpp>
#include <mockex/journal/report.hpp>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>

#include <limits>
#include <sstream>

namespace mockex::admin {
namespace {

using nlohmann::json;

std::variant<journal::Query, ApiError> read_query(const QueryString& params) {
  journal::Query query;
  if (auto kinds = params.get("kinds"); kinds && !kinds->empty()) {
    std::string_view rest = *kinds;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      auto name = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      if (name.empty()) continue;
      auto kind = journal::parse_kind(name);
      if (!kind) {
        std::string known;
        for (auto each : journal::kEntryKindNames)
          known += (known.empty() ? "" : ", ") + std::string(each);
        return bad_request("unknown journal kind \"" + std::string(name) + "\" (known: " + known +
                           ")");
      }
      query.kinds.add(*kind);
    }
  }
  bool valid = true;
  if (auto after = params.get_uint("after", valid)) query.after = *after;
  if (!valid) return bad_request("after must be a sequence number");
  if (auto until = params.get_uint("until", valid)) query.until = *until;
  if (!valid) return bad_request("until must be a sequence number");
  constexpr auto max_ms = std::numeric_limits<std::int64_t>::max() / 1000;
  auto time_param = [&](const char* name, std::optional<core::Timestamp>& out) {
    auto ms = params.get_int(name, valid);
    if (valid && ms && (*ms < -max_ms || *ms > max_ms)) valid = false;
    if (ms && valid) out = core::Timestamp::from_millis(*ms);
    return valid;
  };
  if (!time_param("from", query.from)) return bad_request("from must be epoch milliseconds");
  if (!time_param("to", query.to)) return bad_request("to must be epoch milliseconds");
  query.text = params.get("text").value_or("");
  if (auto limit = params.get_uint("limit", valid)) {
    if (*limit == 0 || *limit > journal::kMaxQueryLimit) valid = false;
    query.limit = static_cast<std::size_t>(*limit);
  }
  if (!valid) {
    return bad_request("limit must be an integer from 1 to " +
                       std::to_string(journal::kMaxQueryLimit));
  }
  return query;
}

// `wait` (a duration up to 30 s): how long a query that finds nothing new may wait for entries —
// a client follows the journal live by asking again with after=next_after.
std::variant<std::chrono::milliseconds, ApiError> read_wait(const QueryString& params) {
  auto text = params.get("wait");
  if (!text) return std::chrono::milliseconds{0};
  auto parsed = core::parse_duration(*text);
  if (!parsed) return ApiError{400, "invalid_duration", "wait: " + parsed.error, nullptr};
  if (*parsed.value > std::chrono::seconds(30)) {
    return bad_request("wait must be at most 30s");
  }
  return *parsed.value;
}

Reply journal_page(session::Session& session, const journal::QueryResult& result) {
  json entries = json::array();
  for (const auto& entry : result.entries) entries.push_back(journal::to_json(entry));
  return json_response(200, {{"entries", std::move(entries)},
                             {"next_after", result.next_after},
                             {"more", result.more},
                             {"missed", result.missed},
                             {"first_seq", session.journal().first_seq()},
                             {"last_seq", session.journal().last_seq()},
                             {"dropped", session.journal().dropped()}});
}

// Answers the query on the session's strand, or, while it finds nothing and the deadline has not
// come, looks again every 50 ms (a timer on the strand: no thread waits).
void poll_journal(std::shared_ptr<session::Session> session, std::string id, journal::Query query,
                  std::chrono::steady_clock::time_point deadline, core::Responder respond) {
  auto executor = session->executor();
  boost::asio::post(executor, [session = std::move(session), id = std::move(id),
                               query = std::move(query), deadline,
                               respond = std::move(respond)]() mutable {
    if (session->closed()) return respond(error_response(session_not_found(id)));
    session->clock().catch_up();
    auto result = session->journal().query(query);
    if (!result.entries.empty() || std::chrono::steady_clock::now() >= deadline) {
      session->touch();
      return respond_with(respond, journal_page(*session, result));
    }
    auto timer = std::make_shared<boost::asio::steady_timer>(session->executor(),
                                                             std::chrono::milliseconds(50));
    timer->async_wait([timer, session, id = std::move(id), query = std::move(query), deadline,
                       respond = std::move(respond)](const boost::system::error_code&) mutable {
      poll_journal(std::move(session), std::move(id), std::move(query), deadline,
                   std::move(respond));
    });
  });
}

}  // namespace

void add_journal_routes(const RouteAdder& add, const ContextPtr& context) {
  const std::string base = std::string(kPrefix) + "/sessions/{id}";

  add("GET", base + "/journal", [context](core::HttpRequest&& request, core::Responder respond) {
    QueryString params(request.query);
    auto query = read_query(params);
    if (auto* error = std::get_if<ApiError>(&query)) return respond(error_response(*error));
    auto wait = read_wait(params);
    if (auto* error = std::get_if<ApiError>(&wait)) return respond(error_response(*error));
    std::string id(request.param("id").value_or(""));
    auto session = context->registry->find(id);
    if (!session) return respond(error_response(session_not_found(id)));
    poll_journal(std::move(session), std::move(id), std::get<journal::Query>(std::move(query)),
                 std::chrono::steady_clock::now() + std::get<std::chrono::milliseconds>(wait),
                 std::move(respond));
  });

  add("GET", base + "/journal.jsonl",
      [context](core::HttpRequest&& request, core::Responder respond) {
        with_session(*context, request, std::move(respond), [](session::Session& session) -> Reply {
          std::ostringstream out;
          session.journal().export_jsonl(out);
          return core::HttpResponse{200, {{"Content-Type", "application/x-ndjson"}}, out.str(), {}};
        });
      });

  add("GET", base + "/report", [context](core::HttpRequest&& request, core::Responder respond) {
    with_session(*context, request, std::move(respond), [](session::Session& session) -> Reply {
      return json_response(200, journal::to_json(session.report()));
    });
  });

  add("GET", base + "/report.md", [context](core::HttpRequest&& request, core::Responder respond) {
    with_session(*context, request, std::move(respond), [](session::Session& session) -> Reply {
      return core::HttpResponse{200,
                                {{"Content-Type", "text/markdown; charset=utf-8"}},
                                journal::to_markdown(session.report()),
                                {}};
    });
  });
}

}  // namespace mockex::admin
