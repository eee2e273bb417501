#include <mockex/sdk/journal.hpp>

#include "read_json.hpp"
#include "session_ref_impl.hpp"

#include <sstream>

namespace mockex::sdk {

namespace detail {

JournalEntry read_journal_entry(const nlohmann::json& entry) {
  JournalEntry out;
  read(entry, "seq", out.seq);
  read(entry, "t", out.t_ms);
  read(entry, "kind", out.kind);
  read_fields<std::int64_t>(entry, {{"wall", &out.wall_ms}});
  read_optional(entry, "data", out.data);
  return out;
}

}  // namespace detail

namespace {

std::string query_string(const JournalQuery& query) {
  detail::Query out;
  if (!query.kinds.empty()) {
    std::string kinds;
    for (const auto& kind : query.kinds) kinds += (kinds.empty() ? "" : ",") + kind;
    out.add("kinds", kinds);
  }
  if (query.after) out.add("after", std::to_string(*query.after));
  if (query.until) out.add("until", std::to_string(*query.until));
  if (query.from_ms) out.add("from", std::to_string(*query.from_ms));
  if (query.to_ms) out.add("to", std::to_string(*query.to_ms));
  if (!query.text.empty()) out.add("text", query.text);
  if (query.limit) out.add("limit", std::to_string(*query.limit));
  if (query.wait) out.add("wait", query.wait->text());
  return out.str();
}

JournalPage read_page(const nlohmann::json& answer) {
  JournalPage page;
  for (const auto& entry : answer.at("entries")) page.entries.push_back(detail::read_journal_entry(entry));
  detail::read_fields<std::uint64_t>(
      answer, {{"next_after", &page.next_after}, {"missed", &page.missed},
               {"first_seq", &page.first_seq}, {"last_seq", &page.last_seq},
               {"dropped", &page.dropped}});
  detail::read_optional(answer, "more", page.more);
  return page;
}

// A long poll may take its whole wait before answering. The daemon caps a wait at 30 s, so that
// allowance on top of the timeout fits any wait without parsing its text.
std::chrono::milliseconds wait_allowance(const std::optional<Duration>& wait) {
  if (!wait) return std::chrono::milliseconds{0};
  return std::chrono::milliseconds{30'000};
}

}  // namespace

JournalPage JournalApi::query(const JournalQuery& query) const {
  auto answer = session_->api->get(session_->path + "/journal" + query_string(query),
                                   wait_allowance(query.wait));
  return detail::decoded(answer, read_page);
}

std::string JournalApi::export_jsonl() const {
  return session_->api->get_text(session_->path + "/journal.jsonl");
}

std::vector<JournalEntry> JournalApi::export_entries() const {
  std::istringstream lines(export_jsonl());
  std::vector<JournalEntry> entries;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    auto entry = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (entry.is_discarded()) throw TransportError("journal.jsonl: a line is not JSON");
    entries.push_back(detail::decoded(entry, detail::read_journal_entry));
  }
  return entries;
}

}  // namespace mockex::sdk
