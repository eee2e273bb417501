#include <mockex/dialect/binance/signature.hpp>

#include <gtest/gtest.h>

namespace mockex::dialect::binance {
namespace {

// The worked example of Binance's API documentation.
constexpr std::string_view doc_secret =
    "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
constexpr std::string_view doc_payload =
    "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&"
    "timestamp=1499827319559";
constexpr std::string_view doc_signature =
    "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";

TEST(BinanceSignature, hmac_matches_the_documented_example) {
  EXPECT_EQ(hmac_sha256_hex(doc_secret, doc_payload), doc_signature);
}

// RFC 4231 test cases 2 and 6: a short key, and a key longer than the block (hashed first).
TEST(BinanceSignature, hmac_matches_rfc_4231) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(hmac_sha256_hex(std::string(131, '\xaa'),
                            "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(BinanceSignature, comparison_ignores_hex_case_and_rejects_other_lengths) {
  std::string upper(doc_signature);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(signature_matches(doc_secret, doc_payload, upper));
  EXPECT_FALSE(signature_matches(doc_secret, doc_payload, doc_signature.substr(1)));
  EXPECT_FALSE(signature_matches("other", doc_payload, doc_signature));
}

TEST(BinanceSignature, signature_is_removed_from_the_query_for_get_requests) {
  auto signed_ = signed_payload("symbol=A&timestamp=1&signature=abc", "");
  EXPECT_EQ(signed_.payload, "symbol=A&timestamp=1");
  EXPECT_EQ(signed_.signature, "abc");
}

TEST(BinanceSignature, signature_is_removed_from_the_body_for_form_posts) {
  auto signed_ = signed_payload("", "symbol=A&side=BUY&signature=abc");
  EXPECT_EQ(signed_.payload, "symbol=A&side=BUY");
  EXPECT_EQ(signed_.signature, "abc");
}

TEST(BinanceSignature, split_parameters_concatenate_without_a_separator) {
  auto signed_ = signed_payload("symbol=A&timestamp=1", "side=BUY&signature=abc");
  EXPECT_EQ(signed_.payload, "symbol=A&timestamp=1side=BUY");
}

TEST(BinanceSignature, signature_first_or_in_the_middle_takes_the_right_ampersand) {
  EXPECT_EQ(signed_payload("signature=abc&a=1", "").payload, "a=1");
  EXPECT_EQ(signed_payload("a=1&signature=abc&b=2", "").payload, "a=1&b=2");
  EXPECT_EQ(signed_payload("signature=abc", "").payload, "");
  EXPECT_FALSE(signed_payload("a=1&xsignature=abc", "").signature);
}

TEST(BinanceSignature, raw_bytes_are_signed_not_a_reencoding) {
  // Python's urlencode writes spaces as '+'; the client signed those exact bytes.
  auto signed_ = signed_payload("note=a+b&signature=x", "");
  EXPECT_EQ(signed_.payload, "note=a+b");
}

Params params(std::string_view query) { return std::get<Params>(Params::parse(query, "")); }

TEST(BinanceTiming, checks_run_in_binance_order) {
  constexpr std::int64_t now = 1'700'000'000'000;
  EXPECT_EQ(check_timing(params("signature=x"), now)->msg,
            "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
  EXPECT_EQ(check_timing(params("timestamp=1700000000000"), now)->msg,
            "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
  EXPECT_EQ(check_timing(params("timestamp=1700000000000&signature=x&recvWindow=60001"), now)->msg,
            "'recvWindow' contains unexpected value. Cannot be greater than 60000.");
  EXPECT_EQ(check_timing(params("timestamp=1700000001000&signature=x"), now)->msg,
            "Timestamp for this request was 1000ms ahead of the server's time.");
  EXPECT_EQ(check_timing(params("timestamp=1699999994999&signature=x"), now)->msg,
            "Timestamp for this request is outside of the recvWindow.");
}

TEST(BinanceTiming, window_edges_are_inclusive_as_binance_states_them) {
  constexpr std::int64_t now = 1'700'000'000'000;
  EXPECT_FALSE(check_timing(params("timestamp=1700000000999&signature=x"), now));
  EXPECT_FALSE(check_timing(params("timestamp=1699999995000&signature=x"), now));
  EXPECT_FALSE(check_timing(params("timestamp=1699999990000&signature=x&recvWindow=10000"), now));
  EXPECT_TRUE(check_timing(params("timestamp=1699999989999&signature=x&recvWindow=10000"), now));
}

TEST(BinanceTiming, microsecond_timestamps_and_fractional_windows_are_understood) {
  constexpr std::int64_t now = 1'700'000'000'000;
  EXPECT_FALSE(check_timing(params("timestamp=1700000000000123&signature=x"), now));
  EXPECT_FALSE(check_timing(params("timestamp=1699999999000&signature=x&recvWindow=1000.5"), now));
  EXPECT_TRUE(check_timing(params("timestamp=1699999999000&signature=x&recvWindow=999.999"), now));
  EXPECT_EQ(check_timing(params("timestamp=1700000000000&signature=x&recvWindow=1.2345"), now)->code,
            -1102);
  EXPECT_EQ(check_timing(params("timestamp=abc&signature=x"), now)->code, -1102);
}

}  // namespace
}  // namespace mockex::dialect::binance
