#pragma once
// HMAC-SHA256 request signing as Binance verifies it (spec §3.2, §3.3, §11.3).

#include <mockex/dialect/binance/errors.hpp>
#include <mockex/dialect/binance/params.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mockex::dialect::binance {

// The bytes a REST client signed: the raw query and the raw body, each without its
// `signature=<hex>` pair (and the '&' joining it), concatenated with no separator.
struct SignedPayload {
  std::string payload;
  std::optional<std::string> signature;  // the raw value of `signature`, if sent
};
SignedPayload signed_payload(std::string_view raw_query, std::string_view raw_body);

// Lower-case hex of HMAC-SHA256(secret, message).
std::string hmac_sha256_hex(std::string_view secret, std::string_view message);

// Compares `signature` (hex, any case) with HMAC-SHA256(secret, payload) in constant time.
bool signature_matches(std::string_view secret, std::string_view payload,
                       std::string_view signature);

// The timestamp and recvWindow checks of spec §3.3, in Binance's order; `server_time_ms` is the
// session's clock. A timestamp of 16 digits is in microseconds. recvWindow defaults to 5000 ms
// and may carry up to three decimals.
std::optional<ApiError> check_timing(const Params& params, std::int64_t server_time_ms);

}  // namespace mockex::dialect::binance
