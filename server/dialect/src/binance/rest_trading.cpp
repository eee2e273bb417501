// Binance REST: account and trading endpoints (spec §7.3, §7.4, §9), signed with HMAC-SHA256.

#include "trading_calls.hpp"

#include "json_writer.hpp"
#include "order_faults.hpp"

#include <mockex/core/decimal.hpp>

#include <optional>

namespace mockex::dialect::binance {
namespace {

using nlohmann::json;

constexpr std::string_view decimal_range = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";

template <class Enum>
std::optional<Enum> enum_from(std::string_view text, std::initializer_list<Enum> values) {
  for (auto value : values) {
    if (to_string(value) == text) return value;
  }
  return std::nullopt;
}

constexpr std::string_view client_order_id_pattern = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";

bool legal_client_order_id(std::string_view id) {
  return !id.empty() && id.size() <= 36 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == ':' || c == '/' ||
           c == '_' || c == '-';
  });
}

// A decimal parameter at `scale`: nothing when absent, -1100 when malformed, -1111 when it has
// more decimals than the scale.
std::variant<std::optional<std::int64_t>, ApiError> decimal_param(const Params& params,
                                                                  std::string_view name,
                                                                  core::Scale scale) {
  auto text = params.non_empty(name);
  if (!text) return std::optional<std::int64_t>{};
  auto units = core::parse_decimal(*text, scale);
  if (units) return std::optional<std::int64_t>{*units};
  if (units.error() == core::ErrorCode::decimal_too_precise) {
    return make_error(Error::too_much_precision, {name});
  }
  return make_error(Error::illegal_characters, {name, decimal_range});
}

bool has_tif(book::OrderType type) {
  return type == book::OrderType::limit || type == book::OrderType::stop_loss_limit ||
         type == book::OrderType::take_profit_limit;
}

bool has_price(book::OrderType type) {
  return has_tif(type) || type == book::OrderType::limit_maker;
}

// A commission rate as Binance writes it: a fraction with 8 decimals ("0.00100000" is 0.1 %).
std::string commission_rate(venue::CommissionRate rate) {
  return decimal(rate.units, core::Scale{8});
}

enum class Shape { ack, result, full, query, cancel };

// A cancel's own fields in its answer: the cancel's client id (the order's becomes
// origClientOrderId) and when it happened.
struct CancelFields {
  std::string_view client_order_id;
  std::int64_t transact_time = 0;
};

// One order as Binance writes it, fields in its order, as JSON text: the response shapes of
// POST order (ACK, RESULT, FULL with `fills`), of the queries, and of a cancel (`cancel`).
void write_order(JsonWriter& w, const venue::Venue& venue, const venue::Order& order, Shape shape,
                 const CancelFields* cancel = nullptr,
                 const std::vector<venue::Fill>* fills = nullptr) {
  const auto& spec = venue.instrument(order.symbol);
  auto s = scales_of(venue, order.symbol);
  auto dec = [&](std::string_view name, std::int64_t units, core::Scale scale) {
    w.key(name).string(decimal(units, scale));
  };
  w.begin_object().field("symbol", spec.symbol);
  if (cancel) w.field("origClientOrderId", order.client_order_id.view());
  w.field("orderId", order.id.value()).field("orderListId", -1);
  w.field("clientOrderId", cancel ? cancel->client_order_id : order.client_order_id.view());
  if (cancel) {
    w.field("transactTime", cancel->transact_time);
  } else if (shape != Shape::query) {
    w.field("transactTime", order.update_time.millis());
  }
  if (shape != Shape::ack) {
    dec("price", order.price.units(), s.price);
    dec("origQty", order.orig_qty.units(), s.qty);
    dec("executedQty", order.executed_qty.units(), s.qty);
    dec("origQuoteOrderQty", order.orig_quote_qty.units(), s.quote);
    dec("cummulativeQuoteQty", order.cumulative_quote_qty.units(), s.quote);
    w.field("status", venue::to_string(order.status))
        .field("timeInForce", book::to_string(order.tif))
        .field("type", book::to_string(order.type))
        .field("side", book::to_string(order.side));
    if (book::is_stop(order.type) || shape == Shape::query) {
      dec("stopPrice", order.stop_price.units(), s.price);
    }
    if (shape == Shape::query) {
      dec("icebergQty", 0, s.qty);
      w.field("time", order.time.millis())
          .field("updateTime", order.update_time.millis())
          .field("isWorking", order.is_working());
    }
    if (shape != Shape::cancel) {
      w.field("workingTime", order.working_time ? order.working_time->millis() : std::int64_t{-1});
    }
    w.field("selfTradePreventionMode", book::to_string(order.stp));
    if (order.prevented_match_id != 0) {
      w.field("preventedMatchId", order.prevented_match_id);
      dec("preventedQuantity", order.prevented_qty.units(), s.qty);
    }
    if (order.expiry_reason != venue::ExpiryReason::none) {
      w.field("expiryReason", venue::to_string(order.expiry_reason));
    }
  }
  if (shape == Shape::full && fills) {
    w.key("fills").begin_array();
    for (const auto& fill : *fills) {
      auto fs = scales_of(venue, fill.symbol);
      const auto& commission_asset = venue.asset(fill.commission_asset);
      w.begin_object();
      dec("price", fill.price.units(), fs.price);
      dec("qty", fill.qty.units(), fs.qty);
      dec("commission", fill.commission.units(), commission_asset.scale);
      w.field("commissionAsset", commission_asset.name).field("tradeId", fill.trade_id.value());
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

std::string order_text(const venue::Venue& venue, const venue::Order& order, Shape shape) {
  JsonWriter w;
  write_order(w, venue, order, shape);
  return w.take();
}

// Orders as a JSON array, each in `shape`.
template <class Orders>
JsonText orders_text(const venue::Venue& venue, const Orders& orders, Shape shape,
                     std::size_t limit = SIZE_MAX) {
  JsonWriter w;
  w.begin_array();
  std::size_t written = 0;
  for (const auto& order : orders) {
    if (written++ == limit) break;
    write_order(w, venue, order, shape);
  }
  w.end_array();
  return JsonText{w.take()};
}

// The parameters of POST order and order/test, checked in spec §8.3's order (parameter checks;
// the venue does the rest).
std::variant<venue::PlaceOrder, ApiError> read_order(const RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto& venue = call.session.venue();
  auto symbol = std::get<venue::SymbolId>(id);
  auto s = scales_of(venue, symbol);
  const auto& params = call.params;
  venue::PlaceOrder order;
  order.account = call.account;
  order.symbol = venue.instrument(symbol).symbol;

  auto side = params.non_empty("side");
  if (!side) return make_error(Error::mandatory_parameter, {"side"});
  auto parsed_side = enum_from(*side, {book::Side::buy, book::Side::sell});
  if (!parsed_side) return make_error(Error::invalid_side);
  order.side = *parsed_side;

  auto type = params.non_empty("type");
  if (!type) return make_error(Error::mandatory_parameter, {"type"});
  auto parsed_type = enum_from(
      *type, {book::OrderType::limit, book::OrderType::market, book::OrderType::limit_maker,
              book::OrderType::stop_loss, book::OrderType::stop_loss_limit,
              book::OrderType::take_profit, book::OrderType::take_profit_limit});
  if (!parsed_type) return make_error(Error::invalid_order_type);
  order.type = *parsed_type;

  auto tif = params.non_empty("timeInForce");
  if (tif) {
    if (!has_tif(order.type)) return make_error(Error::not_required, {"timeInForce"});
    auto parsed_tif =
        enum_from(*tif, {book::TimeInForce::gtc, book::TimeInForce::ioc, book::TimeInForce::fok});
    if (!parsed_tif) return make_error(Error::invalid_time_in_force);
    order.tif = *parsed_tif;
  } else if (has_tif(order.type)) {
    return make_error(Error::mandatory_parameter, {"timeInForce"});
  }

  auto quantity = decimal_param(params, "quantity", s.qty);
  auto quote = decimal_param(params, "quoteOrderQty", s.quote);
  auto price = decimal_param(params, "price", s.price);
  auto stop = decimal_param(params, "stopPrice", s.price);
  for (auto* value : {&quantity, &quote, &price, &stop}) {
    if (auto* error = std::get_if<ApiError>(value)) return *error;
  }
  auto qty_units = std::get<std::optional<std::int64_t>>(quantity);
  auto quote_units = std::get<std::optional<std::int64_t>>(quote);
  auto price_units = std::get<std::optional<std::int64_t>>(price);
  auto stop_units = std::get<std::optional<std::int64_t>>(stop);

  if (order.type == book::OrderType::market) {
    if (!qty_units && !quote_units) return make_error(Error::quantity_or_quote_missing);
    if (qty_units && quote_units) return make_error(Error::quantity_or_quote_missing);
  } else {
    if (quote_units) return make_error(Error::not_required, {"quoteOrderQty"});
    if (!qty_units) return make_error(Error::mandatory_parameter, {"quantity"});
  }
  if (has_price(order.type) && !price_units) return make_error(Error::mandatory_parameter, {"price"});
  if (!has_price(order.type) && price_units) return make_error(Error::not_required, {"price"});
  if (book::is_stop(order.type) && !stop_units) return make_error(Error::mandatory_parameter, {"stopPrice"});
  if (!book::is_stop(order.type) && stop_units) return make_error(Error::not_required, {"stopPrice"});
  order.qty = core::Qty{qty_units.value_or(0)};
  order.quote_qty = core::Amount{quote_units.value_or(0)};
  order.price = core::Price{price_units.value_or(0)};
  order.stop_price = core::Price{stop_units.value_or(0)};

  if (auto id_text = params.non_empty("newClientOrderId")) {
    if (!legal_client_order_id(*id_text)) {
      return make_error(Error::illegal_characters,
                        {"newClientOrderId", client_order_id_pattern});
    }
    order.client_order_id = venue::ClientOrderId(*id_text);
  }
  if (auto stp = params.non_empty("selfTradePreventionMode")) {
    auto mode = enum_from(*stp, {book::StpMode::none, book::StpMode::expire_taker,
                                 book::StpMode::expire_maker, book::StpMode::expire_both});
    if (!mode) {
      return make_error(Error::illegal_characters,
                        {"selfTradePreventionMode", "NONE|EXPIRE_TAKER|EXPIRE_MAKER|EXPIRE_BOTH"});
    }
    order.stp = *mode;
  }
  return order;
}

std::variant<Shape, ApiError> response_shape(const Params& params, book::OrderType type) {
  auto text = params.non_empty("newOrderRespType");
  if (!text) {
    return type == book::OrderType::limit || type == book::OrderType::market ? Shape::full
                                                                               : Shape::ack;
  }
  if (*text == "ACK") return Shape::ack;
  if (*text == "RESULT") return Shape::result;
  if (*text == "FULL") return Shape::full;
  return make_error(Error::illegal_characters, {"newOrderRespType", "ACK|RESULT|FULL"});
}

void journal_order(RestCall& call, journal::OrderEvent event, const venue::Order* order,
                   const venue::PlaceOrder& request, const ApiError* error) {
  const auto* spec = call.session.venue().account(call.account);
  journal::OrderRecord record;
  record.event = event;
  record.account = spec ? spec->api_key : "";
  record.symbol = request.symbol;
  record.side = std::string(book::to_string(request.side));
  record.type = std::string(book::to_string(request.type));
  record.client_order_id = std::string(order ? order->client_order_id.view()
                                             : request.client_order_id.view());
  record.order_id = order ? order->id.value() : 0;
  auto id = call.session.venue().find_symbol(request.symbol);
  if (id) {
    auto s = scales_of(call.session.venue(), *id);
    record.price = decimal(request.price.units(), s.price);
    record.qty = decimal(request.qty.units(), s.qty);
  }
  if (error != nullptr) {
    record.error_code = error->code;
    record.error_message = error->msg;
  }
  call.session.journal().record_order(call.session.stamp(), record);
}

// A cancel the venue refused (the fills and cancels that happen are journaled by the session from
// the venue's events).
void journal_cancel_refused(RestCall& call, const venue::CancelOrder& cancel,
                            const ApiError& error) {
  const auto* spec = call.session.venue().account(call.account);
  journal::OrderRecord record;
  record.event = journal::OrderEvent::cancel_rejected;
  record.account = spec ? spec->api_key : "";
  record.symbol = cancel.symbol;
  record.client_order_id = std::string(cancel.orig_client_order_id.view());
  record.order_id = cancel.order_id.value();
  record.error_code = error.code;
  record.error_message = error.msg;
  call.session.journal().record_order(call.session.stamp(), record);
}

RestResult test_order(RestCall& call) {
  auto read = read_order(call);
  if (auto* error = std::get_if<ApiError>(&read)) return *error;
  auto status = call.session.venue().test_order(std::get<venue::PlaceOrder>(read));
  if (!status) return from_core(status.error());
  if (call.params.non_empty("computeCommissionRates") == "true") {
    const auto* spec = call.session.venue().account(call.account);
    json zero{{"maker", "0.00000000"}, {"taker", "0.00000000"}};
    return json{{"standardCommissionForOrder", {{"maker", commission_rate(spec->maker)}, {"taker", commission_rate(spec->taker)}}},
                {"specialCommissionForOrder", zero},
                {"taxCommissionForOrder", zero},
                {"discount",
                 {{"enabledForAccount", false}, {"enabledForSymbol", false},
                  {"discountAsset", "BNB"}, {"discount", "0.00000000"}}}};
  }
  return json::object();
}

// The venue's cancel of `reference`, with the cancel's own client id from `new_id_name` (-1100
// when it is not a legal client order id, as for a new order).
std::variant<venue::CancelOrder, ApiError> cancel_command(
    const RestCall& call, const std::string& symbol,
    const std::pair<core::OrderId, venue::ClientOrderId>& reference, std::string_view new_id_name) {
  venue::CancelOrder cancel{call.account, symbol, reference.first, reference.second, {}};
  if (auto own = call.params.non_empty(new_id_name)) {
    if (!legal_client_order_id(*own)) {
      return make_error(Error::illegal_characters, {new_id_name, client_order_id_pattern});
    }
    cancel.new_client_order_id = venue::ClientOrderId(*own);
  }
  return cancel;
}

// A placed order as the response shape says (FULL adds its fills).
std::string placed_text(const venue::Venue& venue, const venue::Placed& placed, Shape shape) {
  JsonWriter w;
  write_order(w, venue, placed.order, shape, nullptr, &placed.fills);
  return w.take();
}

// What a successful cancel answers (DELETE order, and cancelReplace's cancelResponse).
void write_canceled(JsonWriter& w, const RestCall& call, const venue::Canceled& canceled) {
  CancelFields fields{canceled.client_order_id.view(), call.session.clock().now().millis()};
  write_order(w, call.session.venue(), canceled.order, Shape::cancel, &fields);
}

// orderId and/or origClientOrderId, as GET and DELETE order take them (cancelReplace names them
// cancelOrderId and cancelOrigClientOrderId).
std::variant<std::pair<core::OrderId, venue::ClientOrderId>, ApiError> order_reference(
    const RestCall& call, std::string_view id_name = "orderId",
    std::string_view client_name = "origClientOrderId") {
  auto id = int_param(call.params, id_name, 1, std::numeric_limits<std::int64_t>::max());
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto order_id = std::get<std::optional<std::int64_t>>(id);
  auto client = call.params.non_empty(client_name);
  if (!order_id && !client) return make_error(Error::mandatory_parameter, {id_name});
  return std::pair{core::OrderId{static_cast<std::uint64_t>(order_id.value_or(0))},
                   client ? venue::ClientOrderId(client->substr(0, 36)) : venue::ClientOrderId()};
}

}  // namespace

// The endpoints the WebSocket API shares (trading_calls.hpp).

RestResult place_order(RestCall& call) {
  auto read = read_order(call);
  if (auto* error = std::get_if<ApiError>(&read)) return *error;
  auto order = std::get<venue::PlaceOrder>(std::move(read));
  auto shape = response_shape(call.params, order.type);
  if (auto* error = std::get_if<ApiError>(&shape)) return *error;
  if (auto unread = unread_parameters(call)) return *unread;
  auto counted = call.state.limiter.charge_order(call.account.value(), call.now_ms);
  if (counted.refusal) return *counted.refusal;
  auto faults = new_order_faults(call, order);
  if (faults.rejection) {
    journal_order(call, journal::OrderEvent::rejected, nullptr, order, &*faults.rejection);
    return *faults.rejection;
  }
  venue::Events events;
  auto placed = call.session.venue().place_order(order, call.session.clock().now(), events);
  call.session.publish(events);
  if (!placed) {
    auto error = from_core(placed.error());
    journal_order(call, journal::OrderEvent::rejected, nullptr, order, &error);
    return error;
  }
  journal_order(call, journal::OrderEvent::placed, &placed->order, order, nullptr);
  order_acked(call, order, placed->order, faults);
  for (auto& header : counted.headers) call.headers.push_back(std::move(header));
  return JsonText{placed_text(call.session.venue(), *placed, std::get<Shape>(shape))};
}

RestResult cancel_order(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto reference = order_reference(call);
  if (auto* error = std::get_if<ApiError>(&reference)) return *error;
  auto command = cancel_command(call, call.session.venue().instrument(std::get<venue::SymbolId>(id)).symbol,
                                std::get<std::pair<core::OrderId, venue::ClientOrderId>>(reference),
                                "newClientOrderId");
  if (auto* error = std::get_if<ApiError>(&command)) return *error;
  auto& cancel = std::get<venue::CancelOrder>(command);
  if (auto unread = unread_parameters(call)) return *unread;
  if (auto refusal = cancel_faults(call, cancel.symbol, cancel.orig_client_order_id.view())) {
    journal_cancel_refused(call, cancel, *refusal);
    return *refusal;
  }
  venue::Events events;
  auto canceled = call.session.venue().cancel_order(cancel, call.session.clock().now(), events);
  call.session.publish(events);
  if (!canceled) {
    auto error = make_error(Error::unknown_order);
    journal_cancel_refused(call, cancel, error);
    return error;
  }
  JsonWriter w;
  write_canceled(w, call, *canceled);
  return JsonText{w.take()};
}

RestResult query_order(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto reference = order_reference(call);
  if (auto* error = std::get_if<ApiError>(&reference)) return *error;
  auto& [order_id, client] = std::get<std::pair<core::OrderId, venue::ClientOrderId>>(reference);
  auto order = call.session.venue().query_order(call.account, std::get<venue::SymbolId>(id),
                                                order_id, client);
  if (!order) return make_error(Error::order_does_not_exist);
  return JsonText{order_text(call.session.venue(), *order, Shape::query)};
}

RestResult open_orders(RestCall& call) {
  std::optional<venue::SymbolId> symbol;
  if (call.params.has("symbol")) {
    auto id = required_symbol(call);
    if (auto* error = std::get_if<ApiError>(&id)) return *error;
    symbol = std::get<venue::SymbolId>(id);
  }
  auto& venue = call.session.venue();
  return orders_text(venue, venue.open_orders(call.account, symbol), Shape::query);
}

RestResult cancel_open_orders(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  if (auto unread = unread_parameters(call)) return *unread;
  venue::Events events;
  auto& venue = call.session.venue();
  auto canceled = venue.cancel_all(call.account, venue.instrument(std::get<venue::SymbolId>(id)).symbol,
                                   call.session.clock().now(), events);
  call.session.publish(events);
  if (!canceled) return make_error(Error::unknown_order);
  JsonWriter w;
  w.begin_array();
  for (const auto& done : *canceled) write_canceled(w, call, done);
  w.end_array();
  return JsonText{w.take()};
}

RestResult account(RestCall& call) {
  auto& venue = call.session.venue();
  const auto* spec = venue.account(call.account);
  bool omit_zero = call.params.non_empty("omitZeroBalances") == "true";
  json balances = json::array();
  for (std::uint32_t i = 0; i < venue.asset_count(); ++i) {
    venue::AssetId asset{i};
    auto balance = venue.balance(call.account, asset);
    if (!balance) continue;
    if (omit_zero && balance->free.is_zero() && balance->locked.is_zero()) continue;
    const auto& asset_spec = venue.asset(asset);
    balances.push_back({{"asset", asset_spec.name},
                        {"free", decimal(balance->free.units(), asset_spec.scale)},
                        {"locked", decimal(balance->locked.units(), asset_spec.scale)}});
  }
  auto bps = [](venue::CommissionRate r) { return r.units / 10'000; };  // 0.001 -> 10
  return json{{"makerCommission", bps(spec->maker)},
              {"takerCommission", bps(spec->taker)},
              {"buyerCommission", 0},
              {"sellerCommission", 0},
              {"commissionRates",
               {{"maker", commission_rate(spec->maker)}, {"taker", commission_rate(spec->taker)},
                {"buyer", "0.00000000"}, {"seller", "0.00000000"}}},
              {"canTrade", true},
              {"canWithdraw", true},
              {"canDeposit", true},
              {"brokered", false},
              {"requireSelfTradePrevention", false},
              {"preventSor", false},
              {"updateTime", call.now_ms},
              {"accountType", "SPOT"},
              {"balances", std::move(balances)},
              {"permissions", json::array({"SPOT"})},
              {"uid", call.account.value()}};
}

int open_orders_weight(const Params& params) { return params.has("symbol") ? 6 : 80; }

namespace {

RestResult all_orders(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto limit = limit_param(call.params, 500, 1000);
  if (auto* error = std::get_if<ApiError>(&limit)) return *error;
  auto from = int_param(call.params, "orderId", 1, std::numeric_limits<std::int64_t>::max());
  if (auto* error = std::get_if<ApiError>(&from)) return *error;
  auto from_id = std::get<std::optional<std::int64_t>>(from).value_or(0);
  auto& venue = call.session.venue();
  auto orders = venue.all_orders(call.account, std::get<venue::SymbolId>(id));
  std::erase_if(orders, [&](const venue::Order& order) {
    return static_cast<std::int64_t>(order.id.value()) < from_id;
  });
  return orders_text(venue, orders, Shape::query, std::get<std::size_t>(limit));
}

RestResult my_trades(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto limit = limit_param(call.params, 500, 1000);
  if (auto* error = std::get_if<ApiError>(&limit)) return *error;
  auto& venue = call.session.venue();
  auto symbol = std::get<venue::SymbolId>(id);
  auto s = scales_of(venue, symbol);
  auto fills = venue.my_trades(call.account, symbol);
  std::size_t first = fills.size() > std::get<std::size_t>(limit)
                          ? fills.size() - std::get<std::size_t>(limit)
                          : 0;
  json out = json::array();
  for (std::size_t i = first; i < fills.size(); ++i) {
    const auto& fill = fills[i];
    const auto& commission_asset = venue.asset(fill.commission_asset);
    out.push_back({{"symbol", venue.instrument(symbol).symbol},
                   {"id", fill.trade_id.value()},
                   {"orderId", fill.order.value()},
                   {"orderListId", -1},
                   {"price", decimal(fill.price.units(), s.price)},
                   {"qty", decimal(fill.qty.units(), s.qty)},
                   {"quoteQty", decimal(fill.quote_qty.units(), s.quote)},
                   {"commission", decimal(fill.commission.units(), commission_asset.scale)},
                   {"commissionAsset", commission_asset.name},
                   {"time", fill.time.millis()},
                   {"isBuyer", fill.side == book::Side::buy},
                   {"isMaker", fill.is_maker},
                   {"isBestMatch", true}});
  }
  return out;
}

// GET rateLimit/order: the account's order counts in every order window.
RestResult order_rate_limits(RestCall& call) {
  static constexpr const char* intervals[] = {"SECOND", "MINUTE", "HOUR", "DAY"};
  json out = json::array();
  for (const auto& [limit, count] : call.state.limiter.order_counts(call.account.value(),
                                                                     call.now_ms)) {
    out.push_back({{"rateLimitType", "ORDERS"},
                   {"interval", intervals[static_cast<int>(limit.interval)]},
                   {"intervalNum", limit.interval_num},
                   {"limit", limit.limit},
                   {"count", count}});
  }
  return out;
}

// GET account/commission: the account's rates on one symbol (no special, tax or BNB discount).
RestResult commission(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  const auto* spec = call.session.venue().account(call.account);
  json zero{{"maker", "0.00000000"}, {"taker", "0.00000000"}, {"buyer", "0.00000000"},
            {"seller", "0.00000000"}};
  return json{{"symbol", call.session.venue().instrument(std::get<venue::SymbolId>(id)).symbol},
              {"standardCommission",
               {{"maker", commission_rate(spec->maker)}, {"taker", commission_rate(spec->taker)},
                {"buyer", "0.00000000"}, {"seller", "0.00000000"}}},
              {"specialCommission", zero},
              {"taxCommission", zero},
              {"discount",
               {{"enabledForAccount", false}, {"enabledForSymbol", false},
                {"discountAsset", "BNB"}, {"discount", "0.00000000"}}}};
}

// GET /sapi/v1/asset/tradeFee (ccxt fetchTradingFee, binance-api-node tradeFee).
RestResult trade_fee(RestCall& call) {
  auto& venue = call.session.venue();
  const auto* spec = venue.account(call.account);
  auto rate = [](venue::CommissionRate r) { return core::format_decimal_trimmed(r.units, core::Scale{8}); };
  return per_symbol(call, [&](venue::SymbolId id) {
    return json{{"symbol", venue.instrument(id).symbol},
                {"makerCommission", rate(spec->maker)},
                {"takerCommission", rate(spec->taker)}};
  });
}

}  // namespace

namespace {

// {"code","msg"} of one failed half of a cancelReplace.
void write_error(JsonWriter& w, const ApiError& error) {
  w.begin_object().field("code", error.code).field("msg", error.msg).end_object();
}

}  // namespace

// POST order/cancelReplace: cancel an order and place a new one in one step. STOP_ON_FAILURE
// places nothing when the cancel fails; ALLOW_FAILURE places either way. Both halves succeed:
// 200 with both responses; one fails: 409 -2021; nothing succeeds: 400 -2022; the outcome of each
// half is in "data".
RestResult cancel_replace(RestCall& call) {
  auto mode_text = call.params.non_empty("cancelReplaceMode");
  if (!mode_text) return make_error(Error::mandatory_parameter, {"cancelReplaceMode"});
  venue::CancelReplace command;
  if (*mode_text == "STOP_ON_FAILURE") {
    command.mode = venue::CancelReplaceMode::stop_on_failure;
  } else if (*mode_text == "ALLOW_FAILURE") {
    command.mode = venue::CancelReplaceMode::allow_failure;
  } else {
    return make_error(Error::illegal_characters,
                      {"cancelReplaceMode", "STOP_ON_FAILURE, ALLOW_FAILURE"});
  }
  auto read = read_order(call);
  if (auto* error = std::get_if<ApiError>(&read)) return *error;
  command.place = std::get<venue::PlaceOrder>(std::move(read));
  auto shape = response_shape(call.params, command.place.type);
  if (auto* error = std::get_if<ApiError>(&shape)) return *error;
  auto reference = order_reference(call, "cancelOrderId", "cancelOrigClientOrderId");
  if (auto* error = std::get_if<ApiError>(&reference)) return *error;
  auto cancel = cancel_command(
      call, command.place.symbol,
      std::get<std::pair<core::OrderId, venue::ClientOrderId>>(reference), "cancelNewClientOrderId");
  if (auto* error = std::get_if<ApiError>(&cancel)) return *error;
  command.cancel = std::get<venue::CancelOrder>(std::move(cancel));
  if (auto unread = unread_parameters(call)) return *unread;
  auto counted = call.state.limiter.charge_order(call.account.value(), call.now_ms);
  if (counted.refusal) return *counted.refusal;
  for (auto& header : counted.headers) call.headers.push_back(std::move(header));

  venue::Events events;
  auto& venue = call.session.venue();
  auto done = venue.cancel_replace(command, call.session.clock().now(), events);
  call.session.publish(events);
  auto result = [](bool ok, bool attempted) {
    return ok ? "SUCCESS" : (attempted ? "FAILURE" : "NOT_ATTEMPTED");
  };
  JsonWriter w;
  w.begin_object()
      .field("cancelResult", result(done.canceled.has_value(), true))
      .field("newOrderResult", result(done.placed.has_value(), done.place_attempted))
      .key("cancelResponse");
  if (done.canceled) {
    write_canceled(w, call, *done.canceled);
  } else {
    auto error = from_core(done.cancel_status.error());
    journal_cancel_refused(call, command.cancel, error);
    write_error(w, error);
  }
  w.key("newOrderResponse");
  if (done.placed) {
    journal_order(call, journal::OrderEvent::placed, &done.placed->order, command.place, nullptr);
    write_order(w, venue, done.placed->order, std::get<Shape>(shape), nullptr, &done.placed->fills);
  } else if (done.place_attempted) {
    auto error = from_core(done.place_status.error());
    journal_order(call, journal::OrderEvent::rejected, nullptr, command.place, &error);
    write_error(w, error);
  } else {
    w.null();
  }
  w.end_object();
  if (done.canceled && done.placed) return JsonText{w.take()};
  auto error = make_error(done.canceled || done.placed ? Error::cancel_replace_partial
                                                        : Error::cancel_replace_failed);
  error.data_json = w.take();
  return error;
}

void add_trading_routes(const core::RouteAdder& add, session::SessionRegistry& registry) {
  auto route = [&](const std::string& method, const std::string& path, Weight weight,
                   RestBody body) {
    add_both(add, method, path,
             rest_handler(registry, std::move(weight), std::move(body), Security::signed_call));
  };
  route("POST", "/api/v3/order", fixed_weight(1), place_order);
  route("POST", "/api/v3/order/test", fixed_weight(1), test_order);
  route("POST", "/api/v3/order/cancelReplace", fixed_weight(1), cancel_replace);
  route("DELETE", "/api/v3/order", fixed_weight(1), cancel_order);
  route("GET", "/api/v3/order", fixed_weight(4), query_order);
  route("GET", "/api/v3/openOrders", open_orders_weight, open_orders);
  route("DELETE", "/api/v3/openOrders", fixed_weight(1), cancel_open_orders);
  route("GET", "/api/v3/allOrders", fixed_weight(20), all_orders);
  route("GET", "/api/v3/myTrades", fixed_weight(20), my_trades);
  route("GET", "/api/v3/account", fixed_weight(20), account);
  route("GET", "/api/v3/rateLimit/order", fixed_weight(40), order_rate_limits);
  route("GET", "/api/v3/account/commission", fixed_weight(20), commission);
  route("GET", "/sapi/v1/asset/tradeFee", fixed_weight(1), [](RestCall& call) -> RestResult {
    auto fees = trade_fee(call);
    // Binance answers tradeFee with an array even for one symbol.
    if (auto* one = std::get_if<json>(&fees); one && one->is_object()) return json::array({*one});
    return fees;
  });
  // What ccxt's default loadMarkets asks with keys set (spec §7.6): empty answers are valid.
  for (const char* path : {"/sapi/v1/capital/config/getall", "/sapi/v1/margin/allPairs",
                           "/sapi/v1/margin/isolated/allPairs"}) {
    route("GET", path, fixed_weight(1), [](RestCall&) -> RestResult { return json::array(); });
  }
}

}  // namespace mockex::dialect::binance
