#include <mockex/dialect/binance/websocket.hpp>

#include "ws_context.hpp"

namespace mockex::dialect::binance {

void add_websocket_routes(const core::WsRouteAdder& add, session::SessionRegistry& registry) {
  auto streams = stream_socket_factory(registry);
  auto ws_api = ws_api_socket_factory(registry);
  for (std::string prefix : {"", "/s/{session}"}) {
    add(prefix + "/ws", streams);
    add(prefix + "/ws/{streams*}", streams);
    add(prefix + "/stream", streams);
    add(prefix + "/ws-api/v3", ws_api);
  }
}

}  // namespace mockex::dialect::binance
