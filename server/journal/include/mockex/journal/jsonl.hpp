#pragma once
// JSON Lines: one entry per line, keys always in the order seq, t, wall, kind, data;
// t is scenario time and wall is wall time, both in whole milliseconds since the Unix epoch.
//   {"seq":1,"t":1700000000000,"wall":1700000000123,"kind":"fault","data":{...}}

#include <ostream>
#include <string>

#include "mockex/journal/entry.hpp"

namespace mockex::journal {

// Appends the line, with its trailing '\n', to `out`.
void append_jsonl_line(std::string& out, const Entry& entry);
std::string to_jsonl_line(const Entry& entry);

template <class Entries>
void write_jsonl(std::ostream& out, const Entries& entries) {
  std::string line;
  for (const Entry& entry : entries) {
    line.clear();
    append_jsonl_line(line, entry);
    out << line;
  }
}

}  // namespace mockex::journal
