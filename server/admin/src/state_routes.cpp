// State: an account's balances, a book's depth, an account's orders. Read on the strand; prices,
// quantities and balances as exact decimal strings.

#include "query_string.hpp"
#include "routes.hpp"

#include <mockex/core/decimal.hpp>

namespace mockex::admin {
namespace {

using nlohmann::json;

constexpr std::uint64_t kDefaultDepth = 100;
constexpr std::uint64_t kMaxDepth = 5000;

ApiError account_not_found(std::string_view key) {
  return ApiError{404, "account_not_found", "no account with API key \"" + std::string(key) + "\"",
                  nullptr};
}

// The required ?account= of a request, or its error.
std::variant<std::string, ApiError> account_param(const QueryString& query) {
  auto account = query.get("account");
  if (!account || account->empty()) return bad_request("the query needs account=<api key>");
  return *account;
}

json balances_json(const venue::Venue& venue, core::AccountId account) {
  json balances = json::array();
  for (std::uint32_t i = 0; i < venue.asset_count(); ++i) {
    venue::AssetId asset{i};
    const auto& spec = venue.asset(asset);
    auto balance = venue.balance(account, asset);
    if (!balance) continue;
    balances.push_back({{"asset", spec.name},
                        {"free", core::format_decimal(balance->free.units(), spec.scale)},
                        {"locked", core::format_decimal(balance->locked.units(), spec.scale)}});
  }
  return balances;
}

json order_json(const venue::Venue& venue, const venue::Order& order) {
  const auto& instrument = venue.instrument(order.symbol);
  auto quote_scale = venue.asset(venue.quote_asset(order.symbol)).scale;
  auto price = [&](core::Price p) {
    return core::format_decimal(p.units(), instrument.price_scale);
  };
  auto qty = [&](core::Qty q) { return core::format_decimal(q.units(), instrument.qty_scale); };
  return {{"symbol", instrument.symbol},
          {"orderId", order.id.value()},
          {"clientOrderId", std::string(order.client_order_id.view())},
          {"side", std::string(book::to_string(order.side))},
          {"type", std::string(book::to_string(order.type))},
          {"timeInForce", std::string(book::to_string(order.tif))},
          {"price", price(order.price)},
          {"stopPrice", price(order.stop_price)},
          {"origQty", qty(order.orig_qty)},
          {"executedQty", qty(order.executed_qty)},
          {"cummulativeQuoteQty",
           core::format_decimal(order.cumulative_quote_qty.units(), quote_scale)},
          {"status", std::string(venue::to_string(order.status))},
          {"time", order.time.millis()},
          {"updateTime", order.update_time.millis()}};
}

json levels_json(const std::vector<book::LevelInfo>& levels, const venue::InstrumentSpec& spec) {
  json out = json::array();
  for (const auto& level : levels) {
    out.push_back({core::format_decimal(level.price.units(), spec.price_scale),
                   core::format_decimal(level.qty.units(), spec.qty_scale)});
  }
  return out;
}

void get_balances(const AdminContext& context, core::HttpRequest&& request,
                  const core::Responder& respond) {
  auto account = account_param(QueryString(request.query));
  if (auto* error = std::get_if<ApiError>(&account)) return respond(error_response(*error));
  with_session(
      context, request, respond,
      [key = std::get<std::string>(account)](session::Session& session) -> Reply {
        auto& venue = session.venue();
        auto id = venue.find_account(key);
        if (!id) return account_not_found(key);
        return json_response(200, {{"account", key}, {"balances", balances_json(venue, *id)}});
      });
}

void get_book(const AdminContext& context, core::HttpRequest&& request,
              const core::Responder& respond) {
  QueryString query(request.query);
  bool valid = true;
  auto limit = query.get_uint("limit", valid).value_or(kDefaultDepth);
  if (!valid || limit == 0 || limit > kMaxDepth) {
    return respond(error_response(
        bad_request("limit must be an integer from 1 to " + std::to_string(kMaxDepth))));
  }
  std::string symbol(request.param("symbol").value_or(""));
  with_session(context, request, respond, [symbol, limit](session::Session& session) -> Reply {
    auto& venue = session.venue();
    auto id = venue.find_symbol(symbol);
    if (!id) {
      return ApiError{404, "symbol_not_found", "no symbol \"" + symbol + "\"", nullptr};
    }
    const auto& spec = venue.instrument(*id);
    auto depth = venue.book(*id).depth(static_cast<std::size_t>(limit));
    auto last = venue.last_price(*id);
    return json_response(
        200, {{"symbol", symbol},
              {"status", std::string(venue::to_string(spec.status))},
              {"lastUpdateId", depth.update_id},
              {"lastPrice",
               last ? json(core::format_decimal(last->units(), spec.price_scale)) : json(nullptr)},
              {"bids", levels_json(depth.bids, spec)},
              {"asks", levels_json(depth.asks, spec)}});
  });
}

void get_orders(const AdminContext& context, core::HttpRequest&& request,
                const core::Responder& respond) {
  QueryString query(request.query);
  auto account = account_param(query);
  if (auto* error = std::get_if<ApiError>(&account)) return respond(error_response(*error));
  auto status = query.get("status").value_or("open");
  if (status != "open" && status != "all") {
    return respond(error_response(bad_request("status must be \"open\" or \"all\"")));
  }
  auto symbol = query.get("symbol").value_or("");
  with_session(
      context, request, respond,
      [key = std::get<std::string>(account), symbol,
       all = status == "all"](session::Session& session) -> Reply {
        auto& venue = session.venue();
        auto id = venue.find_account(key);
        if (!id) return account_not_found(key);
        std::optional<venue::SymbolId> symbol_id;
        if (!symbol.empty()) {
          symbol_id = venue.find_symbol(symbol);
          if (!symbol_id) {
            return ApiError{404, "symbol_not_found", "no symbol \"" + symbol + "\"", nullptr};
          }
        }
        std::vector<venue::Order> orders;
        if (!all) {
          orders = venue.open_orders(*id, symbol_id);
        } else {
          for (std::uint32_t i = 0; i < venue.symbol_count(); ++i) {
            venue::SymbolId each{i};
            if (symbol_id && *symbol_id != each) continue;
            auto some = venue.all_orders(*id, each);
            orders.insert(orders.end(), some.begin(), some.end());
          }
        }
        json out = json::array();
        for (const auto& order : orders) out.push_back(order_json(venue, order));
        return json_response(200, {{"account", key}, {"orders", std::move(out)}});
      });
}

}  // namespace

void add_state_routes(const RouteAdder& add, const ContextPtr& context) {
  const std::string base = std::string(kPrefix) + "/sessions/{id}";
  add("GET", base + "/balances", [context](core::HttpRequest&& request, core::Responder respond) {
    get_balances(*context, std::move(request), respond);
  });
  add("GET", base + "/book/{symbol}",
      [context](core::HttpRequest&& request, core::Responder respond) {
        get_book(*context, std::move(request), respond);
      });
  add("GET", base + "/orders", [context](core::HttpRequest&& request, core::Responder respond) {
    get_orders(*context, std::move(request), respond);
  });
}

}  // namespace mockex::admin
