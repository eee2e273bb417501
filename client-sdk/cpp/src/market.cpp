#include <mockex/sdk/market.hpp>

#include "read_json.hpp"
#include "session_ref_impl.hpp"

namespace mockex::sdk {
namespace {

// {"symbol": ...} or {} for every symbol.
nlohmann::json on_symbol(const std::string& symbol) {
  nlohmann::json body = nlohmann::json::object();
  if (!symbol.empty()) body["symbol"] = symbol;
  return body;
}

nlohmann::json levels_json(const std::vector<Level>& levels) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& level : levels) out.push_back({level.price, level.qty});
  return out;
}

nlohmann::json with_factor(const std::string& symbol, const std::string& factor) {
  auto body = on_symbol(symbol);
  body["factor"] = factor;
  return body;
}

MarketAction read_action(const nlohmann::json& answer) {
  MarketAction a;
  detail::read(answer, "action", a.action);
  detail::read_fields<std::string>(answer, {{"symbol", &a.symbol}});  // null: every symbol
  detail::read_fields<std::int64_t>(answer, {{"now", &a.now_ms}});
  detail::read_fields<std::uint64_t>(answer, {{"journal_seq", &a.journal_seq}});
  a.raw = answer;
  return a;
}

}  // namespace

MarketAction MarketApi::act(const std::string& action, nlohmann::json body) const {
  return detail::decoded(session_->api->post(session_->path + "/market/" + action, body),
                         read_action);
}

MarketAction MarketApi::shock(const std::string& symbol, const std::string& pct,
                              const std::optional<Duration>& over) const {
  auto body = on_symbol(symbol);
  body["pct"] = pct;
  if (over) body["over"] = over->json();
  return act("shock", std::move(body));
}

MarketAction MarketApi::halt(const std::string& symbol) const {
  return act("halt", on_symbol(symbol));
}

MarketAction MarketApi::resume(const std::string& symbol) const {
  return act("resume", on_symbol(symbol));
}

MarketAction MarketApi::liquidity(const std::string& symbol, const std::string& factor) const {
  return act("liquidity", with_factor(symbol, factor));
}

MarketAction MarketApi::spread_factor(const std::string& symbol, const std::string& factor) const {
  return act("spread", with_factor(symbol, factor));
}

MarketAction MarketApi::spread_bps(const std::string& symbol, double bps) const {
  auto body = on_symbol(symbol);
  body["bps"] = bps;
  return act("spread", std::move(body));
}

MarketAction MarketApi::set_book(const std::string& symbol, const std::vector<Level>& bids,
                                 const std::vector<Level>& asks) const {
  auto body = on_symbol(symbol);
  body["bids"] = levels_json(bids);
  body["asks"] = levels_json(asks);
  return act("book", std::move(body));
}

}  // namespace mockex::sdk
