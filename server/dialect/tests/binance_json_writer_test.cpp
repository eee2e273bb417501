#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "json_writer.hpp"

namespace mockex::dialect::binance {
namespace {

TEST(BinanceJsonWriter, writes_fields_in_the_order_given_and_escapes_quotes_and_backslashes) {
  JsonWriter w;
  w.begin_object().field("e", "trade").field("E", std::int64_t{-5}).field("m", true);
  w.key("quirky").string(R"(a"b\c"")").key("list").begin_array();
  w.string("x").number(std::uint64_t{7}).null().end_array().end_object();
  const std::string text = w.take();
  EXPECT_EQ(text, R"({"e":"trade","E":-5,"m":true,"quirky":"a\"b\\c\"\"","list":["x",7,null]})");
  EXPECT_EQ(nlohmann::json::parse(text)["quirky"], R"(a"b\c"")");
}

TEST(BinanceJsonWriter, writes_control_characters_as_unicode_escapes) {
  JsonWriter w;
  const std::string raw = std::string("a\nb\tc") + '\0' + "d\x1f\"";
  w.begin_object().field("id", raw).end_object();
  const std::string text = w.take();
  EXPECT_EQ(text, R"({"id":"a\u000ab\u0009c\u0000d\u001f\""})");
  EXPECT_EQ(nlohmann::json::parse(text)["id"], raw);
}

}  // namespace
}  // namespace mockex::dialect::binance
