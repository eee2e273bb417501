#include "mockex/journal/entry.hpp"

namespace mockex::journal {

std::optional<EntryKind> parse_kind(std::string_view name) {
  for (std::size_t i = 0; i < kEntryKindNames.size(); ++i) {
    if (kEntryKindNames[i] == name) return static_cast<EntryKind>(i);
  }
  return std::nullopt;
}

nlohmann::json to_json(const Entry& entry) {
  return nlohmann::json{{"seq", entry.seq},
                        {"t", entry.t.millis()},
                        {"wall", entry.wall_ms},
                        {"kind", kind_name(entry.kind)},
                        {"data", entry.data()}};
}

nlohmann::json Entry::data() const {
  auto parsed = nlohmann::json::parse(data_text, nullptr, false);
  return parsed.is_object() ? parsed : nlohmann::json::object();
}

std::string dump_data(const nlohmann::json& data) {
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace mockex::journal
