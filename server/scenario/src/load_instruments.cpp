// instruments: symbols, precisions and exchange filters.

#include <array>

#include "loader_parts.hpp"
#include "mockex/core/arithmetic.hpp"

namespace mockex::scenario::detail {

namespace {

// 10^(scale - decimals) units: the value 10^-decimals at `scale`, or one unit when the scale is
// coarser than that.
std::int64_t unit_of(std::uint8_t scale, std::uint8_t decimals) {
  return scale >= decimals ? core::pow10(scale - decimals) : 1;
}
// whole * 10^scale, or 0 (no limit) when that does not fit.
std::int64_t whole(std::int64_t value, std::uint8_t scale) {
  auto product = core::checked_mul(value, core::pow10(scale));
  return product ? *product : 0;
}

void default_filters(Instrument& in) {
  const std::uint8_t ps = in.quote_precision;
  const std::uint8_t qs = in.base_precision;
  // BTCUSDT-like values (spec §8.1), coarsened when a precision cannot hold them.
  in.tick_size = core::Price{unit_of(ps, 2)};
  in.min_price = in.tick_size;
  in.max_price = core::Price{whole(1'000'000, ps)};
  in.step_size = core::Qty{unit_of(qs, 5)};
  in.min_qty = in.step_size;
  in.max_qty = core::Qty{whole(9'000, qs)};
  in.market_min_qty = core::Qty{0};
  in.market_max_qty = core::Qty{whole(100, qs)};
  in.min_notional = core::Amount{whole(5, ps)};
  in.max_notional = core::Amount{whole(9'000'000, ps)};
}

// A multiple of `unit` (> 0) named `what`, as a message when it is not.
bool check_multiple(Context& ctx, const Field& field, std::int64_t value, std::int64_t unit,
                    std::uint8_t scale, std::string_view unit_name) {
  if (unit > 0 && value % unit != 0) {
    ctx.error(field.pos, "'" + field.key + "' " + show(value, scale) + " is not a multiple of the " +
                             std::string(unit_name) + " " + show(unit, scale));
    return false;
  }
  return true;
}

template <class Fixed>
void read_bound(Context& ctx, const Fields& fields, std::string_view key, std::uint8_t scale,
                const std::string& owner, Fixed& out) {
  if (const Field* f = fields.get(key)) {
    if (auto units = read_fixed(ctx, *f, core::Scale{scale}, owner)) out = Fixed{*units};
  }
}

void load_price_filter(Context& ctx, const Field& field, Instrument& in) {
  auto fields = ctx.mapping(field.value, field.pos, "instruments[].price", "price");
  if (!fields) return;
  const std::string owner = in.symbol + "'s quote precision";
  const std::uint8_t scale = in.quote_precision;
  read_bound(ctx, *fields, "tick", scale, owner, in.tick_size);
  read_bound(ctx, *fields, "min", scale, owner, in.min_price);
  read_bound(ctx, *fields, "max", scale, owner, in.max_price);
  const Field* tick = fields->get("tick");
  if (tick && in.tick_size.units() == 0) {
    ctx.error(tick->pos, "'tick' must be greater than 0");
    // The scenario is refused already; one unit keeps the checks that still read this instrument
    // (its book levels, its generator) from dividing by zero.
    in.tick_size = core::Price{1};
    return;
  }
  if (const Field* f = fields->get("min")) {
    check_multiple(ctx, *f, in.min_price.units(), in.tick_size.units(), scale, "tick size");
  }
  if (const Field* f = fields->get("max")) {
    if (check_multiple(ctx, *f, in.max_price.units(), in.tick_size.units(), scale, "tick size") &&
        in.max_price.units() != 0 && in.max_price < in.min_price) {
      ctx.error(f->pos, "'max' " + show(in.max_price.units(), scale) + " is below 'min' " +
                            show(in.min_price.units(), scale));
    }
  }
}

void load_lot_filter(Context& ctx, const Field& field, Instrument& in) {
  auto fields = ctx.mapping(field.value, field.pos, "instruments[].lot", "lot");
  if (!fields) return;
  const std::string owner = in.symbol + "'s base precision";
  const std::uint8_t scale = in.base_precision;
  read_bound(ctx, *fields, "step", scale, owner, in.step_size);
  read_bound(ctx, *fields, "min", scale, owner, in.min_qty);
  read_bound(ctx, *fields, "max", scale, owner, in.max_qty);
  const Field* step = fields->get("step");
  if (step && in.step_size.units() == 0) {
    ctx.error(step->pos, "'step' must be greater than 0");
    in.step_size = core::Qty{1};  // as for a zero tick
    return;
  }
  if (const Field* f = fields->get("min")) {
    check_multiple(ctx, *f, in.min_qty.units(), in.step_size.units(), scale, "lot step");
  }
  if (const Field* f = fields->get("max")) {
    if (check_multiple(ctx, *f, in.max_qty.units(), in.step_size.units(), scale, "lot step") &&
        in.max_qty.units() != 0 && in.max_qty < in.min_qty) {
      ctx.error(f->pos, "'max' " + show(in.max_qty.units(), scale) + " is below 'min' " +
                            show(in.min_qty.units(), scale));
    }
  }
}

void load_market_lot(Context& ctx, const Field& field, Instrument& in) {
  auto fields = ctx.mapping(field.value, field.pos, "instruments[].market_lot", "market_lot");
  if (!fields) return;
  const std::string owner = in.symbol + "'s base precision";
  read_bound(ctx, *fields, "min", in.base_precision, owner, in.market_min_qty);
  read_bound(ctx, *fields, "max", in.base_precision, owner, in.market_max_qty);
  const Field* max = fields->get("max");
  if (max && in.market_max_qty.units() != 0 && in.market_max_qty < in.market_min_qty) {
    ctx.error(max->pos, "'max' " + show(in.market_max_qty.units(), in.base_precision) +
                            " is below 'min' " + show(in.market_min_qty.units(), in.base_precision));
  }
}

void load_notional(Context& ctx, const Field& field, Instrument& in) {
  auto fields = ctx.mapping(field.value, field.pos, "instruments[].notional", "notional");
  if (!fields) return;
  const std::string owner = in.quote;
  read_bound(ctx, *fields, "min", in.quote_precision, owner, in.min_notional);
  read_bound(ctx, *fields, "max", in.quote_precision, owner, in.max_notional);
  if (const Field* f = fields->get("apply_min_to_market")) {
    if (auto value = read_bool(ctx, *f)) in.apply_min_to_market = *value;
  }
  if (const Field* f = fields->get("apply_max_to_market")) {
    if (auto value = read_bool(ctx, *f)) in.apply_max_to_market = *value;
  }
  const Field* max = fields->get("max");
  if (max && in.max_notional.units() != 0 && in.max_notional < in.min_notional) {
    ctx.error(max->pos, "'max' " + show(in.max_notional.units(), in.quote_precision) +
                            " is below 'min' " + show(in.min_notional.units(), in.quote_precision));
  }
}

std::optional<Instrument> load_instrument(Context& ctx, const YAML::Node& node) {
  auto fields = ctx.mapping(node, pos_of(node), "instruments[]", "instrument");
  if (!fields) return std::nullopt;
  Instrument in;
  in.pos = fields->pos;
  bool ok = true;
  const Field* symbol = ctx.require(*fields, "symbol", "instrument");
  const Field* base = ctx.require(*fields, "base", "instrument");
  const Field* quote = ctx.require(*fields, "quote", "instrument");
  if (symbol) {
    auto text = read_symbol(ctx, *symbol);
    ok = ok && text;
    if (text) in.symbol = *text;
  }
  if (base) {
    auto text = read_symbol(ctx, *base);
    ok = ok && text;
    if (text) in.base = *text;
  }
  if (quote) {
    auto text = read_symbol(ctx, *quote);
    ok = ok && text;
    if (text) in.quote = *text;
    if (text && base && in.base == in.quote) {
      ctx.error(quote->pos, "'quote' must differ from 'base' (" + in.base + ")");
      ok = false;
    }
  }
  ok = ok && symbol && base && quote;
  bool precisions_ok = true;
  for (auto [key, target] : {std::pair{"base_precision", &in.base_precision},
                             std::pair{"quote_precision", &in.quote_precision}}) {
    if (const Field* f = fields->get(key)) {
      auto value = read_uint(ctx, *f, 0, core::kMaxScale);
      if (value) {
        *target = static_cast<std::uint8_t>(*value);
      } else {
        precisions_ok = false;
      }
    }
  }
  static constexpr std::array<std::string_view, 3> kStatuses = {"TRADING", "HALT", "BREAK"};
  if (const Field* f = fields->get("status")) {
    if (auto choice = read_choice(ctx, *f, kStatuses)) {
      in.status = static_cast<InstrumentStatus>(*choice);
    }
  }
  static constexpr std::array<std::string_view, 2> kFillModels = {"optimistic", "queue"};
  if (const Field* f = fields->get("fill_model")) {
    if (auto choice = read_choice(ctx, *f, kFillModels)) in.fill_model = static_cast<FillModel>(*choice);
  }
  if (const Field* f = fields->get("max_num_orders")) {
    if (auto value = read_uint(ctx, *f, 1, 1'000'000)) in.max_num_orders = static_cast<std::uint32_t>(*value);
  }
  if (const Field* f = fields->get("max_num_algo_orders")) {
    if (auto value = read_uint(ctx, *f, 0, 1'000'000)) {
      in.max_num_algo_orders = static_cast<std::uint32_t>(*value);
    }
  }
  // Filters are read at the instrument's scales, so only once those are known.
  default_filters(in);
  if (precisions_ok) {
    if (const Field* f = fields->get("price")) load_price_filter(ctx, *f, in);
    if (const Field* f = fields->get("lot")) load_lot_filter(ctx, *f, in);
    if (const Field* f = fields->get("market_lot")) load_market_lot(ctx, *f, in);
    if (const Field* f = fields->get("notional")) load_notional(ctx, *f, in);
  }
  if (!ok) return std::nullopt;
  return in;
}

}  // namespace

void load_instruments(Context& ctx, const Field& field, std::vector<Instrument>& out) {
  if (!field.value.IsSequence()) {
    ctx.error(field.pos, "'instruments' must be a list");
    return;
  }
  if (field.value.size() == 0) {
    ctx.error(field.pos, "'instruments' must list at least one instrument");
    return;
  }
  for (const auto& node : field.value) {
    auto instrument = load_instrument(ctx, node);
    if (!instrument) continue;
    if (const Instrument* first = [&]() -> const Instrument* {
          for (const auto& other : out) {
            if (other.symbol == instrument->symbol) return &other;
          }
          return nullptr;
        }()) {
      ctx.error(instrument->pos, "duplicate symbol '" + instrument->symbol +
                                     "' (first defined at line " + std::to_string(first->pos.line) + ")");
      continue;
    }
    out.push_back(std::move(*instrument));
  }
}

}  // namespace mockex::scenario::detail
