// timeline: market events and fault windows at scenario times.

#include <array>

#include "loader_parts.hpp"
#include "mockex/core/duration.hpp"
#include "mockex/scenario/fault_kinds.hpp"

namespace mockex::scenario::detail {

namespace {

using Kind = TimelineEntry::Kind;

constexpr std::array<std::string_view, 7> kActions = {"shock",  "halt",        "resume", "liquidity",
                                                      "spread", "set_balance", "fault"};

class TimelineLoader {
 public:
  TimelineLoader(Context& ctx, const Scenario& scenario, const AssetPrecisions& precisions)
      : ctx_(ctx), scenario_(scenario), precisions_(precisions) {
    for (const auto& in : scenario.instruments) symbols_.push_back(in.symbol);
    for (const auto& account : scenario.accounts) api_keys_.push_back(account.api_key);
  }

  void load(const Field& field, std::vector<TimelineEntry>& out) {
    if (!field.value.IsSequence()) {
      ctx_.error(field.pos, "'timeline' must be a list");
      return;
    }
    std::size_t index = 0;
    for (const auto& node : field.value) {
      if (auto entry = load_entry(node, index)) out.push_back(std::move(*entry));
      ++index;
    }
  }

 private:
  std::optional<TimelineEntry> load_entry(const YAML::Node& node, std::size_t index) {
    auto fields = ctx_.mapping(node, pos_of(node), "timeline[]", "timeline entry");
    if (!fields) return std::nullopt;
    TimelineEntry entry;
    entry.pos = fields->pos;
    bool ok = true;
    if (const Field* f = ctx_.require(*fields, "at", "timeline entry")) {
      auto at = read_duration(ctx_, *f);
      if (at && scenario_.clock.duration && *at > *scenario_.clock.duration) {
        ctx_.error(f->pos, "'at' " + core::format_duration(*at) +
                               " is after the end of the scenario (clock duration " +
                               core::format_duration(*scenario_.clock.duration) + ")");
        at.reset();
      }
      if (at) entry.at = *at;
      ok = ok && at;
    } else {
      ok = false;
    }
    const Field* action = nullptr;
    for (const auto& item : fields->items) {
      if (item.key == "at") continue;
      if (action) {
        ctx_.error(item.key_pos, "timeline entry has more than one action: " + action->key + " and " +
                                     item.key + " (use one entry for each)");
        return std::nullopt;
      }
      action = &item;
    }
    if (!action) {
      // A misspelt action was reported as an unknown key already.
      if (fields->dropped > 0) return std::nullopt;
      ctx_.error(fields->pos, "timeline entry needs one of shock, halt, resume, liquidity, spread, "
                              "set_balance, fault");
      return std::nullopt;
    }
    std::size_t kind = 0;
    while (kActions[kind] != action->key) ++kind;
    entry.kind = static_cast<Kind>(kind);
    switch (entry.kind) {
      case Kind::shock: ok = load_shock(*action, entry.shock) && ok; break;
      case Kind::halt: ok = load_symbol_only(*action, entry.halt.symbol) && ok; break;
      case Kind::resume: ok = load_symbol_only(*action, entry.resume.symbol) && ok; break;
      case Kind::liquidity: ok = load_liquidity(*action, entry.liquidity) && ok; break;
      case Kind::spread: ok = load_spread(*action, entry.spread) && ok; break;
      case Kind::set_balance: ok = load_set_balance(*action, entry.set_balance) && ok; break;
      case Kind::fault: ok = load_fault(*action, index, entry.fault) && ok; break;
    }
    if (!ok) return std::nullopt;
    return entry;
  }

  // `symbol` when set must name an instrument; with `needs_walk`, a random_walk market too.
  bool read_target(const Fields& fields, std::string_view action, bool needs_walk,
                   std::string& symbol) {
    if (const Field* f = fields.get("symbol")) {
      auto text = read_string(ctx_, *f);
      if (!text) return false;
      if (scenario_.instrument_index(*text) < 0) {
        ctx_.error(f->pos, "unknown symbol '" + *text + "'" + suggestion(*text, symbols_));
        return false;
      }
      symbol = *text;
      if (needs_walk && !has_walk(symbol)) {
        ctx_.error(f->pos, std::string(action) + " needs a random_walk market for " + symbol);
        return false;
      }
      return true;
    }
    if (needs_walk && !has_walk({})) {
      ctx_.error(fields.pos, std::string(action) + " needs at least one random_walk market");
      return false;
    }
    return true;
  }

  bool has_walk(const std::string& symbol) const {
    for (const auto& market : scenario_.markets) {
      if (market.random_walk && (symbol.empty() || market.symbol == symbol)) return true;
    }
    return false;
  }

  std::optional<Decimal> positive(const Fields& fields, std::string_view key) {
    const Field* f = fields.get(key);
    if (!f) return std::nullopt;
    auto value = read_decimal(ctx_, *f);
    if (!value || !check_min(ctx_, *f, *value, 0, false)) return std::nullopt;
    return value;
  }

  bool load_shock(const Field& field, ShockAction& out) {
    auto fields = ctx_.mapping(field.value, field.pos, "timeline[].shock", "shock");
    if (!fields) return false;
    bool ok = read_target(*fields, "shock", true, out.symbol);
    if (const Field* f = ctx_.require(*fields, "pct", "shock")) {
      auto pct = read_decimal(ctx_, *f);
      if (pct && check_min(ctx_, *f, *pct, -100, false) && check_max(ctx_, *f, *pct, 10000, true)) {
        out.pct = *pct;
      } else {
        ok = false;
      }
    } else {
      ok = false;
    }
    if (const Field* f = fields->get("over")) {
      auto over = read_duration(ctx_, *f);
      if (over) out.over = *over;
      ok = ok && over;
    }
    return ok;
  }

  // halt / resume: `halt:` (every symbol), `halt: BTCUSDT`, or `halt: {symbol: BTCUSDT}`.
  bool load_symbol_only(const Field& field, std::string& symbol) {
    if (field.value.IsNull()) return true;
    if (field.value.IsScalar()) {
      const std::string& text = field.value.Scalar();
      if (scenario_.instrument_index(text) < 0) {
        ctx_.error(field.pos, "unknown symbol '" + text + "'" + suggestion(text, symbols_));
        return false;
      }
      symbol = text;
      return true;
    }
    const std::string path = "timeline[]." + field.key;
    auto fields = ctx_.mapping(field.value, field.pos, path, field.key);
    if (!fields) return false;
    return read_target(*fields, field.key, false, symbol);
  }

  bool load_liquidity(const Field& field, LiquidityAction& out) {
    auto fields = ctx_.mapping(field.value, field.pos, "timeline[].liquidity", "liquidity");
    if (!fields) return false;
    bool ok = read_target(*fields, "liquidity", true, out.symbol);
    if (!ctx_.require(*fields, "factor", "liquidity")) return false;
    auto factor = positive(*fields, "factor");
    if (factor) out.factor = *factor;
    return ok && factor;
  }

  bool load_spread(const Field& field, SpreadAction& out) {
    auto fields = ctx_.mapping(field.value, field.pos, "timeline[].spread", "spread");
    if (!fields) return false;
    bool ok = read_target(*fields, "spread", true, out.symbol);
    const bool has_factor = fields->get("factor") != nullptr;
    const bool has_bps = fields->get("bps") != nullptr;
    if (has_factor == has_bps) {
      ctx_.error(fields->pos, "spread needs exactly one of 'factor' and 'bps'");
      return false;
    }
    if (has_factor) {
      out.factor = positive(*fields, "factor");
      ok = ok && out.factor;
    } else {
      out.bps = positive(*fields, "bps");
      ok = ok && out.bps;
    }
    return ok;
  }

  bool load_set_balance(const Field& field, SetBalanceAction& out) {
    auto fields = ctx_.mapping(field.value, field.pos, "timeline[].set_balance", "set_balance");
    if (!fields) return false;
    const Field* account = ctx_.require(*fields, "account", "set_balance");
    const Field* asset = ctx_.require(*fields, "asset", "set_balance");
    const Field* amount = ctx_.require(*fields, "amount", "set_balance");
    bool ok = account && asset && amount;
    if (account) {
      auto key = read_string(ctx_, *account);
      if (key && !scenario_.find_account(*key)) {
        ctx_.error(account->pos, "unknown account '" + *key + "'" + suggestion(*key, api_keys_));
        key.reset();
      }
      if (key) out.account = *key;
      ok = ok && key;
    }
    if (asset) {
      auto name = read_symbol(ctx_, *asset);
      if (name) out.asset = *name;
      ok = ok && name;
    }
    if (ok) {
      out.scale = core::Scale{precisions_.of(out.asset)};
      auto units = read_fixed(ctx_, *amount, out.scale, out.asset);
      if (units) out.amount = core::Amount{*units};
      ok = ok && units;
    }
    return ok;
  }

  bool load_trigger(const Field& field, FaultTrigger& out) {
    auto fields = ctx_.mapping(field.value, field.pos, "timeline[].fault.trigger", "trigger");
    if (!fields) return false;
    out.pos = fields->pos;
    bool ok = true;
    if (const Field* f = ctx_.require(*fields, "on", "trigger")) {
      static constexpr std::array<std::string_view, 3> kOn = {"order_ack", "order", "fill"};
      auto choice = read_choice(ctx_, *f, kOn);
      if (choice) out.on = kOn[*choice];
      ok = ok && choice;
    } else {
      ok = false;
    }
    if (const Field* f = fields->get("match")) {
      ok = load_match(*f, out.match, "timeline[].fault.trigger.match") && ok;
    }
    if (const Field* f = fields->get("count")) {
      auto value = read_uint(ctx_, *f, 1, 1'000'000'000);
      if (value) out.count = static_cast<std::uint32_t>(*value);
      ok = ok && value;
    }
    if (const Field* f = fields->get("delay")) {
      auto value = read_duration(ctx_, *f);
      if (value) out.delay = *value;
      ok = ok && value;
    }
    if (const Field* f = fields->get("scope")) {
      static constexpr std::array<std::string_view, 2> kScopes = {"account", "all"};
      auto choice = read_choice(ctx_, *f, kScopes);
      if (choice) out.scope = kScopes[*choice];
      ok = ok && choice;
    }
    return ok;
  }

  bool load_match(const Field& field, FaultMatch& out,
                  std::string_view section = "timeline[].fault.match") {
    auto fields = ctx_.mapping(field.value, field.pos, section, "match");
    if (!fields) return false;
    bool ok = true;
    for (auto [key, target] :
         {std::pair{"http", &out.http}, std::pair{"stream", &out.stream},
          std::pair{"event", &out.event}, std::pair{"ws_api", &out.ws_api},
          std::pair{"api_key", &out.api_key}, std::pair{"client_order_id", &out.client_order_id}}) {
      if (const Field* f = fields->get(key)) {
        auto text = read_string(ctx_, *f);
        if (text) *target = *text;
        ok = ok && text;
      }
    }
    if (const Field* f = fields->get("symbol")) {
      auto text = read_string(ctx_, *f);
      if (text && scenario_.instrument_index(*text) < 0) {
        ctx_.error(f->pos, "unknown symbol '" + *text + "'" + suggestion(*text, symbols_));
        text.reset();
      }
      if (text) out.symbol = *text;
      ok = ok && text;
    }
    if (const Field* f = fields->get("protocol")) {
      static constexpr std::array<std::string_view, 3> kProtocols = {"http", "ws", "ws-api"};
      auto choice = read_choice(ctx_, *f, kProtocols);
      if (choice) out.protocol = kProtocols[*choice];
      ok = ok && choice;
    }
    if (!out.http.empty() && out.http.find(' ') == std::string::npos) {
      ctx_.error(fields->get("http")->pos,
                 "'http' must be \"METHOD path-glob\" such as \"POST /api/v3/order\", got '" +
                     out.http + "'");
      ok = false;
    }
    return ok;
  }

  ParamValue param_value(const YAML::Node& node, SourcePos pos) {
    ParamValue value;
    value.pos = pos_of(node).line ? pos_of(node) : pos;
    if (node.IsSequence()) {
      value.type = ParamValue::Type::sequence;
      for (const auto& item : node) value.items.push_back(param_value(item, value.pos));
    } else if (node.IsMap()) {
      value.type = ParamValue::Type::mapping;
      for (auto it = node.begin(); it != node.end(); ++it) {
        value.keys.push_back(it->first.Scalar());
        value.items.push_back(param_value(it->second, pos_of(it->first)));
      }
    } else if (!node.IsNull()) {
      value.scalar = node.Scalar();
    }
    return value;
  }

  bool load_fault(const Field& field, std::size_t index, FaultSpec& out) {
    auto fields = ctx_.mapping(field.value, field.pos, "timeline[].fault", "fault");
    if (!fields) return false;
    out.pos = fields->pos;
    bool ok = true;
    if (const Field* f = ctx_.require(*fields, "kind", "fault")) {
      auto kind = read_string(ctx_, *f);
      if (kind && !is_fault_kind(*kind)) {
        ctx_.error(f->pos, "unknown fault kind '" + *kind + "'" + suggestion(*kind, fault_kinds()));
        kind.reset();
      }
      if (kind) out.kind = *kind;
      ok = ok && kind;
    } else {
      ok = false;
    }
    if (const Field* f = fields->get("name")) {
      auto name = read_string(ctx_, *f);
      if (name) out.name = *name;
      ok = ok && name;
    } else if (!out.kind.empty()) {
      out.name = out.kind + "-" + std::to_string(index);
    }
    if (const Field* f = fields->get("params")) {
      if (auto params = ctx_.open_mapping(f->value, f->pos, "'params'")) {
        out.params = param_value(f->value, f->pos);
      } else {
        ok = false;
      }
    } else {
      out.params.type = ParamValue::Type::mapping;
      out.params.pos = fields->pos;
    }
    if (const Field* f = fields->get("match")) ok = load_match(*f, out.match) && ok;
    if (const Field* f = fields->get("probability")) {
      auto value = read_decimal(ctx_, *f);
      if (value && check_min(ctx_, *f, *value, 0, true) && check_max(ctx_, *f, *value, 1, true)) {
        out.probability = *value;
      } else {
        ok = false;
      }
    }
    if (const Field* f = fields->get("for")) {
      auto value = read_duration(ctx_, *f);
      if (value && value->count() == 0) {
        ctx_.error(f->pos, "'for' must be longer than 0");
        value.reset();
      }
      if (value) out.for_ = *value;
      ok = ok && value;
    }
    for (auto [key, target] : {std::pair{"first", &out.first}, std::pair{"every", &out.every},
                               std::pair{"after", &out.after}}) {
      if (const Field* f = fields->get(key)) {
        auto value = read_uint(ctx_, *f, 0, 1'000'000'000);
        if (value) *target = static_cast<std::uint32_t>(*value);
        ok = ok && value;
      }
    }
    if (const Field* f = fields->get("trigger")) {
      FaultTrigger trigger;
      ok = load_trigger(*f, trigger) && ok;
      out.trigger = std::move(trigger);
    }
    if (ok && !out.name.empty()) {
      auto [it, inserted] = fault_names_.try_emplace(out.name, fields->pos.line);
      if (!inserted) {
        const Field* f = fields->get("name");
        ctx_.error(f ? f->pos : fields->pos, "duplicate fault name '" + out.name +
                                                 "' (first defined at line " +
                                                 std::to_string(it->second) + ")");
        ok = false;
      }
    }
    return ok;
  }

  Context& ctx_;
  const Scenario& scenario_;
  const AssetPrecisions& precisions_;
  std::vector<std::string> symbols_;
  std::vector<std::string> api_keys_;
  std::map<std::string, int> fault_names_;
};

}  // namespace

void load_timeline(Context& ctx, const Field& field, const Scenario& scenario,
                   const AssetPrecisions& precisions, std::vector<TimelineEntry>& out) {
  TimelineLoader(ctx, scenario, precisions).load(field, out);
}

}  // namespace mockex::scenario::detail
