// Binance REST: general and market-data endpoints (spec §7.1, §7.2) and the compatibility
// extras ccxt's loadMarkets needs (§7.6).

#include <mockex/dialect/binance/rest.hpp>

#include "json_writer.hpp"
#include "rest_context.hpp"

#include <mockex/core/decimal.hpp>

#include <algorithm>
#include <cctype>

namespace mockex::dialect::binance {
namespace {

using nlohmann::json;

json levels_json(const std::vector<book::LevelInfo>& levels, const venue::InstrumentSpec& spec) {
  json out = json::array();
  for (const auto& level : levels) {
    out.push_back({decimal(level.price.units(), spec.price_scale),
                   decimal(level.qty.units(), spec.qty_scale)});
  }
  return out;
}

json filters_json(const venue::InstrumentSpec& spec, core::Scale quote_scale) {
  json out = json::array();
  auto price = [&](core::Price p) { return decimal(p.units(), spec.price_scale); };
  auto qty = [&](core::Qty q) { return decimal(q.units(), spec.qty_scale); };
  auto amount = [&](core::Amount a) { return decimal(a.units(), quote_scale); };
  for (const auto& filter : spec.filters) {
    std::visit(
        [&](const auto& f) {
          using F = std::decay_t<decltype(f)>;
          if constexpr (std::is_same_v<F, venue::PriceFilter>) {
            out.push_back({{"filterType", "PRICE_FILTER"}, {"minPrice", price(f.min_price)},
                           {"maxPrice", price(f.max_price)}, {"tickSize", price(f.tick_size)}});
          } else if constexpr (std::is_same_v<F, venue::LotSizeFilter>) {
            out.push_back({{"filterType", "LOT_SIZE"}, {"minQty", qty(f.min_qty)},
                           {"maxQty", qty(f.max_qty)}, {"stepSize", qty(f.step_size)}});
          } else if constexpr (std::is_same_v<F, venue::MarketLotSizeFilter>) {
            out.push_back({{"filterType", "MARKET_LOT_SIZE"}, {"minQty", qty(f.min_qty)},
                           {"maxQty", qty(f.max_qty)}, {"stepSize", qty(f.step_size)}});
          } else if constexpr (std::is_same_v<F, venue::NotionalFilter>) {
            out.push_back({{"filterType", "NOTIONAL"}, {"minNotional", amount(f.min_notional)},
                           {"applyMinToMarket", f.apply_min_to_market},
                           {"maxNotional", amount(f.max_notional)},
                           {"applyMaxToMarket", f.apply_max_to_market}, {"avgPriceMins", 5}});
          } else if constexpr (std::is_same_v<F, venue::MinNotionalFilter>) {
            out.push_back({{"filterType", "MIN_NOTIONAL"}, {"minNotional", amount(f.min_notional)},
                           {"applyToMarket", f.apply_to_market}, {"avgPriceMins", 5}});
          } else if constexpr (std::is_same_v<F, venue::MaxNumOrdersFilter>) {
            out.push_back({{"filterType", "MAX_NUM_ORDERS"}, {"maxNumOrders", f.max_num_orders}});
          } else if constexpr (std::is_same_v<F, venue::MaxNumAlgoOrdersFilter>) {
            out.push_back({{"filterType", "MAX_NUM_ALGO_ORDERS"},
                           {"maxNumAlgoOrders", f.max_num_algo_orders}});
          }
        },
        filter);
  }
  return out;
}

json order_types_json(const venue::OrderTypeSet& types) {
  static constexpr std::pair<book::OrderType, std::string_view> names[] = {
      {book::OrderType::limit, "LIMIT"},
      {book::OrderType::limit_maker, "LIMIT_MAKER"},
      {book::OrderType::market, "MARKET"},
      {book::OrderType::stop_loss, "STOP_LOSS"},
      {book::OrderType::stop_loss_limit, "STOP_LOSS_LIMIT"},
      {book::OrderType::take_profit, "TAKE_PROFIT"},
      {book::OrderType::take_profit_limit, "TAKE_PROFIT_LIMIT"},
  };
  json out = json::array();
  for (const auto& [type, name] : names) {
    if (types.contains(type)) out.push_back(name);
  }
  return out;
}

json symbol_json(const venue::Venue& venue, venue::SymbolId id) {
  const auto& spec = venue.instrument(id);
  const auto& base = venue.asset(venue.base_asset(id));
  const auto& quote = venue.asset(venue.quote_asset(id));
  return {{"symbol", spec.symbol},
          {"status", std::string(venue::to_string(spec.status))},
          {"baseAsset", spec.base_asset},
          {"baseAssetPrecision", base.scale.decimals},
          {"quoteAsset", spec.quote_asset},
          {"quotePrecision", quote.scale.decimals},
          {"quoteAssetPrecision", quote.scale.decimals},
          {"baseCommissionPrecision", base.scale.decimals},
          {"quoteCommissionPrecision", quote.scale.decimals},
          {"orderTypes", order_types_json(spec.order_types)},
          {"icebergAllowed", false},
          {"ocoAllowed", false},
          {"otoAllowed", false},
          {"opoAllowed", false},
          {"quoteOrderQtyMarketAllowed", spec.quote_order_qty_market_allowed},
          {"allowTrailingStop", false},
          {"cancelReplaceAllowed", true},
          {"amendAllowed", false},
          {"pegInstructionsAllowed", false},
          {"isSpotTradingAllowed", true},
          {"isMarginTradingAllowed", false},
          {"filters", filters_json(spec, quote.scale)},
          {"permissions", json::array()},
          {"permissionSets", json::array({json::array({"SPOT"})})},
          {"defaultSelfTradePreventionMode", "NONE"},
          {"allowedSelfTradePreventionModes",
           json::array({"EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"})}};
}

json rate_limits_json(const RateLimiter& limiter) {
  static constexpr const char* types[] = {"REQUEST_WEIGHT", "ORDERS", "RAW_REQUESTS"};
  static constexpr const char* intervals[] = {"SECOND", "MINUTE", "HOUR", "DAY"};
  json out = json::array();
  for (const auto& limit : limiter.config().limits) {
    out.push_back({{"rateLimitType", types[static_cast<int>(limit.type)]},
                   {"interval", intervals[static_cast<int>(limit.interval)]},
                   {"intervalNum", limit.interval_num},
                   {"limit", limit.limit}});
  }
  return out;
}

RestResult exchange_info(RestCall& call) {
  auto& venue = call.session.venue();
  auto status = call.params.non_empty("symbolStatus");
  if (status && (call.params.has("symbol") || call.params.has("symbols"))) {
    return make_error(Error::invalid_combination);
  }
  auto selection = selected_symbols(call);
  if (auto* error = std::get_if<ApiError>(&selection)) return *error;
  json symbols = json::array();
  for (auto id : std::get<SymbolSelection>(selection).ids) {
    if (status && venue::to_string(venue.instrument(id).status) != *status) continue;
    symbols.push_back(symbol_json(venue, id));
  }
  return json{{"timezone", "UTC"},
              {"serverTime", call.now_ms},
              {"rateLimits", rate_limits_json(call.state.limiter)},
              {"exchangeFilters", json::array()},
              {"symbols", std::move(symbols)}};
}

int depth_weight(const Params& params) {
  long limit = 100;
  if (auto text = params.get("limit")) limit = std::strtol(std::string(*text).c_str(), nullptr, 10);
  if (limit <= 100) return 5;
  if (limit <= 500) return 25;
  if (limit <= 1000) return 50;
  return 250;
}

RestResult depth(RestCall& call) {
  auto id = required_symbol(call);
  if (auto* error = std::get_if<ApiError>(&id)) return *error;
  auto limit = limit_param(call.params, 100, 5000);
  if (auto* error = std::get_if<ApiError>(&limit)) return *error;
  auto& venue = call.session.venue();
  auto symbol = std::get<venue::SymbolId>(id);
  const auto& spec = venue.instrument(symbol);
  auto snapshot = venue.book(symbol).depth(std::get<std::size_t>(limit));
  return json{{"lastUpdateId", snapshot.update_id},
              {"bids", levels_json(snapshot.bids, spec)},
              {"asks", levels_json(snapshot.asks, spec)}};
}

// The last trade price, else the best bid, else zero: what ticker/price can say before trading.
std::string last_price_text(const venue::Venue& venue, venue::SymbolId id) {
  const auto& spec = venue.instrument(id);
  if (auto last = venue.last_price(id)) return decimal(last->units(), spec.price_scale);
  if (auto bid = venue.book(id).best_bid()) return decimal(bid->price.units(), spec.price_scale);
  return decimal(0, spec.price_scale);
}

// Written as text: the busiest endpoint of all (keys sorted, as the tree would write them).
RestResult ticker_price(RestCall& call) {
  auto& venue = call.session.venue();
  return per_symbol(call, [&](venue::SymbolId id) {
    JsonWriter w;
    w.begin_object().field("price", last_price_text(venue, id));
    w.field("symbol", venue.instrument(id).symbol).end_object();
    return JsonText{w.take()};
  });
}

RestResult book_ticker(RestCall& call) {
  auto& venue = call.session.venue();
  return per_symbol(call, [&](venue::SymbolId id) {
    const auto& spec = venue.instrument(id);
    const auto& book = venue.book(id);
    auto side = [&](const std::optional<book::LevelInfo>& level) {
      return std::pair{decimal(level ? level->price.units() : 0, spec.price_scale),
                       decimal(level ? level->qty.units() : 0, spec.qty_scale)};
    };
    auto [bid_price, bid_qty] = side(book.best_bid());
    auto [ask_price, ask_qty] = side(book.best_ask());
    return json{{"symbol", spec.symbol}, {"bidPrice", bid_price}, {"bidQty", bid_qty},
                {"askPrice", ask_price}, {"askQty", ask_qty}};
  });
}

int ticker_weight(const Params& params) { return params.has("symbol") ? 2 : 4; }

}  // namespace

void add_rest_routes(const core::RouteAdder& add, session::SessionRegistry& registry) {
  auto route = [&](const std::string& method, const std::string& path, Weight weight,
                   RestBody body) {
    add_both(add, method, path, rest_handler(registry, std::move(weight), std::move(body)));
  };
  route("GET", "/api/v3/ping", fixed_weight(1), [](RestCall&) -> RestResult { return json::object(); });
  route("GET", "/api/v3/time", fixed_weight(1),
        [](RestCall& call) -> RestResult { return json{{"serverTime", call.now_ms}}; });
  route("GET", "/api/v3/exchangeInfo", fixed_weight(20), exchange_info);
  route("GET", "/api/v3/depth", depth_weight, depth);
  route("GET", "/api/v3/ticker/price", ticker_weight, ticker_price);
  route("GET", "/api/v3/ticker/bookTicker", ticker_weight, book_ticker);
  // ccxt's default loadMarkets asks the futures hosts too (spec §7.6): empty but valid.
  for (const char* path : {"/fapi/v1/exchangeInfo", "/dapi/v1/exchangeInfo"}) {
    route("GET", path, fixed_weight(1), [](RestCall& call) -> RestResult {
      return json{{"timezone", "UTC"},           {"serverTime", call.now_ms},
                  {"rateLimits", json::array()}, {"exchangeFilters", json::array()},
                  {"assets", json::array()},     {"symbols", json::array()}};
    });
  }
  route("GET", "/sapi/v1/system/status", fixed_weight(1),
        [](RestCall&) -> RestResult { return json{{"status", 0}, {"msg", "normal"}}; });
  add_market_data_routes(add, registry);
  add_trading_routes(add, registry);
  add_user_stream_routes(add, registry);
  add_fallback_routes(add, registry);
}

void add_fallback_routes(const core::RouteAdder& add, session::SessionRegistry& registry) {
  // Operations no census client uses (spec §13): Binance's "not supported", never a silent 404.
  // (cancelReplace is served, by rest_trading.cpp.)
  auto unsupported = rest_handler(registry, fixed_weight(1), [](RestCall&) -> RestResult {
    return make_error(Error::unsupported);
  });
  for (const char* path :
       {"/api/v3/order/oco", "/api/v3/orderList/oco",
        "/api/v3/orderList/oto", "/api/v3/orderList/otoco", "/api/v3/orderList/opo",
        "/api/v3/orderList/opoco", "/api/v3/sor/order", "/api/v3/sor/order/test",
        "/api/v3/order/amend/keepPriority"}) {
    add_both(add, "POST", path, unsupported);
  }
  add_both(add, "DELETE", "/api/v3/orderList", unsupported);
  // Any other path under /api, /sapi, /fapi and /dapi: Binance's error shape, not the daemon's.
  auto unknown = [](core::HttpRequest&& request, core::Responder respond) {
    respond(to_response(make_error(Error::not_found, {request.path})));
  };
  for (const char* method : {"GET", "POST", "PUT", "DELETE"}) {
    for (const char* prefix : {"/api/{path*}", "/sapi/{path*}", "/fapi/{path*}", "/dapi/{path*}"}) {
      add_both(add, method, prefix, unknown);
    }
  }
}

}  // namespace mockex::dialect::binance
