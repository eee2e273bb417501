#include "mockex/journal/jsonl.hpp"

namespace mockex::journal {

void append_jsonl_line(std::string& out, const Entry& entry) {
  // Written by hand so the keys keep their documented order (nlohmann::json would sort them).
  out += "{\"seq\":";
  out += std::to_string(entry.seq);
  out += ",\"t\":";
  out += std::to_string(entry.t.millis());
  out += ",\"wall\":";
  out += std::to_string(entry.wall_ms);
  out += ",\"kind\":\"";
  out += kind_name(entry.kind);
  out += "\",\"data\":";
  out += entry.data_text;
  out += "}\n";
}

std::string to_jsonl_line(const Entry& entry) {
  std::string line;
  append_jsonl_line(line, entry);
  return line;
}

}  // namespace mockex::journal
