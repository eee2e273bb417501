#include "user_data_hub.hpp"

#include "stream_payloads.hpp"
#include "user_events.hpp"

#include <algorithm>
#include <variant>

namespace mockex::dialect::binance {
namespace {

// The account an event belongs to; none for the market's events.
std::optional<core::AccountId> account_of(const venue::Event& event) {
  if (const auto* update = std::get_if<venue::OrderUpdate>(&event)) return update->order.account;
  if (const auto* position = std::get_if<venue::AccountPosition>(&event)) return position->account;
  if (const auto* delta = std::get_if<venue::BalanceDelta>(&event)) return delta->account;
  return std::nullopt;
}

}  // namespace

UserDataHub::UserDataHub(session::Session& session, const ListenKeys& listen_keys)
    : session_(session), listen_keys_(listen_keys) {
  session_.listen([this](const venue::Events& events) { on_events(events); });
  session_.on_reset([this] {
    clear();
    ++clock_generation_;
  });
  session_.on_close([this] { clear(); });
}

bool UserDataHub::subscribe(ConnectionId connection, std::shared_ptr<core::WsConnection> socket,
                            core::AccountId account, std::int64_t subscription_id) {
  if (subscribed(connection, account)) return false;
  Subscriber subscriber;
  subscriber.connection = connection;
  subscriber.socket = std::move(socket);
  subscriber.account = account;
  subscriber.subscription_id = subscription_id;
  subscribers_.push_back(std::move(subscriber));
  return true;
}

bool UserDataHub::subscribe_listen_key(ConnectionId connection,
                                       std::shared_ptr<core::WsConnection> socket,
                                       std::string_view listen_key, bool combined) {
  auto key = listen_keys_.find(listen_key);
  if (key == listen_keys_.end() || !key_live(key->first, session_.clock().now().millis())) {
    return false;
  }
  bool already = std::any_of(subscribers_.begin(), subscribers_.end(), [&](const auto& s) {
    return s.connection == connection && s.listen_key == listen_key;
  });
  if (already) return true;
  Subscriber subscriber;
  subscriber.connection = connection;
  subscriber.socket = std::move(socket);
  subscriber.account = key->second.account;
  subscriber.listen_key = key->first;
  subscriber.combined = combined;
  subscribers_.push_back(std::move(subscriber));
  arm();
  return true;
}

std::size_t UserDataHub::unsubscribe(ConnectionId connection,
                                     std::optional<std::int64_t> subscription_id) {
  auto ends = [&](const Subscriber& s) {
    return s.connection == connection && s.listen_key.empty() &&
           (!subscription_id || s.subscription_id == *subscription_id);
  };
  auto terminated = event_stream_terminated(session_.clock().now().millis());
  std::size_t ended = 0;
  for (const auto& subscriber : subscribers_) {
    if (!ends(subscriber)) continue;
    send(subscriber, terminated);
    ++ended;
  }
  std::erase_if(subscribers_, ends);
  return ended;
}

void UserDataHub::remove_connection(ConnectionId connection) {
  std::erase_if(subscribers_, [&](const auto& s) { return s.connection == connection; });
}

std::vector<std::int64_t> UserDataHub::subscriptions(ConnectionId connection) const {
  std::vector<std::int64_t> out;
  for (const auto& s : subscribers_) {
    if (s.connection == connection && s.listen_key.empty()) out.push_back(s.subscription_id);
  }
  return out;
}

bool UserDataHub::subscribed(ConnectionId connection, core::AccountId account) const {
  return std::any_of(subscribers_.begin(), subscribers_.end(), [&](const auto& s) {
    return s.connection == connection && s.listen_key.empty() && s.account == account;
  });
}

void UserDataHub::on_events(const venue::Events& events) {
  if (subscribers_.empty()) return;
  expire_keys();
  const auto& venue = session_.venue();
  auto now_ms = session_.clock().now().millis();
  for (const auto& event : events) {
    auto account = account_of(event);
    if (!account) continue;
    // Execution ids count every order update, watched or not, so they repeat run after run.
    bool is_order = std::holds_alternative<venue::OrderUpdate>(event);
    auto execution_id = is_order ? next_execution_id_++ : 0;
    bool watched = std::any_of(subscribers_.begin(), subscribers_.end(),
                               [&](const auto& s) { return s.account == *account; });
    if (!watched) continue;
    if (const auto* update = std::get_if<venue::OrderUpdate>(&event)) {
      auto kind = std::string("executionReport.") + std::string(venue::to_string(update->exec));
      const auto& symbol = venue.instrument(update->order.symbol).symbol;
      auto point = ws_out_point("executionReport", kind, symbol);
      point.client_order_id = update->orig_client_order_id.empty()
                                  ? update->client_order_id.view()
                                  : update->orig_client_order_id.view();
      deliver(*account, execution_report(venue, *update, execution_id, now_ms), point);
    } else if (const auto* position = std::get_if<venue::AccountPosition>(&event)) {
      deliver(*account, account_position(venue, *position, now_ms),
              ws_out_point("outboundAccountPosition", "outboundAccountPosition", {}));
    } else if (const auto* delta = std::get_if<venue::BalanceDelta>(&event)) {
      deliver(*account, balance_update(venue, *delta, now_ms),
              ws_out_point("balanceUpdate", "balanceUpdate", {}));
    }
  }
}

void UserDataHub::deliver(core::AccountId account, const std::string& payload,
                          const fault::Point& point) {
  for (const auto& subscriber : subscribers_) {
    if (subscriber.account != account) continue;
    auto with_key = point;
    if (const auto* owner = session_.venue().account(account)) with_key.api_key = owner->api_key;
    send(subscriber, payload, &with_key);
  }
}

void UserDataHub::send(const Subscriber& subscriber, std::string_view payload,
                       const fault::Point* point) {
  std::string frame;
  if (subscriber.listen_key.empty()) {
    frame = ws_api_event(subscriber.subscription_id, payload);
  } else if (subscriber.combined) {
    frame = combined_frame(subscriber.listen_key, payload);
  } else {
    frame = std::string(payload);
  }
  journal::WsMessageRecord record;
  record.direction = journal::WsDirection::out;
  record.conn_id = subscriber.connection;
  record.stream = "userData";
  record.text = frame;
  session_.journal().record_ws_message(session_.stamp(), std::move(record));
  if (point != nullptr && point->stream == "executionReport" && !report_delays_.empty() &&
      point->event == "executionReport.TRADE") {
    if (auto late = report_delays_.find(point->client_order_id); late != report_delays_.end()) {
      send_later(session_, subscriber.socket, std::make_shared<const std::string>(std::move(frame)),
                 late->second);
      return;
    }
  }
  if (point != nullptr && (session_.faults().watches(fault::Stage::ws_out) ||
                           subscriber.faults.held)) {
    send_with_faults(session_, subscriber.socket, subscriber.faults, *point,
                     std::make_shared<const std::string>(std::move(frame)), subscriber.connection);
    return;
  }
  subscriber.socket->send_text(std::move(frame));
}

void UserDataHub::delay_reports(std::string_view client_order_id,
                                std::chrono::microseconds delay) {
  constexpr std::size_t kMostRemembered = 10'000;
  if (report_delays_.size() >= kMostRemembered) report_delays_.erase(report_delays_.begin());
  report_delays_.insert_or_assign(std::string(client_order_id), delay);
}

std::vector<UserDataHub::ConnectionId> UserDataHub::disconnect(std::string_view api_key,
                                                               const fault::WsDisconnect& how) {
  std::vector<ConnectionId> ended;
  for (const auto& subscriber : subscribers_) {
    const auto* owner = session_.venue().account(subscriber.account);
    if (!api_key.empty() && (owner == nullptr || owner->api_key != api_key)) continue;
    if (std::find(ended.begin(), ended.end(), subscriber.connection) != ended.end()) continue;
    end_connection(*subscriber.socket, how);
    ended.push_back(subscriber.connection);
  }
  return ended;
}

bool UserDataHub::key_live(const std::string& key, std::int64_t now_ms) const {
  auto found = listen_keys_.find(key);
  return found != listen_keys_.end() && found->second.expires_ms > now_ms;
}

void UserDataHub::expire_keys() {
  auto now_ms = session_.clock().now().millis();
  auto expired = [&](const Subscriber& s) {
    return !s.listen_key.empty() && !key_live(s.listen_key, now_ms);
  };
  for (const auto& subscriber : subscribers_) {
    if (expired(subscriber)) send(subscriber, listen_key_expired(subscriber.listen_key, now_ms));
  }
  std::erase_if(subscribers_, expired);
}

void UserDataHub::arm() {
  std::optional<std::int64_t> earliest;
  for (const auto& subscriber : subscribers_) {
    if (subscriber.listen_key.empty()) continue;
    auto key = listen_keys_.find(subscriber.listen_key);
    if (key == listen_keys_.end()) continue;
    if (!earliest || key->second.expires_ms < *earliest) earliest = key->second.expires_ms;
  }
  if (!earliest || (armed_for_ms_ && *armed_for_ms_ <= *earliest)) return;
  auto at_ms = *earliest;
  auto generation = clock_generation_;
  auto timer = session_.clock().schedule_at(
      core::Timestamp::from_millis(at_ms), [this, at_ms, generation] {
        if (generation != clock_generation_) return;
        if (armed_for_ms_ == at_ms) armed_for_ms_.reset();
        expire_keys();
        arm();
      });
  if (timer.ok()) armed_for_ms_ = at_ms;
}

void UserDataHub::clear() {
  subscribers_.clear();
  armed_for_ms_.reset();
}

}  // namespace mockex::dialect::binance
