#include <mockex/dialect/binance/websocket.hpp>

#include "ws_context.hpp"

namespace mockex::dialect::binance {

namespace {

// Gives every socket the factory accepts the configured lifetime.
core::WsHandlerFactory with_lifetime(core::WsHandlerFactory factory,
                                     std::chrono::milliseconds lifetime) {
  return [factory = std::move(factory), lifetime](const core::HttpRequest& upgrade) {
    auto accepted = factory(upgrade);
    if (auto* handler = std::get_if<std::shared_ptr<core::WsHandler>>(&accepted)) {
      std::static_pointer_cast<SessionSocket>(*handler)->set_max_lifetime(lifetime);
    }
    return accepted;
  };
}

}  // namespace

void add_websocket_routes(const core::WsRouteAdder& add, session::SessionRegistry& registry,
                          WebSocketOptions options) {
  auto streams = with_lifetime(stream_socket_factory(registry), options.max_lifetime);
  auto ws_api = with_lifetime(ws_api_socket_factory(registry), options.max_lifetime);
  for (std::string prefix : {"", "/s/{session}"}) {
    add(prefix + "/ws", streams);
    add(prefix + "/ws/{streams*}", streams);
    add(prefix + "/stream", streams);
    add(prefix + "/ws-api/v3", ws_api);
  }
}

}  // namespace mockex::dialect::binance
