// POST /sessions/{id}/market/book: the symbol's background book becomes the given levels at
// once. Client orders stay where they are; the market's own source (a random walk or a replay)
// keeps running and re-quotes over it at its next update, so in a stepped session the book stays
// exactly as set until the clock is advanced.

#include "routes.hpp"

#include <mockex/core/decimal.hpp>

namespace mockex::admin {
namespace {

using nlohmann::json;

template <class Filter>
const Filter* find_filter(const venue::InstrumentSpec& spec) {
  for (const auto& filter : spec.filters) {
    if (const auto* found = std::get_if<Filter>(&filter)) return found;
  }
  return nullptr;
}

// On the symbol's PRICE_FILTER tick and LOT_SIZE step (where it has them).
bool on_grid(const venue::InstrumentSpec& spec, std::int64_t price, std::int64_t qty) {
  const auto* prices = find_filter<venue::PriceFilter>(spec);
  const auto* lots = find_filter<venue::LotSizeFilter>(spec);
  if (prices && prices->tick_size.units() > 0 &&
      (price - prices->min_price.units()) % prices->tick_size.units() != 0) {
    return false;
  }
  return !lots || lots->step_size.units() <= 0 || qty % lots->step_size.units() == 0;
}

// [[price, qty], ...] as decimal strings on the instrument's tick and step.
std::variant<std::vector<venue::Level>, ApiError> read_levels(const json& body, const char* name,
                                                             const venue::InstrumentSpec& spec) {
  std::vector<venue::Level> levels;
  auto field = body.find(name);
  if (field == body.end()) return levels;
  auto invalid = [&] {
    return bad_request(std::string("\"") + name +
                       "\" must be a list of [price, quantity] decimal strings at the symbol's "
                       "tick and step");
  };
  if (!field->is_array()) return invalid();
  for (const auto& level : *field) {
    if (!level.is_array() || level.size() != 2 || !level[0].is_string() || !level[1].is_string()) {
      return invalid();
    }
    auto price = core::parse_decimal(level[0].get<std::string>(), spec.price_scale);
    auto qty = core::parse_decimal(level[1].get<std::string>(), spec.qty_scale);
    if (!price || !qty || *price <= 0 || *qty < 0 || !on_grid(spec, *price, *qty)) {
      return invalid();
    }
    levels.push_back({core::Price{*price}, core::Qty{*qty}});
  }
  return levels;
}

std::optional<core::Price> best(const std::vector<venue::Level>& levels, bool highest) {
  std::optional<core::Price> out;
  for (const auto& level : levels) {
    if (level.qty.units() == 0) continue;
    if (!out || (highest ? level.price > *out : level.price < *out)) out = level.price;
  }
  return out;
}

}  // namespace

void add_book_route(const RouteAdder& add, const ContextPtr& context) {
  add("POST", std::string(kPrefix) + "/sessions/{id}/market/book",
      [context](core::HttpRequest&& request, core::Responder respond) {
        auto parsed = parse_object(request.body, {"symbol", "bids", "asks"});
        if (auto* error = std::get_if<ApiError>(&parsed)) return respond(error_response(*error));
        auto body = std::get<json>(std::move(parsed));
        auto symbol = string_field(body, "symbol");
        if (auto* error = std::get_if<ApiError>(&symbol)) return respond(error_response(*error));
        if (!value_of(symbol)) {
          return respond(error_response(bad_request("\"symbol\" is required")));
        }
        with_session(
            *context, request, std::move(respond),
            [name = *value_of(symbol), body = std::move(body)](session::Session& session) -> Reply {
              auto& venue = session.venue();
              auto id = venue.find_symbol(name);
              if (!id) return ApiError{404, "symbol_not_found", "no symbol \"" + name + "\"", nullptr};
              const auto& spec = venue.instrument(*id);
              auto bids = read_levels(body, "bids", spec);
              if (auto* error = std::get_if<ApiError>(&bids)) return *error;
              auto asks = read_levels(body, "asks", spec);
              if (auto* error = std::get_if<ApiError>(&asks)) return *error;
              const auto& bid_levels = std::get<std::vector<venue::Level>>(bids);
              const auto& ask_levels = std::get<std::vector<venue::Level>>(asks);
              auto best_bid = best(bid_levels, true);
              auto best_ask = best(ask_levels, false);
              if (best_bid && best_ask && *best_bid >= *best_ask) {
                return bad_request("the book would be crossed: best bid >= best ask");
              }
              auto now = session.clock().now();
              venue::Events events;
              for (auto [side, levels] : {std::pair{venue::Side::buy, &bid_levels},
                                          std::pair{venue::Side::sell, &ask_levels}}) {
                if (auto status = venue.replace_side(name, side, *levels, now, events); !status) {
                  return ApiError{400, "book_refused", std::string(core::describe(status.error())),
                                  nullptr};
                }
              }
              session.publish(events);
              session.journal().record_event(
                  session.stamp(), journal::EntryKind::market, "book set",
                  {{"symbol", name}, {"bids", bid_levels.size()}, {"asks", ask_levels.size()}});
              auto depth = venue.book(*id).depth(1000);
              return json_response(200, {{"action", "book"},
                                         {"symbol", name},
                                         {"now", now.millis()},
                                         {"lastUpdateId", depth.update_id},
                                         {"bids", depth.bids.size()},
                                         {"asks", depth.asks.size()},
                                         {"journal_seq", session.journal().last_seq()}});
            });
      });
}

}  // namespace mockex::admin
