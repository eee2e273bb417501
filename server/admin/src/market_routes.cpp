// Market actions now: shock, halt, resume, liquidity, spread, and setting a balance. Each runs
// through the scenario player as if the timeline had it at this instant, so it is journaled and
// published exactly like a scripted one.

#include "routes.hpp"

#include <mockex/core/decimal.hpp>

namespace mockex::admin {
namespace {

using nlohmann::json;
using Kind = scenario::TimelineEntry::Kind;
using EntryOrError = std::variant<scenario::TimelineEntry, ApiError>;

// Reads the optional "symbol" into `symbol`.
std::optional<ApiError> read_symbol(const json& body, std::string& symbol) {
  auto field = string_field(body, "symbol");
  if (auto* error = std::get_if<ApiError>(&field)) return *error;
  if (const auto* value = value_of(field)) symbol = *value;
  return std::nullopt;
}

// A required decimal > 0 (factors, bps).
std::variant<std::optional<scenario::Decimal>, ApiError> positive_decimal(const json& body,
                                                                          const char* name) {
  auto field = decimal_field(body, name);
  if (auto* error = std::get_if<ApiError>(&field)) return *error;
  const auto* value = value_of(field);
  if (!value) return std::optional<scenario::Decimal>{};
  if (value->units <= 0) return bad_request(std::string("\"") + name + "\" must be > 0");
  return std::optional<scenario::Decimal>{*value};
}

EntryOrError shock(const json& body) {
  scenario::TimelineEntry entry;
  entry.kind = Kind::shock;
  if (auto error = read_symbol(body, entry.shock.symbol)) return *error;
  auto pct = decimal_field(body, "pct");
  if (auto* error = std::get_if<ApiError>(&pct)) return *error;
  if (!value_of(pct)) return bad_request("\"pct\" is required: the mid's move in percent");
  entry.shock.pct = *value_of(pct);
  if (entry.shock.pct.to_double() <= -100.0) return bad_request("\"pct\" must be > -100");
  auto over = duration_field(body, "over");
  if (auto* error = std::get_if<ApiError>(&over)) return *error;
  if (const auto* value = value_of(over)) entry.shock.over = *value;
  return entry;
}

EntryOrError halt(const json& body) {
  scenario::TimelineEntry entry;
  entry.kind = Kind::halt;
  if (auto error = read_symbol(body, entry.halt.symbol)) return *error;
  return entry;
}

EntryOrError resume(const json& body) {
  scenario::TimelineEntry entry;
  entry.kind = Kind::resume;
  if (auto error = read_symbol(body, entry.resume.symbol)) return *error;
  return entry;
}

EntryOrError liquidity(const json& body) {
  scenario::TimelineEntry entry;
  entry.kind = Kind::liquidity;
  if (auto error = read_symbol(body, entry.liquidity.symbol)) return *error;
  auto factor = positive_decimal(body, "factor");
  if (auto* error = std::get_if<ApiError>(&factor)) return *error;
  auto value = std::get<std::optional<scenario::Decimal>>(factor);
  if (!value) return bad_request("\"factor\" is required (1 restores the scenario's sizes)");
  entry.liquidity.factor = *value;
  return entry;
}

EntryOrError spread(const json& body) {
  scenario::TimelineEntry entry;
  entry.kind = Kind::spread;
  if (auto error = read_symbol(body, entry.spread.symbol)) return *error;
  auto factor = positive_decimal(body, "factor");
  if (auto* error = std::get_if<ApiError>(&factor)) return *error;
  auto bps = positive_decimal(body, "bps");
  if (auto* error = std::get_if<ApiError>(&bps)) return *error;
  entry.spread.factor = std::get<std::optional<scenario::Decimal>>(factor);
  entry.spread.bps = std::get<std::optional<scenario::Decimal>>(bps);
  if (entry.spread.factor.has_value() == entry.spread.bps.has_value()) {
    return bad_request("give exactly one of \"factor\" and \"bps\"");
  }
  return entry;
}

const std::string& symbol_of(const scenario::TimelineEntry& entry) {
  switch (entry.kind) {
    case Kind::shock:
      return entry.shock.symbol;
    case Kind::halt:
      return entry.halt.symbol;
    case Kind::resume:
      return entry.resume.symbol;
    case Kind::liquidity:
      return entry.liquidity.symbol;
    case Kind::spread:
      return entry.spread.symbol;
    case Kind::set_balance:
    case Kind::fault:
      break;
  }
  static const std::string none;
  return none;
}

ApiError symbol_not_found(std::string_view symbol) {
  return ApiError{404, "symbol_not_found", "no symbol \"" + std::string(symbol) + "\"", nullptr};
}

using Reader = EntryOrError (*)(const json&);

void add_action(const RouteAdder& add, const ContextPtr& context, std::string_view action,
                std::initializer_list<std::string_view> fields, Reader read) {
  // The field names are literals: the views stay valid for the handler's lifetime.
  std::vector<std::string_view> allowed(fields);
  add("POST", std::string(kPrefix) + "/sessions/{id}/market/" + std::string(action),
      [context, allowed, read](core::HttpRequest&& request, core::Responder respond) {
        auto parsed = parse_object(request.body);
        if (auto* error = std::get_if<ApiError>(&parsed)) return respond(error_response(*error));
        const auto& body = std::get<json>(parsed);
        if (auto error = check_fields(body, allowed)) return respond(error_response(*error));
        auto read_entry = read(body);
        if (auto* error = std::get_if<ApiError>(&read_entry)) {
          return respond(error_response(*error));
        }
        auto entry = std::get<scenario::TimelineEntry>(std::move(read_entry));
        with_session(*context, request, std::move(respond),
                     [entry = std::move(entry)](session::Session& session) mutable -> Reply {
                       auto symbol = symbol_of(entry);
                       if (!symbol.empty() && !session.venue().find_symbol(symbol)) {
                         return symbol_not_found(symbol);
                       }
                       auto kind = entry.kind;
                       session.player().apply(std::move(entry));
                       return json_response(
                           200, {{"action", std::string(scenario::to_string(kind))},
                                 {"symbol", symbol.empty() ? json(nullptr) : json(symbol)},
                                 {"now", session.clock().now().millis()},
                                 {"journal_seq", session.journal().last_seq()}});
                     });
      });
}

// How a balance request changes the free balance: to `amount`, or by it (a deposit or a
// withdrawal, which the venue reports as a balanceUpdate).
enum class BalanceChange { set, deposit, withdraw };

// POST balances[/deposit|/withdraw]: the free balance of one asset of one account becomes
// `amount`, or grows or shrinks by it.
void set_balance(const AdminContext& context, core::HttpRequest&& request,
                 const core::Responder& respond, BalanceChange change) {
  auto parsed = parse_object(request.body, {"account", "asset", "amount"});
  if (auto* error = std::get_if<ApiError>(&parsed)) return respond(error_response(*error));
  const auto& body = std::get<json>(parsed);
  std::string values[3];
  const char* names[3] = {"account", "asset", "amount"};
  for (int i = 0; i < 3; ++i) {
    auto field = string_field(body, names[i]);
    if (auto* error = std::get_if<ApiError>(&field)) return respond(error_response(*error));
    if (!value_of(field)) {
      return respond(error_response(bad_request(std::string("\"") + names[i] + "\" is required")));
    }
    values[i] = *value_of(field);
  }
  with_session(
      context, request, respond,
      [account = values[0], asset = values[1], amount = values[2],
       change](session::Session& session) -> Reply {
        auto& venue = session.venue();
        auto account_id = venue.find_account(account);
        if (!account_id) {
          return ApiError{404, "account_not_found", "no account with API key \"" + account + "\"",
                          nullptr};
        }
        auto asset_id = venue.find_asset(asset);
        if (!asset_id) {
          return ApiError{404, "asset_not_found", "no asset \"" + asset + "\"", nullptr};
        }
        auto scale = venue.asset(*asset_id).scale;
        auto units = core::parse_decimal(amount, scale);
        if (!units) {
          return ApiError{400, "invalid_amount",
                          "\"amount\" must be a decimal string >= 0 with at most " +
                              std::to_string(scale.decimals) + " decimals for " + asset,
                          nullptr};
        }
        auto before = venue.balance(*account_id, *asset_id);
        std::int64_t target = *units;
        if (change == BalanceChange::deposit) target = before->free.units() + *units;
        if (change == BalanceChange::withdraw) {
          if (*units > before->free.units()) {
            return ApiError{409, "insufficient_balance",
                            "cannot withdraw " + amount + " " + asset + ": only " +
                                core::format_decimal(before->free.units(), scale) + " is free",
                            nullptr};
          }
          target = before->free.units() - *units;
        }
        scenario::TimelineEntry entry;
        entry.kind = Kind::set_balance;
        entry.set_balance = {account, asset, core::Amount{target}, scale};
        session.player().apply(std::move(entry));
        auto balance = venue.balance(*account_id, *asset_id);
        if (!balance || balance->free.units() != target) {
          return ApiError{409, "balance_refused", "the venue refused the balance", nullptr};
        }
        return json_response(200,
                             {{"account", account},
                              {"asset", asset},
                              {"free", core::format_decimal(balance->free.units(), scale)},
                              {"locked", core::format_decimal(balance->locked.units(), scale)}});
      });
}

}  // namespace

void add_market_routes(const RouteAdder& add, const ContextPtr& context) {
  add_action(add, context, "shock", {"symbol", "pct", "over"}, shock);
  add_action(add, context, "halt", {"symbol"}, halt);
  add_action(add, context, "resume", {"symbol"}, resume);
  add_action(add, context, "liquidity", {"symbol", "factor"}, liquidity);
  add_action(add, context, "spread", {"symbol", "factor", "bps"}, spread);
  for (auto [suffix, change] : {std::pair{"", BalanceChange::set},
                                 std::pair{"/deposit", BalanceChange::deposit},
                                 std::pair{"/withdraw", BalanceChange::withdraw}}) {
    // An init-capture: clang before 16 cannot capture a structured binding by name.
    add("POST", std::string(kPrefix) + "/sessions/{id}/balances" + suffix,
        [context, change = change](core::HttpRequest&& request, core::Responder respond) {
          set_balance(*context, std::move(request), respond, change);
        });
  }
}

}  // namespace mockex::admin
