#pragma once
// Request parameters as Binance reads them (spec §2): from the query string, the form body, or
// both; a name in both takes the query's value; a name twice within one part is -1101.
// Names and values are percent-decoded ('+' is a space). The raw bytes stay available for
// signature checks, which must see exactly what the client signed.

#include <mockex/dialect/binance/errors.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mockex::dialect::binance {

class Params {
 public:
  // Parses `query` and, when it is a form (or carries no Content-Type), `body`. Fails with
  // -1101 on a duplicate within one part and -1100 on broken percent-encoding.
  static std::variant<Params, ApiError> parse(std::string_view query, std::string_view body);

  // The decoded value, or nothing when the parameter was not sent. Marks it as read.
  std::optional<std::string_view> get(std::string_view name) const;
  // Like get(), but an empty value counts as not sent (Binance's "empty/null").
  std::optional<std::string_view> non_empty(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }
  // The value without marking it read (for matching faults, which are no reader of the venue's).
  std::optional<std::string_view> peek(std::string_view name) const;

  std::size_t size() const { return entries_.size(); }
  // How many distinct parameters get() or non_empty() has asked for (for -1104 strictness).
  std::size_t read_count() const;
  // The first parameter no one has read, in sending order.
  std::optional<std::string_view> first_unread() const;

 private:
  struct Entry {
    std::string name;
    std::string value;
    bool from_query = true;
    mutable bool read = false;
  };
  std::vector<Entry> entries_;
};

// Parses a JSON array of strings, as sent in `symbols=["BTCUSDT","ETHUSDT"]` (already decoded).
// Nothing when it is not an array of strings.
std::optional<std::vector<std::string>> parse_string_array(std::string_view json);

}  // namespace mockex::dialect::binance
