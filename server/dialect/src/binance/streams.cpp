#include <mockex/dialect/binance/streams.hpp>

#include <mockex/marketdata/interval.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace mockex::dialect::binance {
namespace {

struct IntervalInfo {
  std::string_view name;
  std::int64_t ms;
};

constexpr std::int64_t second = 1000;
constexpr std::int64_t minute = 60 * second;
constexpr std::int64_t hour = 60 * minute;
constexpr std::int64_t day = 24 * hour;

constexpr std::array<IntervalInfo, 16> kline_intervals{{
    {"1s", second},      {"1m", minute},      {"3m", 3 * minute},  {"5m", 5 * minute},
    {"15m", 15 * minute}, {"30m", 30 * minute}, {"1h", hour},       {"2h", 2 * hour},
    {"4h", 4 * hour},    {"6h", 6 * hour},    {"8h", 8 * hour},    {"12h", 12 * hour},
    {"1d", day},         {"3d", 3 * day},     {"1w", 7 * day},     {"1M", 0},
}};

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool valid_symbol(std::string_view symbol) {
  return !symbol.empty() && symbol.size() <= 20 &&
         std::all_of(symbol.begin(), symbol.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
         });
}

bool is_ticker_window(std::string_view window) {
  return window == "1h" || window == "4h" || window == "1d";
}

// "@100ms" or "@1000ms" suffix of the depth streams.
std::optional<int> depth_speed(std::string_view rest) {
  if (rest.empty()) return 1000;
  if (rest == "@100ms") return 100;
  if (rest == "@1000ms") return 1000;
  return std::nullopt;
}

}  // namespace

bool is_kline_interval(std::string_view interval) {
  return std::any_of(kline_intervals.begin(), kline_intervals.end(),
                     [&](const IntervalInfo& info) { return info.name == interval; });
}

std::int64_t kline_interval_ms(std::string_view interval) {
  for (const auto& info : kline_intervals) {
    if (info.name == interval) return info.ms;
  }
  return 0;
}

std::optional<StreamSpec> parse_stream(std::string_view name) {
  using Kind = StreamSpec::Kind;
  StreamSpec spec;
  auto lowered = lower(name);
  std::string_view text = lowered;
  if (text == "!miniticker@arr") {
    spec.kind = Kind::all_mini_tickers;
    return spec;
  }
  if (text.starts_with("!ticker_") && text.ends_with("@arr")) {
    auto window = text.substr(8, text.size() - 12);
    if (!is_ticker_window(window)) return std::nullopt;
    spec.kind = Kind::all_window_tickers;
    spec.interval = std::string(window);
    return spec;
  }
  auto at = text.find('@');
  if (at == std::string_view::npos) return std::nullopt;
  auto symbol = text.substr(0, at);
  if (!valid_symbol(symbol)) return std::nullopt;
  spec.symbol = upper(symbol);
  auto stream = text.substr(at + 1);
  if (stream == "trade") {
    spec.kind = Kind::trade;
  } else if (stream == "aggtrade") {
    spec.kind = Kind::agg_trade;
  } else if (stream == "miniticker") {
    spec.kind = Kind::mini_ticker;
  } else if (stream == "ticker") {
    spec.kind = Kind::ticker;
  } else if (stream == "bookticker") {
    spec.kind = Kind::book_ticker;
  } else if (stream == "avgprice") {
    spec.kind = Kind::avg_price;
  } else if (stream.starts_with("ticker_")) {
    if (!is_ticker_window(stream.substr(7))) return std::nullopt;
    spec.kind = Kind::window_ticker;
    spec.interval = std::string(stream.substr(7));
  } else if (stream.starts_with("kline_")) {
    // The interval keeps its case from the original name: "1M" (month) differs from "1m".
    auto original = name.substr(at + 1 + 6);
    auto tz = original.find('@');  // "@+08:00" time zone suffix
    auto interval = original.substr(0, tz);
    if (!is_kline_interval(interval)) return std::nullopt;
    spec.kind = Kind::kline;
    spec.interval = std::string(interval);
    if (tz != std::string_view::npos) {
      auto zone = original.substr(tz + 1);
      if (!marketdata::parse_time_zone(zone)) return std::nullopt;
      spec.time_zone = std::string(zone);
    }
  } else if (stream.starts_with("depth")) {
    auto rest = stream.substr(5);
    int levels = 0;
    for (int candidate : {5, 10, 20}) {
      auto digits = std::to_string(candidate);
      if (rest.starts_with(digits) && (rest.size() == digits.size() || rest[digits.size()] == '@')) {
        levels = candidate;
        rest.remove_prefix(digits.size());
        break;
      }
    }
    auto speed = depth_speed(rest);
    if (!speed) return std::nullopt;
    spec.kind = levels > 0 ? Kind::partial_depth : Kind::diff_depth;
    spec.levels = levels;
    spec.update_ms = *speed;
  } else {
    return std::nullopt;
  }
  return spec;
}

std::string StreamSpec::name() const {
  auto s = lower(symbol);
  switch (kind) {
    case Kind::trade: return s + "@trade";
    case Kind::agg_trade: return s + "@aggTrade";
    case Kind::kline: return s + "@kline_" + interval + (time_zone.empty() ? "" : "@" + time_zone);
    case Kind::mini_ticker: return s + "@miniTicker";
    case Kind::all_mini_tickers: return "!miniTicker@arr";
    case Kind::ticker: return s + "@ticker";
    case Kind::window_ticker: return s + "@ticker_" + interval;
    case Kind::all_window_tickers: return "!ticker_" + interval + "@arr";
    case Kind::book_ticker: return s + "@bookTicker";
    case Kind::avg_price: return s + "@avgPrice";
    case Kind::partial_depth:
      return s + "@depth" + std::to_string(levels) + (update_ms == 100 ? "@100ms" : "");
    case Kind::diff_depth: return s + "@depth" + std::string(update_ms == 100 ? "@100ms" : "");
  }
  return s;
}

}  // namespace mockex::dialect::binance
