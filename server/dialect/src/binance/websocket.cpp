#include <mockex/dialect/binance/websocket.hpp>

#include "ws_context.hpp"

namespace mockex::dialect::binance {

void add_websocket_routes(const core::WsRouteAdder& add, session::SessionRegistry& registry) {
  auto streams = stream_socket_factory(registry);
  for (std::string prefix : {"", "/s/{session}"}) {
    add(prefix + "/ws", streams);
    add(prefix + "/ws/{streams*}", streams);
    add(prefix + "/stream", streams);
  }
}

}  // namespace mockex::dialect::binance
