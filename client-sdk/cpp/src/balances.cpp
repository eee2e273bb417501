#include "read_json.hpp"
#include "session_ref_impl.hpp"

namespace mockex::sdk {

namespace detail {

Balance read_balance(const nlohmann::json& answer) {
  Balance b;
  read(answer, "asset", b.asset);
  read_fields<std::string>(answer, {{"account", &b.account}, {"free", &b.free}, {"locked", &b.locked}});
  return b;
}

}  // namespace detail

std::vector<Balance> BalancesApi::get(const std::string& account) const {
  auto answer = session_->api->get(session_->path + "/balances" +
                                   detail::Query().add("account", account).str());
  return detail::decoded(answer, [](const nlohmann::json& body) {
    std::vector<Balance> out;
    for (const auto& line : body.at("balances")) {
      out.push_back(detail::read_balance(line));
      out.back().account = body.at("account").get<std::string>();
    }
    return out;
  });
}

Balance BalancesApi::change(const std::string& path, const std::string& account,
                            const std::string& asset, const std::string& amount) const {
  nlohmann::json body = {{"account", account}, {"asset", asset}, {"amount", amount}};
  return detail::decoded(session_->api->post(session_->path + path, body), detail::read_balance);
}

Balance BalancesApi::set(const std::string& account, const std::string& asset,
                         const std::string& amount) const {
  return change("/balances", account, asset, amount);
}

Balance BalancesApi::deposit(const std::string& account, const std::string& asset,
                             const std::string& amount) const {
  return change("/balances/deposit", account, asset, amount);
}

Balance BalancesApi::withdraw(const std::string& account, const std::string& asset,
                              const std::string& amount) const {
  return change("/balances/withdraw", account, asset, amount);
}

}  // namespace mockex::sdk
