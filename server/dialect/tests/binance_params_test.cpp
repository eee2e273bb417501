#include <mockex/dialect/binance/params.hpp>

#include <gtest/gtest.h>

#include <string>

namespace mockex::dialect::binance {
namespace {

Params parsed(std::string_view query, std::string_view body = {}) {
  auto result = Params::parse(query, body);
  EXPECT_TRUE(std::holds_alternative<Params>(result));
  return std::get<Params>(std::move(result));
}

ApiError failed(std::string_view query, std::string_view body = {}) {
  auto result = Params::parse(query, body);
  EXPECT_TRUE(std::holds_alternative<ApiError>(result));
  return std::get<ApiError>(std::move(result));
}

TEST(BinanceParams, query_and_body_are_merged) {
  auto params = parsed("symbol=BTCUSDT&timestamp=1", "side=BUY&quantity=0.001");
  EXPECT_EQ(params.size(), 4u);
  EXPECT_EQ(params.get("symbol"), "BTCUSDT");
  EXPECT_EQ(params.get("quantity"), "0.001");
  EXPECT_FALSE(params.get("price"));
}

TEST(BinanceParams, query_value_wins_over_the_body) {
  auto params = parsed("side=SELL", "side=BUY");
  EXPECT_EQ(params.size(), 1u);
  EXPECT_EQ(params.get("side"), "SELL");
}

TEST(BinanceParams, duplicate_within_one_part_is_1101) {
  auto error = failed("symbol=A&symbol=B");
  EXPECT_EQ(error.code, -1101);
  EXPECT_EQ(failed("", "a=1&a=2").code, -1101);
}

// "p0=0&p1=1&..." with `count` distinct names starting at `first`.
std::string many(std::size_t first, std::size_t count) {
  std::string text;
  for (std::size_t i = first; i < first + count; ++i) {
    if (!text.empty()) text += '&';
    text += "p" + std::to_string(i) + "=" + std::to_string(i);
  }
  return text;
}

TEST(BinanceParams, many_parameters_are_checked_for_duplicates_in_n_log_n) {
  // 200,000 distinct names (a 2.6 MB body): quadratic, this took minutes.
  auto params = parsed(many(0, 100), many(50, 200'000));
  EXPECT_EQ(params.size(), 200'050u);
  EXPECT_EQ(params.get("p75"), "75");
  EXPECT_EQ(params.get("p199999"), "199999");
  EXPECT_EQ(failed(many(0, 100) + "&p42=again").code, -1101);
  EXPECT_EQ(failed("", many(0, 1000) + "&p999=again").code, -1101);
  EXPECT_EQ(failed("", "p3=x&" + many(0, 17)).code, -1101);
}

TEST(BinanceParams, the_query_wins_over_the_body_with_many_parameters_too) {
  auto params = parsed(many(0, 40), "p39=body&p40=body&" + many(41, 3));
  EXPECT_EQ(params.size(), 44u);
  EXPECT_EQ(params.get("p39"), "39");
  EXPECT_EQ(params.get("p40"), "body");
}

TEST(BinanceParams, values_are_percent_decoded_and_plus_is_a_space) {
  auto params = parsed("symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D&note=a+b%20c");
  EXPECT_EQ(params.get("symbols"), R"(["BTCUSDT","ETHUSDT"])");
  EXPECT_EQ(params.get("note"), "a b c");
}

TEST(BinanceParams, broken_escape_is_1100) {
  auto error = failed("price=1%2");
  EXPECT_EQ(error.code, -1100);
  EXPECT_EQ(failed("price=%zz").code, -1100);
}

TEST(BinanceParams, empty_value_counts_as_not_sent_for_non_empty) {
  auto params = parsed("price=&flag");
  EXPECT_EQ(params.get("price"), "");
  EXPECT_FALSE(params.non_empty("price"));
  EXPECT_EQ(params.get("flag"), "");
}

TEST(BinanceParams, empty_pairs_are_ignored) {
  auto params = parsed("&&a=1&&", "");
  EXPECT_EQ(params.size(), 1u);
}

TEST(BinanceParams, reads_are_tracked_for_strictness) {
  auto params = parsed("a=1&b=2&c=3");
  (void)params.get("a");
  (void)params.non_empty("c");
  EXPECT_EQ(params.read_count(), 2u);
  EXPECT_EQ(params.first_unread(), "b");
}

TEST(BinanceParams, string_arrays_parse_only_when_every_item_is_a_string) {
  EXPECT_EQ(parse_string_array(R"(["BTCUSDT","ETHUSDT"])"),
            (std::vector<std::string>{"BTCUSDT", "ETHUSDT"}));
  EXPECT_FALSE(parse_string_array("[1,2]"));
  EXPECT_FALSE(parse_string_array("BTCUSDT"));
  EXPECT_FALSE(parse_string_array("[\"BTCUSDT\""));
}

}  // namespace
}  // namespace mockex::dialect::binance
