#include "mockex/fault/effect.hpp"

namespace mockex::fault {

std::string_view to_string(CorruptMode mode) {
  switch (mode) {
    case CorruptMode::truncate: return "truncate";
    case CorruptMode::invalid_json: return "invalid_json";
    case CorruptMode::wrong_type: return "wrong_type";
  }
  return "unknown";
}

std::string_view to_string(AckLostMode mode) {
  switch (mode) {
    case AckLostMode::drop: return "drop";
    case AckLostMode::hang: return "hang";
    case AckLostMode::error: return "error";
  }
  return "unknown";
}

}  // namespace mockex::fault

namespace mockex::fault {
namespace {

std::string millis_text(std::chrono::microseconds value) {
  auto micros = value.count();
  if (micros % 1000 == 0) return std::to_string(micros / 1000) + "ms";
  return std::to_string(micros / 1000) + "." + std::to_string((micros % 1000) / 100) + "ms";
}

struct Describe {
  std::string operator()(const Delay& e) const { return "delay " + millis_text(e.delay); }
  std::string operator()(const ErrorReply& e) const {
    auto text = "status " + std::to_string(e.status);
    if (e.code) text += " code " + std::to_string(*e.code);
    return text;
  }
  std::string operator()(const Hang&) const { return "hang"; }
  std::string operator()(const Reset&) const { return "reset"; }
  std::string operator()(const CloseAfterHeaders&) const { return "close after headers"; }
  std::string operator()(const Truncate& e) const {
    return e.keep_bytes ? "truncate to " + std::to_string(*e.keep_bytes) + " bytes" : "truncate to half";
  }
  std::string operator()(const Malformed&) const { return "malformed"; }
  std::string operator()(const SlowBody& e) const { return "slow body over " + millis_text(e.total); }
  std::string operator()(const WsRefuse& e) const { return "refuse upgrade " + std::to_string(e.status); }
  std::string operator()(const WsDisconnect& e) const {
    return e.abrupt ? "disconnect abrupt" : "disconnect " + std::to_string(e.code);
  }
  std::string operator()(const WsNoPong&) const { return "stop answering pings"; }
  std::string operator()(const Drop&) const { return "dropped"; }
  std::string operator()(const Duplicate&) const { return "duplicated"; }
  std::string operator()(const Reorder&) const { return "reordered"; }
  std::string operator()(const Corrupt& e) const { return "corrupt " + std::string(to_string(e.mode)); }
  std::string operator()(const DepthGap& e) const { return "skip " + std::to_string(e.skip) + " update ids"; }
  std::string operator()(const Stale&) const { return "stale"; }
  std::string operator()(const Lag& e) const { return "lag " + millis_text(e.lag); }
  std::string operator()(const ClockSkew& e) const { return "clock skew " + millis_text(e.offset); }
  std::string operator()(const OrderReject& e) const { return "reject " + std::to_string(e.code); }
  std::string operator()(const FillDelay& e) const {
    return (e.report_only ? "report delay " : "fill delay ") + millis_text(e.delay);
  }
  std::string operator()(const PartialFill& e) const { return "partial fill " + e.ratio_text; }
  std::string operator()(const AckLost& e) const { return "ack lost " + std::string(to_string(e.mode)); }
  std::string operator()(const CancelUnknown&) const { return "cancel answered unknown"; }
};

}  // namespace

std::string describe(const Effect& effect) { return std::visit(Describe{}, effect); }

}  // namespace mockex::fault
