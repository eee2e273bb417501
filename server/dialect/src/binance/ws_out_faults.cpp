#include "ws_out_faults.hpp"

#include "fault_replies.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <deque>

namespace mockex::dialect::binance {

struct WsOutState::Lagged {
  explicit Lagged(const session::Session::Executor& executor) : timer(executor) {}
  boost::asio::steady_timer timer;
  std::deque<std::pair<std::chrono::steady_clock::time_point, SharedText>> queue;
};

namespace {

void drain_lagged(const std::shared_ptr<WsOutState::Lagged>& lagged,
                  const std::shared_ptr<core::WsConnection>& connection);

// Waits for the first lagged message to be due.
void arm_lagged(const std::shared_ptr<WsOutState::Lagged>& lagged,
                const std::shared_ptr<core::WsConnection>& connection) {
  lagged->timer.expires_at(lagged->queue.front().first);
  lagged->timer.async_wait([lagged, connection](const boost::system::error_code& ec) {
    if (!ec) drain_lagged(lagged, connection);
  });
}

// Sends what is due, in order, and waits for the next.
void drain_lagged(const std::shared_ptr<WsOutState::Lagged>& lagged,
                  const std::shared_ptr<core::WsConnection>& connection) {
  auto now = std::chrono::steady_clock::now();
  while (!lagged->queue.empty() && lagged->queue.front().first <= now) {
    connection->send_shared(std::move(lagged->queue.front().second));
    lagged->queue.pop_front();
  }
  if (!lagged->queue.empty()) arm_lagged(lagged, connection);
}

struct Decision {
  bool drop = false;
  int copies = 1;
  bool reorder = false;
  std::chrono::microseconds delay{0};
  std::chrono::microseconds lag{0};
  std::optional<fault::WsDisconnect> disconnect;
  bool stop_reading = false;
  std::optional<std::string> text;  // the frame, changed

  std::string& edit(const SharedText& frame) {
    if (!text) text = *frame;
    return *text;
  }
};

}  // namespace

void send_later(session::Session& session, std::shared_ptr<core::WsConnection> connection,
                SharedText frame, std::chrono::microseconds delay, int copies) {
  auto timer = std::make_shared<boost::asio::steady_timer>(session.executor(), delay);
  timer->async_wait([timer, connection = std::move(connection), frame = std::move(frame),
                     copies](const boost::system::error_code& ec) {
    if (ec) return;
    for (int i = 0; i < copies; ++i) connection->send_shared(frame);
  });
}

void end_connection(core::WsConnection& connection, const fault::WsDisconnect& how) {
  if (how.abrupt) {
    connection.abort_connection();
  } else {
    connection.close(static_cast<std::uint16_t>(how.code), "injected disconnect");
  }
}

fault::Point ws_out_point(std::string_view stream, std::string_view event, std::string_view symbol) {
  fault::Point point;
  point.stage = fault::Stage::ws_out;
  point.protocol = "ws";
  point.stream = stream;
  point.event = event;
  point.symbol = symbol;
  return point;
}

void send_with_faults(session::Session& session,
                      const std::shared_ptr<core::WsConnection>& connection, WsOutState& state,
                      const fault::Point& point, SharedText frame, std::uint64_t connection_id) {
  if (auto gap = state.gap_left.find(point.stream); gap != state.gap_left.end()) {
    if (point.event == "depthUpdate" && gap->second > 0) {
      if (--gap->second == 0) state.gap_left.erase(gap);
      return;
    }
  }
  Decision d;
  if (session.faults().watches(fault::Stage::ws_out)) {
    auto target = [&] { return "ws " + std::to_string(connection_id) + " " + std::string(point.stream); };
    for (const auto& fired : session.faults().decide(point, target)) {
      std::visit(
          [&](const auto& effect) {
            using E = std::decay_t<decltype(effect)>;
            if constexpr (std::is_same_v<E, fault::Drop>) {
              d.drop = true;
            } else if constexpr (std::is_same_v<E, fault::DepthGap>) {
              d.drop = true;
              if (effect.skip > 1) state.gap_left[std::string(point.stream)] = effect.skip - 1;
            } else if constexpr (std::is_same_v<E, fault::Duplicate>) {
              ++d.copies;
            } else if constexpr (std::is_same_v<E, fault::Reorder>) {
              d.reorder = true;
            } else if constexpr (std::is_same_v<E, fault::Delay>) {
              d.delay += effect.delay;
            } else if constexpr (std::is_same_v<E, fault::Lag>) {
              d.lag += effect.lag;
            } else if constexpr (std::is_same_v<E, fault::Corrupt>) {
              d.text = corrupt_json(d.edit(frame), effect.mode);
            } else if constexpr (std::is_same_v<E, fault::Malformed>) {
              d.text = malformed_json(d.edit(frame));
            } else if constexpr (std::is_same_v<E, fault::Truncate>) {
              auto& text = d.edit(frame);
              text.resize(effect.keep_bytes ? std::min<std::size_t>(*effect.keep_bytes, text.size())
                                            : text.size() / 2);
            } else if constexpr (std::is_same_v<E, fault::WsDisconnect>) {
              d.disconnect = effect;
            } else if constexpr (std::is_same_v<E, fault::WsNoPong>) {
              d.stop_reading = true;
            }
          },
          fired.effect);
    }
  }
  if (d.stop_reading) connection->stop_reading();
  if (d.disconnect) return end_connection(*connection, *d.disconnect);
  if (d.drop) return;
  if (d.text) frame = std::make_shared<const std::string>(std::move(*d.text));
  if (d.lag.count() > 0) {
    if (!state.lagged) state.lagged = std::make_shared<WsOutState::Lagged>(session.executor());
    auto due = std::chrono::steady_clock::now() + d.lag + d.delay;
    if (!state.lagged->queue.empty()) due = std::max(due, state.lagged->queue.back().first);
    bool idle = state.lagged->queue.empty();
    for (int i = 0; i < d.copies; ++i) state.lagged->queue.emplace_back(due, frame);
    if (idle) arm_lagged(state.lagged, connection);
    return;
  }
  if (d.delay.count() > 0) return send_later(session, connection, std::move(frame), d.delay, d.copies);
  if (d.reorder && !state.held) {
    state.held = std::move(frame);
    return;
  }
  for (int i = 0; i < d.copies; ++i) connection->send_shared(frame);
  if (state.held) connection->send_shared(std::move(state.held));
  state.held.reset();
}

}  // namespace mockex::dialect::binance
