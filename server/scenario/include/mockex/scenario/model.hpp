#pragma once
// The scenario model: what a scenario file says, as plain values. The loader (loader.hpp) builds
// it from YAML and guarantees every invariant written in the comments below, so consumers (the
// session's player, the venue, the fault engine) never re-validate. Prices, quantities and
// balances are exact fixed-point values at the scales named on each field.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mockex/core/fixed_point.hpp"
#include "mockex/core/timestamp.hpp"

namespace mockex::scenario {

using Duration = std::chrono::milliseconds;

// Where something was written: 1-based line and column; 0 when unknown (built in code).
struct SourcePos {
  int line = 0;
  int column = 0;
};

// A decimal exactly as written: units * 10^-scale ("0.25" = {25, 2}). Used for ratios and rates
// (volatility, probability, commission, factors) that feed floating-point models: the text is
// never read as a double, so to_double() is the same on every machine.
struct Decimal {
  std::int64_t units = 0;
  std::uint8_t scale = 0;

  double to_double() const;
  std::string to_string() const;
  bool is_negative() const { return units < 0; }
  bool is_zero() const { return units == 0; }
  friend bool operator==(const Decimal&, const Decimal&) = default;
};

enum class ClockMode : std::uint8_t { realtime, accelerated, stepped };

struct ClockSpec {
  ClockMode mode = ClockMode::realtime;
  Decimal speed{1, 0};                        // scenario seconds per wall second; > 0
  std::optional<core::Timestamp> start;       // nullopt: `now` (the session's start instant)
  std::optional<Duration> duration;           // the session reports `finished` after it
};

enum class InstrumentStatus : std::uint8_t { trading, halt, break_ };
enum class FillModel : std::uint8_t { optimistic, queue };

// One symbol and its exchange filters (Binance semantics: a zero bound disables its rule).
// Prices are at price_scale() (= quote_precision), quantities at qty_scale() (= base_precision),
// notionals at the quote precision.
struct Instrument {
  std::string symbol;
  std::string base;
  std::string quote;
  std::uint8_t base_precision = 8;   // 0..18
  std::uint8_t quote_precision = 8;  // 0..18

  core::Price tick_size;   // > 0; min_price and max_price are multiples of it
  core::Price min_price;
  core::Price max_price;   // 0: no maximum
  core::Qty step_size;     // > 0; min_qty and max_qty are multiples of it
  core::Qty min_qty;
  core::Qty max_qty;       // 0: no maximum
  core::Qty market_min_qty;
  core::Qty market_max_qty;  // 0: no maximum
  core::Amount min_notional;
  core::Amount max_notional;  // 0: no maximum
  bool apply_min_to_market = true;
  bool apply_max_to_market = false;
  std::uint32_t max_num_orders = 200;
  std::uint32_t max_num_algo_orders = 5;
  InstrumentStatus status = InstrumentStatus::trading;
  FillModel fill_model = FillModel::optimistic;
  SourcePos pos;

  core::Scale price_scale() const { return {quote_precision}; }
  core::Scale qty_scale() const { return {base_precision}; }
  core::Scale notional_scale() const { return {quote_precision}; }
};

// A starting balance: `amount` is at `scale`, the asset's precision.
struct Balance {
  std::string asset;
  core::Amount amount;  // >= 0
  core::Scale scale;
};

struct Account {
  std::string api_key;  // unique within the scenario
  std::string secret;
  std::vector<Balance> balances;  // in file order, one per asset
  Decimal maker_commission{1, 3};  // a rate: 0.001 = 0.1 %
  Decimal taker_commission{1, 3};
  SourcePos pos;
};

struct BookLevel {
  core::Price price;  // a multiple of the tick, within the price filter
  core::Qty qty;      // > 0, a multiple of the lot step
};

// Random sizes for book levels and trades, in base units; results are rounded down to the lot
// step and are at least one step.
struct SizeDistribution {
  enum class Kind : std::uint8_t { fixed, uniform, lognormal };
  Kind kind = Kind::uniform;
  core::Qty value;   // fixed
  core::Qty min;     // uniform: lower bound
  core::Qty max;     // uniform: upper bound; lognormal: cap (0: none)
  core::Qty median;  // lognormal: exp(mu)
  Decimal sigma{5, 1};  // lognormal: sigma of the underlying normal
};

// A geometric random walk of the mid, re-quoted every update_interval.
struct RandomWalkSpec {
  std::optional<core::Price> mid;  // default: the initial book's mid
  Decimal volatility{5, 1};        // annualised sigma of log returns (0.5 = 50 %); >= 0
  Decimal drift{0, 0};             // annualised mean log return
  Decimal spread_bps{1, 0};        // best ask - best bid in basis points of the mid (>= 1 tick)
  std::uint32_t levels = 20;       // per side, 1..5000
  std::uint32_t level_spacing = 1; // ticks between adjacent levels, >= 1
  SizeDistribution level_size;
  Duration update_interval{100};   // >= 1 ms
  Decimal trade_rate{2, 0};        // market trades per second (Poisson), >= 0
  SizeDistribution trade_size;
};

struct ReplaySpec {
  std::string file;           // as written (relative to the scenario's directory)
  std::string resolved_path;  // the path to open; equal to `file` when no directory is known
  Decimal speed{1, 0};        // > 0: 2 plays twice as fast
  bool loop = false;
};

struct MarketSpec {
  std::string symbol;  // a symbol of Scenario::instruments
  std::vector<BookLevel> bids;  // best first, strictly descending
  std::vector<BookLevel> asks;  // best first, strictly ascending, all above the best bid
  std::optional<RandomWalkSpec> random_walk;  // at most one of random_walk and replay
  std::optional<ReplaySpec> replay;
  SourcePos pos;
};

// One limit as Binance publishes it in exchangeInfo.rateLimits.
struct RateLimit {
  enum class Type : std::uint8_t { request_weight, orders, raw_requests };
  enum class Interval : std::uint8_t { second, minute, hour, day };
  Type type = Type::request_weight;
  Interval interval = Interval::minute;
  std::uint32_t interval_num = 1;  // >= 1
  std::uint32_t limit = 0;         // >= 1
};

// Binance production values (spec §4.2), used when a scenario has no `rate_limits`.
std::vector<RateLimit> default_rate_limits();

// A fault parameter kept as written: the fault engine interprets it. Scalars keep their text.
struct ParamValue {
  enum class Type : std::uint8_t { scalar, sequence, mapping };
  Type type = Type::scalar;
  std::string scalar;
  std::vector<ParamValue> items;   // sequence items, or mapping values
  std::vector<std::string> keys;   // mapping keys, parallel to items
  SourcePos pos;

  // The value under `key` of a mapping; nullptr when absent or not a mapping.
  const ParamValue* find(std::string_view key) const;
};

// Which traffic a fault applies to; an empty field matches everything.
struct FaultMatch {
  std::string http;      // "METHOD path-glob", e.g. "POST /api/v3/order", "* /api/v3/*"
  std::string stream;    // WebSocket stream name glob, e.g. "*@depth*"
  std::string event;     // finer event glob, e.g. "executionReport.TRADE", "depthUpdate"
  std::string ws_api;    // WebSocket API method glob, e.g. "order.place"
  std::string symbol;
  std::string api_key;
  std::string protocol;  // "", "http", "ws" or "ws-api"
  std::string client_order_id;  // client order id glob, e.g. "x-*"
};

// A fault that starts on a trading event instead of its timeline instant.
struct FaultTrigger {
  std::string on;  // "order_ack", "order" or "fill"
  FaultMatch match;  // symbol, api_key and client_order_id only
  std::uint32_t count = 1;  // the Nth matching event, >= 1
  Duration delay{0};        // after the event
  std::string scope = "account";  // "account" (the event's account only) or "all"
  SourcePos pos;
};

struct FaultSpec {
  std::string name;  // unique in the scenario; default "<kind>-<timeline index>"
  std::string kind;  // one of fault_kinds() (fault_kinds.hpp)
  ParamValue params;  // a mapping (possibly empty)
  FaultMatch match;
  Decimal probability{1, 0};      // 0..1
  std::optional<Duration> for_;   // window length; nullopt: until the session ends
  std::uint32_t first = 0;        // only the first N matches (0: no limit)
  std::uint32_t every = 0;        // only every Nth match (0: each)
  std::uint32_t after = 0;        // skip the first N matches
  std::optional<FaultTrigger> trigger;  // armed at `at`, started by the event
  SourcePos pos;
};

struct ShockAction {
  std::string symbol;  // empty: every random_walk market
  Decimal pct;         // mid move in percent, > -100
  Duration over{0};    // 0: at once
};
struct HaltAction { std::string symbol; };    // empty: every instrument
struct ResumeAction { std::string symbol; };  // empty: every instrument
struct LiquidityAction {
  std::string symbol;
  Decimal factor;  // > 0; scales level sizes (1 restores)
};
struct SpreadAction {
  std::string symbol;
  std::optional<Decimal> factor;  // exactly one of factor (> 0, relative to the generator's)
  std::optional<Decimal> bps;     // and bps (> 0, absolute)
};
struct SetBalanceAction {
  std::string account;  // an api_key of the scenario
  std::string asset;
  core::Amount amount;  // >= 0, at `scale`
  core::Scale scale;
};

struct TimelineEntry {
  enum class Kind : std::uint8_t { shock, halt, resume, liquidity, spread, set_balance, fault };
  Duration at{0};  // since the scenario start
  Kind kind = Kind::shock;
  // Exactly the member named by `kind` is meaningful.
  ShockAction shock;
  HaltAction halt;
  ResumeAction resume;
  LiquidityAction liquidity;
  SpreadAction spread;
  SetBalanceAction set_balance;
  FaultSpec fault;
  SourcePos pos;
};

struct Scenario {
  std::string name;
  std::string description;
  std::uint64_t seed = 0;
  std::string dialect = "binance-spot";
  std::string file;  // the file name errors were reported against
  ClockSpec clock;
  std::vector<Instrument> instruments;
  std::vector<Account> accounts;
  std::vector<MarketSpec> markets;  // in file order, at most one per symbol
  std::vector<RateLimit> rate_limits = default_rate_limits();
  std::vector<TimelineEntry> timeline;  // in file order (the player orders by `at`, stably)
  // Refuse a request carrying a parameter its endpoint does not read (Binance -1104).
  bool strict_params = false;

  const Instrument* find_instrument(std::string_view symbol) const;
  // Index into `instruments`, or -1.
  int instrument_index(std::string_view symbol) const;
  const Account* find_account(std::string_view api_key) const;
};

std::string_view to_string(ClockMode mode);
std::string_view to_string(InstrumentStatus status);  // "TRADING", "HALT", "BREAK"
std::string_view to_string(FillModel model);
std::string_view to_string(TimelineEntry::Kind kind);
std::string_view to_string(RateLimit::Type type);        // "REQUEST_WEIGHT", ...
std::string_view to_string(RateLimit::Interval interval);  // "SECOND", ...

}  // namespace mockex::scenario
