#include <mockex/sdk/clock.hpp>

#include "read_json.hpp"
#include "session_ref_impl.hpp"

namespace mockex::sdk {
namespace {

ClockState clock_call(const detail::SessionRef& session, const std::string& verb,
                      const nlohmann::json& body = nlohmann::json::object()) {
  return detail::decoded(session.api->post(session.path + "/clock/" + verb, body),
                         detail::read_clock);
}

}  // namespace

ClockState ClockApi::get() const {
  return detail::decoded(session_->api->get(session_->path + "/clock"), detail::read_clock);
}

ClockState ClockApi::advance(const Duration& by) const {
  return clock_call(*session_, "advance", {{"by", by.json()}});
}

ClockState ClockApi::pause() const { return clock_call(*session_, "pause"); }

ClockState ClockApi::resume() const { return clock_call(*session_, "resume"); }

ClockState ClockApi::set_speed(double speed) const {
  return clock_call(*session_, "speed", {{"speed", speed}});
}

}  // namespace mockex::sdk
