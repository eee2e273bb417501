#pragma once
// Private to the loader: one function per top-level section, each reporting to the Context.

#include <map>
#include <string>
#include <vector>

#include "mockex/scenario/loader.hpp"
#include "yaml_fields.hpp"

namespace mockex::scenario::detail {

// The decimals each asset allows (from the instruments that name it; 8 for others).
class AssetPrecisions {
 public:
  static constexpr std::uint8_t kDefault = 8;
  void add(Context& ctx, const std::string& asset, std::uint8_t precision, const std::string& symbol,
           SourcePos pos);
  std::uint8_t of(const std::string& asset) const;

 private:
  struct Entry {
    std::uint8_t precision;
    std::string symbol;
  };
  std::map<std::string, Entry> entries_;
};

void load_clock(Context& ctx, const Field& field, ClockSpec& clock);
void load_instruments(Context& ctx, const Field& field, std::vector<Instrument>& out);
AssetPrecisions asset_precisions(Context& ctx, const std::vector<Instrument>& instruments);
void load_accounts(Context& ctx, const Field& field, const AssetPrecisions& precisions,
                   std::vector<Account>& out);
void load_markets(Context& ctx, const Field& field, const std::vector<Instrument>& instruments,
                  const LoadOptions& options, std::vector<MarketSpec>& out);
void load_rate_limits(Context& ctx, const Field& field, std::vector<RateLimit>& out);
// Needs the instruments, accounts, markets and clock already loaded (references are checked).
void load_timeline(Context& ctx, const Field& field, const Scenario& scenario,
                   const AssetPrecisions& precisions, std::vector<TimelineEntry>& out);

// "0.01" for (1, scale 2): a fixed-point value as people write it, for messages.
std::string show(std::int64_t units, std::uint8_t scale);

}  // namespace mockex::scenario::detail
