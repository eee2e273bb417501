// Market-stream WebSockets (spec §10.1-10.3): /ws, /ws/<stream>/<stream>..., /stream and
// /stream?streams=a/b, with SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS and SET/GET_PROPERTY.
// A live listen key in place of a stream name carries its account's user data (spec §7.5).

#include "stream_hub.hpp"
#include "stream_payloads.hpp"
#include "ws_context.hpp"

#include <mockex/dialect/binance/ws_messages.hpp>

#include <chrono>
#include <deque>

namespace mockex::dialect::binance {
namespace {

constexpr std::size_t max_streams = 1024;
constexpr std::size_t max_messages_per_second = 5;

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> out;
  while (!text.empty()) {
    auto at = text.find(separator);
    if (at != 0) out.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return out;
}

std::string json_string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += '"' + items[i] + '"';
  }
  return out + "]";
}

class StreamSocket final : public SessionSocket {
 public:
  StreamSocket(std::shared_ptr<session::Session> session, const core::HttpRequest& upgrade,
               bool combined, std::vector<std::string> tokens)
      : SessionSocket(std::move(session), upgrade), combined_(combined), tokens_(std::move(tokens)) {}

 protected:
  void opened() override {
    hub().add_client(id(), connection(), combined_);
    for (const auto& token : tokens_) {
      if (state().user_data->subscribe_listen_key(id(), connection(), token, combined_)) {
        subscribed_.push_back(token);
      } else if (auto spec = parse_stream(token); spec && hub().subscribe(id(), *spec)) {
        subscribed_.push_back(spec->name());
      }
    }
  }

  void closed() override {
    hub().remove_client(id());
    state().user_data->remove_connection(id());
  }

  std::vector<std::string> url_streams() const override { return subscribed_; }

  // Binance's planned close (spec §10.3): a serverShutdown event first.
  void lifetime_over() override {
    auto notice = server_shutdown_payload(session().clock().now().millis());
    reply(hub().combined(id()) ? combined_frame("!serverShutdown", notice) : notice,
          "!serverShutdown");
    close(1000, "connection lifetime reached");
  }

  // At most five messages in any second; the sixth closes the connection, as Binance does.
  bool admit(std::string_view) override {
    auto now = std::chrono::steady_clock::now();
    while (!recent_.empty() && now - recent_.front() >= std::chrono::seconds(1)) {
      recent_.pop_front();
    }
    if (recent_.size() >= max_messages_per_second) {
      close(1008, "Too many requests");
      return false;
    }
    recent_.push_back(now);
    return true;
  }

  void annotate(const std::string& message, journal::WsMessageRecord& record) override {
    auto parsed = parse_control(message);
    const auto* request = std::get_if<ControlRequest>(&parsed);
    if (request == nullptr) return;
    using Method = ControlRequest::Method;
    if (request->method == Method::subscribe) record.subscribe = request->streams;
    if (request->method == Method::unsubscribe) record.unsubscribe = request->streams;
  }

  void handle(const std::string& message) override {
    if (!hub().has_client(id())) return;
    auto parsed = parse_control(message);
    if (auto* error = std::get_if<ControlError>(&parsed)) {
      reply(std::move(error->reply));
      return;
    }
    const auto& request = std::get<ControlRequest>(parsed);
    using Method = ControlRequest::Method;
    switch (request.method) {
      case Method::subscribe: return subscribe(request);
      case Method::unsubscribe:
        for (const auto& name : request.streams) {
          if (auto spec = parse_stream(name)) hub().unsubscribe(id(), *spec);
        }
        return reply(control_result(request.id_json, "null"));
      case Method::list_subscriptions:
        return reply(control_result(request.id_json, json_string_array(hub().subscriptions(id()))));
      case Method::set_property:
        hub().set_combined(id(), request.value);
        return reply(control_result(request.id_json, "null"));
      case Method::get_property:
        return reply(control_result(request.id_json, hub().combined(id()) ? "true" : "false"));
    }
  }

 private:
  StreamHub& hub() { return *state().streams; }

  // All or nothing: one invalid name refuses the whole request.
  void subscribe(const ControlRequest& request) {
    std::vector<StreamSpec> specs;
    for (const auto& name : request.streams) {
      auto spec = parse_stream(name);
      if (!spec || (!spec->symbol.empty() && !session().venue().find_symbol(spec->symbol))) {
        return reply(control_invalid_stream(request.id_json));
      }
      specs.push_back(*spec);
    }
    if (hub().subscriptions(id()).size() + specs.size() > max_streams) {
      return reply(control_error(2, "Invalid request: too many streams", request.id_json));
    }
    // The reply goes before the first data of the new streams.
    reply(control_result(request.id_json, "null"));
    for (const auto& spec : specs) hub().subscribe(id(), spec);
  }

  bool combined_;
  std::vector<std::string> tokens_;
  std::vector<std::string> subscribed_;
  std::deque<std::chrono::steady_clock::time_point> recent_;  // connection strand only
};

}  // namespace

core::WsHandlerFactory stream_socket_factory(session::SessionRegistry& registry) {
  return [&registry](const core::HttpRequest& upgrade) -> core::WsAccept {
    auto found = upgrade_session(registry, upgrade);
    if (auto* refusal = std::get_if<core::HttpResponse>(&found)) return std::move(*refusal);
    auto session = std::get<std::shared_ptr<session::Session>>(std::move(found));
    auto rest = upgrade.param("streams");
    bool combined = upgrade.path.ends_with("/stream");
    std::vector<std::string> tokens;
    if (combined) {
      tokens = split(query_value(upgrade.query, "streams").value_or(""), '/');
    } else if (rest) {
      tokens = split(*rest, '/');
    }
    return std::make_shared<StreamSocket>(std::move(session), upgrade, combined, std::move(tokens));
  };
}

}  // namespace mockex::dialect::binance
