// The loader's entry points and the small top-level sections (root keys, clock, rate limits).

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "loader_parts.hpp"
#include "mockex/core/duration.hpp"

namespace mockex::scenario {

namespace detail {

std::string show(std::int64_t units, std::uint8_t scale) {
  return core::format_decimal_trimmed(units, core::Scale{scale});
}

void AssetPrecisions::add(Context& ctx, const std::string& asset, std::uint8_t precision,
                          const std::string& symbol, SourcePos pos) {
  auto [it, inserted] = entries_.try_emplace(asset, Entry{precision, symbol});
  if (!inserted && it->second.precision != precision) {
    ctx.error(pos, "asset " + asset + " has precision " + std::to_string(precision) + " in " +
                       symbol + " but " + std::to_string(it->second.precision) + " in " +
                       it->second.symbol);
  }
}

std::uint8_t AssetPrecisions::of(const std::string& asset) const {
  auto it = entries_.find(asset);
  return it == entries_.end() ? kDefault : it->second.precision;
}

AssetPrecisions asset_precisions(Context& ctx, const std::vector<Instrument>& instruments) {
  AssetPrecisions precisions;
  for (const auto& instrument : instruments) {
    precisions.add(ctx, instrument.base, instrument.base_precision, instrument.symbol,
                   instrument.pos);
    precisions.add(ctx, instrument.quote, instrument.quote_precision, instrument.symbol,
                   instrument.pos);
  }
  return precisions;
}

void load_clock(Context& ctx, const Field& field, ClockSpec& clock) {
  auto fields = ctx.mapping(field.value, field.pos, "clock", "clock");
  if (!fields) return;
  static constexpr std::array<std::string_view, 3> kModes = {"realtime", "accelerated", "stepped"};
  if (const Field* f = fields->get("mode")) {
    if (auto mode = read_choice(ctx, *f, kModes)) clock.mode = static_cast<ClockMode>(*mode);
  }
  const Field* speed = fields->get("speed");
  if (speed) {
    if (auto value = read_decimal(ctx, *speed); value && check_min(ctx, *speed, *value, 0, false)) {
      clock.speed = *value;
      if (clock.mode != ClockMode::accelerated && !(value->units == 1 && value->scale == 0)) {
        ctx.error(speed->pos, "'speed' applies only to mode accelerated");
      }
    }
  } else if (clock.mode == ClockMode::accelerated) {
    ctx.error(fields->pos, "mode accelerated needs a 'speed'");
  }
  if (const Field* f = fields->get("start")) {
    if (auto text = scalar_text(ctx, f->value, f->pos, f->key)) {
      if (*text != "now") {
        if (auto instant = parse_instant(*text)) {
          clock.start = *instant;
        } else {
          ctx.error(f->pos, "'start' must be now, epoch milliseconds or an ISO-8601 instant such "
                            "as 2024-01-01T00:00:00Z, got '" + *text + "'");
        }
      }
    }
  }
  if (const Field* f = fields->get("duration")) {
    if (auto value = read_duration(ctx, *f)) {
      if (value->count() == 0) {
        ctx.error(f->pos, "'duration' must be longer than 0");
      } else {
        clock.duration = *value;
      }
    }
  }
}

void load_rate_limits(Context& ctx, const Field& field, std::vector<RateLimit>& out) {
  out.clear();
  if (!field.value.IsSequence()) {
    ctx.error(field.pos, "'rate_limits' must be a list");
    return;
  }
  static constexpr std::array<std::string_view, 3> kTypes = {"REQUEST_WEIGHT", "ORDERS",
                                                             "RAW_REQUESTS"};
  static constexpr std::array<std::string_view, 4> kIntervals = {"SECOND", "MINUTE", "HOUR", "DAY"};
  for (const auto& node : field.value) {
    auto fields = ctx.mapping(node, pos_of(node), "rate_limits[]", "rate limit");
    if (!fields) continue;
    RateLimit limit;
    bool ok = true;
    const Field* type = ctx.require(*fields, "type", "rate limit");
    const Field* interval = ctx.require(*fields, "interval", "rate limit");
    const Field* value = ctx.require(*fields, "limit", "rate limit");
    if (type) {
      auto choice = read_choice(ctx, *type, kTypes);
      ok = ok && choice;
      if (choice) limit.type = static_cast<RateLimit::Type>(*choice);
    }
    if (interval) {
      auto choice = read_choice(ctx, *interval, kIntervals);
      ok = ok && choice;
      if (choice) limit.interval = static_cast<RateLimit::Interval>(*choice);
    }
    if (const Field* f = fields->get("interval_num")) {
      auto num = read_uint(ctx, *f, 1, 1000000);
      ok = ok && num;
      if (num) limit.interval_num = static_cast<std::uint32_t>(*num);
    }
    if (value) {
      auto num = read_uint(ctx, *value, 1, 1000000000);
      ok = ok && num;
      if (num) limit.limit = static_cast<std::uint32_t>(*num);
    }
    if (!ok || !type || !interval || !value) continue;
    for (const auto& other : out) {
      if (other.type == limit.type && other.interval == limit.interval &&
          other.interval_num == limit.interval_num) {
        ctx.error(fields->pos, "duplicate rate limit " + std::string(to_string(limit.type)) +
                                   " per " + std::to_string(limit.interval_num) + " " +
                                   std::string(to_string(limit.interval)));
        ok = false;
      }
    }
    if (ok) out.push_back(limit);
  }
}

namespace {

void load_root(Context& ctx, const YAML::Node& root, const LoadOptions& options,
               Scenario& scenario) {
  auto fields = ctx.mapping(root, SourcePos{1, 1}, "", "the scenario");
  if (!fields) return;
  if (const Field* f = ctx.require(*fields, "name", "the scenario")) {
    if (auto name = read_string(ctx, *f)) scenario.name = *name;
  }
  if (const Field* f = fields->get("description")) {
    if (auto text = scalar_text(ctx, f->value, f->pos, f->key)) scenario.description = *text;
  }
  if (const Field* f = fields->get("seed")) {
    if (auto seed = read_uint(ctx, *f, 0, std::numeric_limits<std::uint64_t>::max())) {
      scenario.seed = *seed;
    }
  }
  if (const Field* f = fields->get("dialect")) {
    static constexpr std::array<std::string_view, 1> kDialects = {"binance-spot"};
    if (auto choice = read_choice(ctx, *f, kDialects)) scenario.dialect = kDialects[*choice];
  }
  if (const Field* f = fields->get("clock")) load_clock(ctx, *f, scenario.clock);
  if (const Field* f = fields->get("strict_params")) {
    if (auto value = read_bool(ctx, *f)) scenario.strict_params = *value;
  }
  if (const Field* f = ctx.require(*fields, "instruments", "the scenario")) {
    load_instruments(ctx, *f, scenario.instruments);
  }
  const AssetPrecisions precisions = asset_precisions(ctx, scenario.instruments);
  if (const Field* f = fields->get("accounts")) {
    load_accounts(ctx, *f, precisions, scenario.accounts);
  }
  if (const Field* f = fields->get("market")) {
    load_markets(ctx, *f, scenario.instruments, options, scenario.markets);
  }
  if (const Field* f = fields->get("rate_limits")) load_rate_limits(ctx, *f, scenario.rate_limits);
  if (const Field* f = fields->get("timeline")) {
    load_timeline(ctx, *f, scenario, precisions, scenario.timeline);
  }
}

}  // namespace

}  // namespace detail

LoadResult load_scenario_string(std::string_view yaml, std::string file_name,
                                const LoadOptions& options) {
  detail::Context ctx(file_name);
  LoadResult result;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    ctx.error(SourcePos{e.mark.line + 1, e.mark.column + 1}, "YAML syntax error: " + e.msg);
    result.errors = ctx.take_errors();
    return result;
  }
  Scenario scenario;
  scenario.file = file_name;
  // yaml-cpp may throw on pathological input while converting; keep what was reported.
  try {
    detail::load_root(ctx, root, options, scenario);
  } catch (const YAML::Exception& e) {
    ctx.error(SourcePos{e.mark.line + 1, e.mark.column + 1}, "YAML error: " + e.msg);
  }
  result.errors = ctx.take_errors();
  if (result.errors.empty()) result.scenario = std::move(scenario);
  return result;
}

LoadResult load_scenario_file(const std::string& path,
                              std::optional<std::vector<std::string>> allowed_dirs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult result;
    result.errors.push_back(Diagnostic{path, 0, 0, "cannot read the scenario file"});
    return result;
  }
  std::ostringstream text;
  text << in.rdbuf();
  LoadOptions options;
  options.base_dir = std::filesystem::path(path).parent_path().string();
  options.check_files = true;
  options.allowed_dirs = std::move(allowed_dirs);
  return load_scenario_string(text.str(), path, options);
}

}  // namespace mockex::scenario
