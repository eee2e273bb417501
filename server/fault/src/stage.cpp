#include "mockex/fault/stage.hpp"

namespace mockex::fault {

std::string_view to_string(Stage stage) {
  switch (stage) {
    case Stage::http_request: return "http_request";
    case Stage::ws_upgrade: return "ws_upgrade";
    case Stage::ws_out: return "ws_out";
    case Stage::ws_api_request: return "ws_api_request";
    case Stage::order_new: return "order_new";
    case Stage::order_cancel: return "order_cancel";
    case Stage::market_data: return "market_data";
    case Stage::time: return "time";
  }
  return "unknown";
}

}  // namespace mockex::fault
