// Fuzz target: the request-parameter and decimal parsers every Binance call goes through.
//
// Input: one byte choosing the decimal scale (low bits, mod 19) and whether negatives are
// allowed (high bit), then text. The text is parsed as a decimal at that scale, and whatever
// parses must format back to the same mantissa, padded and trimmed. The text is also a query
// string and a form body (split at the first newline) for Params::parse, whose every parameter
// is then read as the handlers read them: as a decimal, a JSON string array, and by the
// timestamp and signature checks.

#include "checks.hpp"

#include <mockex/core/decimal.hpp>
#include <mockex/dialect/binance/params.hpp>
#include <mockex/dialect/binance/signature.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace mockex;
namespace binance = dialect::binance;

constexpr std::int64_t kServerTimeMs = 1'700'000'000'000;

void round_trip(std::string_view text, core::Scale scale, core::Sign sign) {
  auto units = core::parse_decimal(text, scale, sign);
  if (!units) return;
  auto padded = core::format_decimal(*units, scale);
  auto again = core::parse_decimal(padded, scale, sign);
  if (!again || *again != *units) {
    fuzz::fail("a decimal does not format back", std::string(text) + " -> " + padded);
  }
  std::string appended = "x";  // appends, after what is there
  core::append_decimal(appended, *units, scale);
  if (appended.substr(1) != padded) {
    fuzz::fail("append_decimal differs from format_decimal", padded);
  }
  auto trimmed = core::format_decimal_trimmed(*units, scale);
  auto from_trimmed = core::parse_decimal(trimmed, scale, sign);
  if (!from_trimmed || *from_trimmed != *units) {
    fuzz::fail("a trimmed decimal does not parse back", std::string(text) + " -> " + trimmed);
  }
}

void read_every_param(std::string_view query, std::string_view body, core::Scale scale) {
  auto parsed = binance::Params::parse(query, body);
  if (std::holds_alternative<binance::ApiError>(parsed)) return;
  const auto& params = std::get<binance::Params>(parsed);
  // Reading marks a parameter read, so this visits each once, in sending order.
  for (std::size_t visited = 0; visited <= params.size(); ++visited) {
    auto name = params.first_unread();
    if (!name) {
      if (params.read_count() != params.size()) fuzz::fail("unread parameters left", query);
      binance::check_timing(params, kServerTimeMs);
      binance::signed_payload(query, body);
      return;
    }
    auto value = params.get(*name);
    if (!value) fuzz::fail("first_unread() names a parameter get() cannot find", *name);
    round_trip(*value, scale, core::Sign::any);
    binance::parse_string_array(*value);
  }
  fuzz::fail("more parameters unread than there are", query);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  core::Scale scale{static_cast<std::uint8_t>((data[0] & 0x7f) % (core::kMaxScale + 1))};
  auto sign = (data[0] & 0x80) != 0 ? core::Sign::any : core::Sign::non_negative;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  round_trip(text, scale, sign);
  auto newline = text.find('\n');
  auto query = text.substr(0, newline);
  auto body = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
  read_every_param(query, body, scale);
  return 0;
}
