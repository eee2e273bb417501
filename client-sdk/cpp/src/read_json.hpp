#pragma once
// Small helpers for reading the daemon's JSON into the typed structs, and the readers shared
// between files. A missing required key throws nlohmann's exception, which detail::decoded turns
// into a TransportError.

#include <mockex/sdk/fault_rule.hpp>
#include <mockex/sdk/journal.hpp>
#include <mockex/sdk/market.hpp>
#include <mockex/sdk/session_info.hpp>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <utility>

namespace mockex::sdk::detail {

template <class T>
void read(const nlohmann::json& object, const char* key, T& out) {
  object.at(key).get_to(out);
}

// Absent or null leaves `out` as it is.
template <class T>
void read_optional(const nlohmann::json& object, const char* key, T& out) {
  auto it = object.find(key);
  if (it != object.end() && !it->is_null()) it->get_to(out);
}

template <class T>
void read_optional(const nlohmann::json& object, const char* key, std::optional<T>& out) {
  auto it = object.find(key);
  if (it != object.end() && !it->is_null()) out = it->get<T>();
}

// Several optional fields of one type at once: read_fields<std::string>(j, {{"side", &o.side}}).
template <class T>
void read_fields(const nlohmann::json& object,
                 std::initializer_list<std::pair<const char*, T*>> fields) {
  for (const auto& [key, out] : fields) read_optional(object, key, *out);
}

SessionInfo read_session_info(const nlohmann::json& answer);   // session_json.cpp
ClockState read_clock(const nlohmann::json& answer);           // session_json.cpp
SessionDetail read_session_detail(const nlohmann::json& answer);  // session_json.cpp
Balance read_balance(const nlohmann::json& answer);            // balances.cpp
FaultStatus read_fault_status(const nlohmann::json& answer);   // fault_json.cpp
JournalEntry read_journal_entry(const nlohmann::json& entry);  // journal.cpp

}  // namespace mockex::sdk::detail
