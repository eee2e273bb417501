#include <mockex/dialect/binance/errors.hpp>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace mockex::dialect::binance {
namespace {

TEST(BinanceErrors, message_templates_take_their_arguments_in_order) {
  auto error = make_error(Error::weight_exceeded, {"6000", "1 MINUTE"});
  EXPECT_EQ(error.http_status, 429);
  EXPECT_EQ(error.code, -1003);
  EXPECT_EQ(error.msg,
            "Too much request weight used; current limit is 6000 request weight per 1 MINUTE. "
            "Please use WebSocket Streams for live updates to avoid polling the API.");
}

TEST(BinanceErrors, mandatory_parameter_names_the_parameter) {
  EXPECT_EQ(make_error(Error::mandatory_parameter, {"timestamp"}).msg,
            "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
}

TEST(BinanceErrors, every_entry_has_a_4xx_or_5xx_status_and_a_negative_code) {
  for (int i = 0; i <= static_cast<int>(Error::subscription_active); ++i) {
    auto error = static_cast<Error>(i);
    // Arguments are filled with placeholders; make_error asserts the count in debug builds.
    ApiError made;
    switch (error) {
      case Error::weight_exceeded:
      case Error::too_many_orders:
      case Error::illegal_characters:
      case Error::not_all_read:
        made = make_error(error, {"a", "b"});
        break;
      case Error::not_found:
      case Error::ip_banned:
      case Error::filter_failure:
      case Error::mandatory_parameter:
      case Error::not_required:
      case Error::too_much_precision:
      case Error::order_type_not_supported:
      case Error::account_filter_failure:
        made = make_error(error, {"a"});
        break;
      default:
        made = make_error(error);
    }
    EXPECT_GE(made.http_status, 400) << i;
    EXPECT_LT(made.code, 0) << i;
    EXPECT_FALSE(made.msg.empty()) << i;
  }
}

TEST(BinanceErrors, response_is_code_and_msg_with_binance_content_type) {
  auto response = to_response(make_error(Error::invalid_symbol));
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.header("Content-Type"), "application/json;charset=UTF-8");
  EXPECT_EQ(nlohmann::json::parse(response.body),
            (nlohmann::json{{"code", -1121}, {"msg", "Invalid symbol."}}));
}

TEST(BinanceErrors, core_rejections_map_to_binance_codes_and_exact_texts) {
  auto lot = from_core(core::ErrorCode::filter_lot_size);
  EXPECT_EQ(lot.code, -1013);
  EXPECT_EQ(lot.msg, "Filter failure: LOT_SIZE");
  auto balance = from_core(core::ErrorCode::account_insufficient_balance);
  EXPECT_EQ(balance.code, -2010);
  EXPECT_EQ(balance.msg, "Account has insufficient balance for requested action.");
  auto orders = from_core(core::ErrorCode::account_max_num_orders);
  EXPECT_EQ(orders.code, -2010);
  EXPECT_EQ(orders.msg, "Filter failure: MAX_NUM_ORDERS");
  EXPECT_EQ(from_core(core::ErrorCode::book_would_take).msg,
            "Order would immediately match and take.");
  EXPECT_EQ(from_core(core::ErrorCode::account_duplicate_client_order_id).msg,
            "Duplicate order sent.");
}

}  // namespace
}  // namespace mockex::dialect::binance
