// market: per symbol, an initial book and a random_walk generator or a replay file.

#include <array>
#include <filesystem>
#include <fstream>

#include "loader_parts.hpp"
#include "mockex/scenario/confined.hpp"
#include "mockex/scenario/market_event.hpp"

namespace mockex::scenario::detail {

namespace {

struct BookSide {
  Side side;
  const char* key;    // "bids"
  const char* label;  // "bid"
};

void load_levels(Context& ctx, const Field& field, const Instrument& in, const BookSide& side,
                 std::vector<BookLevel>& out) {
  if (!field.value.IsSequence()) {
    ctx.error(field.pos, "'" + field.key + "' must be a list of [price, qty] pairs");
    return;
  }
  const std::uint8_t ps = in.quote_precision;
  const std::uint8_t qs = in.base_precision;
  const std::string label = side.label;
  bool sorted = true;
  for (const auto& node : field.value) {
    const SourcePos pos = pos_of(node);
    if (!node.IsSequence() || node.size() != 2) {
      ctx.error(pos, "a book level must be a [price, qty] pair");
      continue;
    }
    const Field price_field{label + " price", node[0], pos, pos_of(node[0])};
    const Field qty_field{label + " qty", node[1], pos, pos_of(node[1])};
    auto price = read_fixed(ctx, price_field, core::Scale{ps}, in.symbol + "'s quote precision");
    auto qty = read_fixed(ctx, qty_field, core::Scale{qs}, in.symbol + "'s base precision");
    if (!price || !qty) continue;
    bool ok = true;
    if (*price == 0 || *price < in.min_price.units() ||
        (in.max_price.units() != 0 && *price > in.max_price.units())) {
      ctx.error(price_field.pos, label + " price " + show(*price, ps) + " is outside " + in.symbol +
                                     "'s price filter [" + show(in.min_price.units(), ps) + ", " +
                                     (in.max_price.units() ? show(in.max_price.units(), ps) : "none") + "]");
      ok = false;
    } else if ((*price - in.min_price.units()) % in.tick_size.units() != 0) {
      ctx.error(price_field.pos, label + " price " + show(*price, ps) +
                                     " is not a multiple of the tick size " +
                                     show(in.tick_size.units(), ps) + " of " + in.symbol);
      ok = false;
    }
    if (*qty == 0) {
      ctx.error(qty_field.pos, label + " qty must be greater than 0");
      ok = false;
    } else if (*qty % in.step_size.units() != 0) {
      ctx.error(qty_field.pos, label + " qty " + show(*qty, qs) + " is not a multiple of the lot step " +
                                   show(in.step_size.units(), qs) + " of " + in.symbol);
      ok = false;
    }
    if (!ok) continue;
    if (!out.empty() && sorted) {
      const std::int64_t previous = out.back().price.units();
      const bool better = side.side == Side::buy ? previous > *price : previous < *price;
      if (!better) {
        ctx.error(price_field.pos, std::string("'") + side.key + "' must be sorted best first without repeats (" +
                                       (side.side == Side::buy ? "descending" : "ascending") +
                                       " prices)");
        sorted = false;
      }
    }
    out.push_back(BookLevel{core::Price{*price}, core::Qty{*qty}});
  }
}

void load_book(Context& ctx, const Field& field, const Instrument& in, MarketSpec& market) {
  auto fields = ctx.mapping(field.value, field.pos, "market.*.book", "book");
  if (!fields) return;
  if (const Field* f = fields->get("bids")) {
    load_levels(ctx, *f, in, BookSide{Side::buy, "bids", "bid"}, market.bids);
  }
  if (const Field* f = fields->get("asks")) {
    load_levels(ctx, *f, in, BookSide{Side::sell, "asks", "ask"}, market.asks);
  }
  if (!market.bids.empty() && !market.asks.empty() &&
      market.bids.front().price >= market.asks.front().price) {
    ctx.error(field.pos, "the book is crossed: best bid " +
                             show(market.bids.front().price.units(), in.quote_precision) +
                             " >= best ask " + show(market.asks.front().price.units(), in.quote_precision));
  }
}

std::optional<core::Qty> read_size(Context& ctx, const Fields& fields, std::string_view key,
                                   const Instrument& in) {
  const Field* f = fields.get(key);
  if (!f) return std::nullopt;
  auto units = read_fixed(ctx, *f, core::Scale{in.base_precision}, in.symbol + "'s base precision");
  if (!units) return std::nullopt;
  if (*units == 0) {
    ctx.error(f->pos, "'" + f->key + "' must be greater than 0");
    return std::nullopt;
  }
  return core::Qty{*units};
}

void load_size(Context& ctx, const Field& field, std::string_view path, const Instrument& in,
               SizeDistribution& out) {
  auto fields = ctx.mapping(field.value, field.pos, path, field.key);
  if (!fields) return;
  static constexpr std::array<std::string_view, 3> kKinds = {"fixed", "uniform", "lognormal"};
  const Field* kind_field = ctx.require(*fields, "distribution", field.key);
  if (!kind_field) return;
  auto kind = read_choice(ctx, *kind_field, kKinds);
  if (!kind) return;
  SizeDistribution dist;
  dist.kind = static_cast<SizeDistribution::Kind>(*kind);
  // Which keys each distribution takes; the others are errors, so a typo'd intent is caught.
  using Kind = SizeDistribution::Kind;
  const auto applies = [&](std::string_view key) {
    if (key == "distribution") return true;
    switch (dist.kind) {
      case Kind::fixed: return key == "value";
      case Kind::uniform: return key == "min" || key == "max";
      case Kind::lognormal: return key == "median" || key == "sigma" || key == "max";
    }
    return false;
  };
  bool ok = true;
  for (const auto& item : fields->items) {
    if (!applies(item.key)) {
      ctx.error(item.key_pos, "'" + item.key + "' does not apply to distribution " +
                                  std::string(kKinds[*kind]));
      ok = false;
    }
  }
  if (!ok) return;
  const std::string what = field.key + " (" + std::string(kKinds[*kind]) + ")";
  switch (dist.kind) {
    case Kind::fixed: {
      if (!ctx.require(*fields, "value", what)) return;
      auto value = read_size(ctx, *fields, "value", in);
      if (!value) return;
      dist.value = *value;
      break;
    }
    case Kind::uniform: {
      const bool has_min = ctx.require(*fields, "min", what) != nullptr;
      const bool has_max = ctx.require(*fields, "max", what) != nullptr;
      if (!has_min || !has_max) return;
      auto min = read_size(ctx, *fields, "min", in);
      auto max = read_size(ctx, *fields, "max", in);
      if (!min || !max) return;
      if (*max < *min) {
        ctx.error(fields->get("max")->pos, "'max' " + show(max->units(), in.base_precision) +
                                               " is below 'min' " + show(min->units(), in.base_precision));
        return;
      }
      dist.min = *min;
      dist.max = *max;
      break;
    }
    case Kind::lognormal: {
      if (!ctx.require(*fields, "median", what)) return;
      auto median = read_size(ctx, *fields, "median", in);
      if (!median) return;
      dist.median = *median;
      if (fields->get("max")) {
        auto max = read_size(ctx, *fields, "max", in);
        if (!max) return;
        dist.max = *max;
      }
      if (const Field* f = fields->get("sigma")) {
        auto sigma = read_decimal(ctx, *f);
        if (!sigma || !check_min(ctx, *f, *sigma, 0, true) || !check_max(ctx, *f, *sigma, 10, true)) {
          return;
        }
        dist.sigma = *sigma;
      }
      break;
    }
  }
  out = dist;
}

std::optional<Decimal> read_ranged(Context& ctx, const Fields& fields, std::string_view key,
                                   std::optional<double> min, bool min_inclusive,
                                   std::optional<double> max) {
  const Field* f = fields.get(key);
  if (!f) return std::nullopt;
  auto value = read_decimal(ctx, *f);
  if (!value) return std::nullopt;
  if (min && !check_min(ctx, *f, *value, *min, min_inclusive)) return std::nullopt;
  if (max && !check_max(ctx, *f, *value, *max, true)) return std::nullopt;
  return value;
}

void load_random_walk(Context& ctx, const Field& field, const Instrument& in, MarketSpec& market) {
  auto fields = ctx.mapping(field.value, field.pos, "market.*.random_walk", "random_walk");
  if (!fields) return;
  RandomWalkSpec spec;
  // Defaults that scale with the instrument: ladders of 100..10000 minimum lots, trades of 10.
  const std::int64_t lot = std::max(in.min_qty.units(), in.step_size.units());
  spec.level_size.kind = SizeDistribution::Kind::uniform;
  spec.level_size.min = core::Qty{lot * 100};
  spec.level_size.max = core::Qty{lot * 10000};
  spec.trade_size.kind = SizeDistribution::Kind::fixed;
  spec.trade_size.value = core::Qty{lot * 10};
  bool ok = true;
  if (const Field* f = fields->get("mid")) {
    auto units = read_fixed(ctx, *f, core::Scale{in.quote_precision}, in.symbol + "'s quote precision");
    if (units && *units == 0) {
      ctx.error(f->pos, "'mid' must be greater than 0");
      units.reset();
    }
    if (units) {
      spec.mid = core::Price{*units};
    } else {
      ok = false;
    }
  }
  auto take = [&](std::string_view key, std::optional<double> min, bool inclusive,
                  std::optional<double> max, Decimal& target) {
    if (!fields->get(key)) return;
    auto value = read_ranged(ctx, *fields, key, min, inclusive, max);
    if (value) {
      target = *value;
    } else {
      ok = false;
    }
  };
  take("volatility", 0.0, true, 100.0, spec.volatility);
  take("drift", -100.0, true, 100.0, spec.drift);
  take("spread_bps", 0.0, true, 10000.0, spec.spread_bps);
  take("trade_rate", 0.0, true, 1'000'000.0, spec.trade_rate);
  if (const Field* f = fields->get("levels")) {
    auto value = read_uint(ctx, *f, 1, 5000);
    if (value) spec.levels = static_cast<std::uint32_t>(*value);
    ok = ok && value;
  }
  if (const Field* f = fields->get("level_spacing")) {
    auto value = read_uint(ctx, *f, 1, 1'000'000);
    if (value) spec.level_spacing = static_cast<std::uint32_t>(*value);
    ok = ok && value;
  }
  if (const Field* f = fields->get("update_interval")) {
    auto value = read_duration(ctx, *f);
    if (value && value->count() < 1) {
      ctx.error(f->pos, "'update_interval' must be at least 1ms");
      value.reset();
    }
    if (value) spec.update_interval = *value;
    ok = ok && value;
  }
  if (const Field* f = fields->get("level_size")) {
    load_size(ctx, *f, "market.*.random_walk.level_size", in, spec.level_size);
  }
  if (const Field* f = fields->get("trade_size")) {
    load_size(ctx, *f, "market.*.random_walk.trade_size", in, spec.trade_size);
  }
  if (!spec.mid && (market.bids.empty() || market.asks.empty())) {
    ctx.error(field.pos, "random_walk for " + in.symbol +
                             " needs a 'mid' or an initial 'book' with bids and asks");
    ok = false;
  }
  if (ok) market.random_walk = spec;
}

void load_replay(Context& ctx, const Field& field, const LoadOptions& options, MarketSpec& market) {
  auto fields = ctx.mapping(field.value, field.pos, "market.*.replay", "replay");
  if (!fields) return;
  ReplaySpec spec;
  bool ok = true;
  if (const Field* f = ctx.require(*fields, "file", "replay")) {
    auto text = read_string(ctx, *f);
    if (text) {
      spec.file = *text;
      std::filesystem::path path(*text);
      if (path.is_relative() && !options.base_dir.empty()) {
        path = std::filesystem::path(options.base_dir) / path;
      }
      spec.resolved_path = path.lexically_normal().string();
      if (options.allowed_dirs && !confined_path(spec.resolved_path, *options.allowed_dirs)) {
        ctx.error(f->pos, "replay file '" + spec.file +
                              "' is outside the scenario directories (symlinks and '..' are "
                              "followed)");
        ok = false;
      } else if (options.check_files && !std::ifstream(spec.resolved_path, std::ios::binary)) {
        ctx.error(f->pos, "replay file '" + spec.file + "' cannot be read (looked for " +
                              spec.resolved_path + ")");
        ok = false;
      }
    } else {
      ok = false;
    }
  } else {
    ok = false;
  }
  if (fields->get("speed")) {
    auto value = read_ranged(ctx, *fields, "speed", 0.0, false, 1'000'000.0);
    if (value) spec.speed = *value;
    ok = ok && value;
  }
  if (const Field* f = fields->get("loop")) {
    auto value = read_bool(ctx, *f);
    if (value) spec.loop = *value;
    ok = ok && value;
  }
  if (ok) market.replay = spec;
}

}  // namespace

void load_markets(Context& ctx, const Field& field, const std::vector<Instrument>& instruments,
                  const LoadOptions& options, std::vector<MarketSpec>& out) {
  auto symbols = ctx.open_mapping(field.value, field.pos, "'market'");
  if (!symbols) return;
  std::vector<std::string> known;
  for (const auto& in : instruments) known.push_back(in.symbol);
  for (const auto& item : symbols->items) {
    const Instrument* in = nullptr;
    for (const auto& candidate : instruments) {
      if (candidate.symbol == item.key) in = &candidate;
    }
    if (!in) {
      ctx.error(item.key_pos, "market for unknown symbol '" + item.key + "'" + suggestion(item.key, known));
      continue;
    }
    auto fields = ctx.mapping(item.value, item.pos, "market.*", "market " + item.key);
    if (!fields) continue;
    MarketSpec market;
    market.symbol = item.key;
    market.pos = item.key_pos;
    if (const Field* f = fields->get("book")) load_book(ctx, *f, *in, market);
    const Field* walk = fields->get("random_walk");
    const Field* replay = fields->get("replay");
    if (walk && replay) {
      ctx.error(replay->key_pos, "market " + item.key + " has both random_walk and replay; choose one");
      continue;
    }
    if (walk) load_random_walk(ctx, *walk, *in, market);
    if (replay) load_replay(ctx, *replay, options, market);
    out.push_back(std::move(market));
  }
}

}  // namespace mockex::scenario::detail
