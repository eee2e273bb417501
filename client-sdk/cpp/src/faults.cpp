#include <mockex/sdk/faults.hpp>

#include "read_json.hpp"
#include "session_ref_impl.hpp"

namespace mockex::sdk {
namespace {

std::string rule_path(const detail::SessionRef& session, const std::string& name) {
  return session.path + "/faults/" + detail::encode(name);
}

}  // namespace

FaultStatus FaultsApi::add(const FaultRule& rule) const {
  return detail::decoded(session_->api->post(session_->path + "/faults", rule.to_json()),
                         detail::read_fault_status);
}

ScopedFault FaultsApi::scoped(const FaultRule& rule) const { return ScopedFault(session_, add(rule)); }

std::vector<FaultStatus> FaultsApi::list() const {
  return detail::decoded(session_->api->get(session_->path + "/faults"), [](const nlohmann::json& answer) {
    std::vector<FaultStatus> out;
    for (const auto& status : answer.at("faults")) out.push_back(detail::read_fault_status(status));
    return out;
  });
}

FaultStatus FaultsApi::get(const std::string& name) const {
  return detail::decoded(session_->api->get(rule_path(*session_, name)), detail::read_fault_status);
}

FaultStatus FaultsApi::pause(const std::string& name) const {
  return detail::decoded(session_->api->post(rule_path(*session_, name) + "/pause"),
                         detail::read_fault_status);
}

FaultStatus FaultsApi::resume(const std::string& name) const {
  return detail::decoded(session_->api->post(rule_path(*session_, name) + "/resume"),
                         detail::read_fault_status);
}

void FaultsApi::remove(const std::string& name) const { session_->api->remove(rule_path(*session_, name)); }

void FaultsApi::clear() const { session_->api->remove(session_->path + "/faults"); }

}  // namespace mockex::sdk
