#include <mockex/dialect/binance/signature.hpp>

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <memory>

namespace mockex::dialect::binance {
namespace {

// Removes the first `signature=...` pair of a raw '&'-joined string; returns its raw value.
std::optional<std::string> take_signature(std::string& raw) {
  std::size_t start = 0;
  while (start <= raw.size()) {
    auto end = raw.find('&', start);
    if (end == std::string::npos) end = raw.size();
    std::string_view pair(raw.data() + start, end - start);
    if (pair.rfind("signature=", 0) == 0) {
      std::string value(pair.substr(10));
      if (start > 0) {
        raw.erase(start - 1, end - start + 1);  // with the '&' before it
      } else {
        raw.erase(0, end < raw.size() ? end - start + 1 : end - start);  // with the '&' after
      }
      return value;
    }
    start = end + 1;
  }
  return std::nullopt;
}

// Parses an unsigned decimal with up to `max_decimals` fractional digits into an integer scaled
// by 10^max_decimals (recvWindow "5000.5" -> 5000500 with 3 decimals).
std::optional<std::int64_t> parse_scaled(std::string_view text, int max_decimals) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  auto dot = text.find('.');
  auto whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || static_cast<int>(fraction.size()) > max_decimals) return std::nullopt;
  if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
  std::int64_t value = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  for (int i = 0; i < max_decimals; ++i) {
    char c = i < static_cast<int>(fraction.size()) ? fraction[static_cast<std::size_t>(i)] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// SHA-256 through one digest fetched once and one context per thread: OpenSSL 3's one-shot
// HMAC() looks both up again on every call, which cost more than the hashing itself.
struct ContextFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

void sha256(std::initializer_list<std::string_view> parts, unsigned char* digest) {
  static EVP_MD* const md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local std::unique_ptr<EVP_MD_CTX, ContextFree> ctx(EVP_MD_CTX_new());
  EVP_DigestInit_ex(ctx.get(), md, nullptr);
  for (auto part : parts) EVP_DigestUpdate(ctx.get(), part.data(), part.size());
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
}

}  // namespace

SignedPayload signed_payload(std::string_view raw_query, std::string_view raw_body) {
  std::string query(raw_query);
  std::string body(raw_body);
  SignedPayload out;
  out.signature = take_signature(query);
  if (!out.signature) out.signature = take_signature(body);
  out.payload = query + body;
  return out;
}

// HMAC (RFC 2104) over SHA-256, block size 64.
std::string hmac_sha256_hex(std::string_view secret, std::string_view message) {
  constexpr std::size_t kBlock = 64;
  constexpr std::size_t kDigest = 32;
  std::array<unsigned char, kBlock> key{};
  if (secret.size() > kBlock) {
    sha256({secret}, key.data());
  } else {
    std::copy(secret.begin(), secret.end(), key.begin());
  }
  std::array<char, kBlock> inner_pad{};
  std::array<char, kBlock> outer_pad{};
  for (std::size_t i = 0; i < kBlock; ++i) {
    inner_pad[i] = static_cast<char>(key[i] ^ 0x36);
    outer_pad[i] = static_cast<char>(key[i] ^ 0x5c);
  }
  std::array<unsigned char, kDigest> inner{};
  sha256({{inner_pad.data(), kBlock}, message}, inner.data());
  std::array<unsigned char, kDigest> digest{};
  sha256({{outer_pad.data(), kBlock},
          {reinterpret_cast<const char*>(inner.data()), kDigest}},
         digest.data());
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(kDigest * 2);
  for (unsigned char byte : digest) {
    out += hex[byte >> 4];
    out += hex[byte & 0xf];
  }
  return out;
}

bool signature_matches(std::string_view secret, std::string_view payload,
                       std::string_view signature) {
  auto expected = hmac_sha256_hex(secret, payload);
  if (signature.size() != expected.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    char c = signature[i];
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    difference |= static_cast<unsigned char>(c ^ expected[i]);
  }
  return difference == 0;
}

std::optional<ApiError> check_timing(const Params& params, std::int64_t server_time_ms) {
  auto timestamp_text = params.non_empty("timestamp");
  std::int64_t timestamp_ms = 0;
  if (timestamp_text) {
    auto [end, ec] = std::from_chars(timestamp_text->data(),
                                     timestamp_text->data() + timestamp_text->size(), timestamp_ms);
    if (ec != std::errc{} || end != timestamp_text->data() + timestamp_text->size() ||
        timestamp_ms < 0) {
      timestamp_text.reset();
    } else if (timestamp_text->size() == 16) {
      timestamp_ms /= 1000;  // microseconds
    }
  }
  if (!timestamp_text) return make_error(Error::mandatory_parameter, {"timestamp"});
  if (!params.non_empty("signature")) return make_error(Error::mandatory_parameter, {"signature"});
  std::int64_t window_us = 5'000'000;  // microseconds: recvWindow allows 3 decimals of a ms
  if (auto window_text = params.non_empty("recvWindow")) {
    auto parsed = parse_scaled(*window_text, 3);
    if (!parsed) return make_error(Error::mandatory_parameter, {"recvWindow"});
    if (*parsed > 60'000'000) return make_error(Error::recv_window_too_large);
    window_us = *parsed;
  }
  if (timestamp_ms >= server_time_ms + 1000) return make_error(Error::timestamp_ahead);
  if ((server_time_ms - timestamp_ms) * 1000 > window_us) {
    return make_error(Error::timestamp_outside_window);
  }
  return std::nullopt;
}

}  // namespace mockex::dialect::binance
