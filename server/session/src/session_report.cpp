#include <mockex/session/session.hpp>

#include <mockex/core/arithmetic.hpp>
#include <mockex/core/decimal.hpp>
#include <mockex/journal/report.hpp>

#include <filesystem>
#include <fstream>

namespace mockex::session {
namespace {

// Final balances of every account, with the change since the scenario's start (the PnL per
// asset), for assets the account held at the start or holds now.
std::vector<journal::BalanceLine> balance_lines(const scenario::Scenario& scenario,
                                                const venue::Venue& venue) {
  std::vector<journal::BalanceLine> lines;
  for (auto account : venue.accounts()) {
    const auto* spec = venue.account(account);
    if (spec == nullptr) continue;
    const auto* initial = scenario.find_account(spec->api_key);
    for (std::uint32_t i = 0; i < venue.asset_count(); ++i) {
      venue::AssetId asset{i};
      const auto& asset_spec = venue.asset(asset);
      auto balance = venue.balance(account, asset);
      if (!balance) continue;
      std::optional<std::int64_t> start;
      if (initial != nullptr) {
        for (const auto& held : initial->balances) {
          if (held.asset != asset_spec.name) continue;
          auto units = core::rescale(held.amount.units(), held.scale, asset_spec.scale);
          if (units) start = *units;
        }
      }
      auto total = balance->free.units() + balance->locked.units();
      if (!start && total == 0) continue;
      lines.push_back({spec->api_key, asset_spec.name,
                       core::format_decimal(balance->free.units(), asset_spec.scale),
                       core::format_decimal(balance->locked.units(), asset_spec.scale),
                       core::format_decimal(total - start.value_or(0), asset_spec.scale)});
    }
  }
  return lines;
}

}  // namespace

journal::Report Session::report() const {
  auto facts = info();
  journal::ReportContext context;
  context.session_id = facts.id;
  context.scenario = facts.scenario;
  context.seed = facts.seed;
  context.started = facts.start;
  context.ended = clock_->now();
  context.balances = balance_lines(*scenario_, *venue_);
  context.counters = {
      {"market_events", static_cast<std::int64_t>(player_->market_events())},
      {"timeline_entries_run", static_cast<std::int64_t>(player_->timeline_entries_run())}};
  return journal::build_report(journal_, context);
}

std::optional<std::string> Session::write_report(const std::string& directory) const {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) return "cannot create " + directory + ": " + ec.message();
  auto made = report();
  auto base = std::filesystem::path(directory) / info_.id;
  std::ofstream json_file(base.string() + ".json", std::ios::trunc);
  json_file << journal::to_json(made).dump(2) << '\n';
  std::ofstream markdown_file(base.string() + ".md", std::ios::trunc);
  markdown_file << journal::to_markdown(made);
  if (!json_file || !markdown_file) return "cannot write the report to " + directory;
  return std::nullopt;
}

}  // namespace mockex::session
