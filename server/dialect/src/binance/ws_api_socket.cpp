// The WebSocket API (spec §11) at /ws-api/v3: JSON requests answered in Binance's envelope
// (§11.2), HMAC-signed like REST (§11.3), user data stream subscriptions, session logon, and the
// trading and account methods, whose bodies are the REST endpoints' own (trading_calls.hpp).

#include "fault_replies.hpp"
#include "json_writer.hpp"
#include "trading_calls.hpp"
#include "user_data_hub.hpp"
#include "ws_context.hpp"

#include <boost/asio/steady_timer.hpp>

#include <mockex/dialect/binance/signature.hpp>
#include <mockex/dialect/binance/ws_messages.hpp>

#include <charconv>
#include <chrono>
#include <limits>
#include <optional>

namespace mockex::dialect::binance {
namespace {

using nlohmann::json;

constexpr int connection_weight = 2;  // spec §4.4: a WS API connection weighs 2

// What a method needs from the caller before its body runs.
enum class Auth {
  none,
  signed_call,  // apiKey + timestamp + signature (or a logged-on session, without them)
  logged_on,    // session.logon first, else 401 -2015
};

class WsApiSocket;
using MethodBody = RestResult (*)(WsApiSocket&, RestCall&);

struct Method {
  std::string_view name;
  Auth auth;
  Weight weight;
  MethodBody body;
  bool counts_orders = false;  // the reply's rateLimits carry the account's ORDERS counts
};

const std::vector<Method>& methods();

// The rateLimits array of the envelope (spec §11.2), Binance's order: ORDERS, then weight.
using LimitCounts = std::vector<std::pair<RateLimit, std::int64_t>>;

void write_rate_limits(JsonWriter& w, const LimitCounts& limits) {
  static constexpr const char* types[] = {"REQUEST_WEIGHT", "ORDERS", "RAW_REQUESTS"};
  static constexpr const char* intervals[] = {"SECOND", "MINUTE", "HOUR", "DAY"};
  w.key("rateLimits").begin_array();
  for (const auto& [limit, count] : limits) {
    w.begin_object()
        .field("rateLimitType", types[static_cast<int>(limit.type)])
        .field("interval", intervals[static_cast<int>(limit.interval)])
        .field("intervalNum", limit.interval_num)
        .field("limit", limit.limit)
        .field("count", count)
        .end_object();
  }
  w.end_array();
}

// The Retry-After of a 429 or 418, in seconds.
std::optional<std::int64_t> retry_after_s(const ApiError& error) {
  auto text = core::find_header(error.headers, "Retry-After");
  std::int64_t seconds = 0;
  if (!text) return std::nullopt;
  auto parsed = std::from_chars(text->data(), text->data() + text->size(), seconds);
  return parsed.ec == std::errc{} ? std::optional(seconds) : std::nullopt;
}

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class WsApiSocket final : public SessionSocket {
 public:
  WsApiSocket(std::shared_ptr<session::Session> session, const core::HttpRequest& upgrade)
      : SessionSocket(std::move(session), upgrade),
        upgrade_(upgrade),
        ip_(client_ip(upgrade)),
        return_rate_limits_(query_value(upgrade.query, "returnRateLimits") != "false") {}

  // --- method bodies (the table in methods()) ---

  RestResult ping(RestCall&) { return json::object(); }
  RestResult time(RestCall& call) { return json{{"serverTime", call.now_ms}}; }

  RestResult logon(RestCall& call) {
    const auto* account = session().venue().account(call.account);
    logon_ = Logon{call.account, account ? account->api_key : std::string(), call.now_ms};
    return session_status(call);
  }
  RestResult logout(RestCall& call) {
    logon_.reset();
    return session_status(call);
  }
  // session.logon, .status and .logout all answer with the session's state.
  RestResult session_status(RestCall& call) {
    json api_key = logon_ ? json(logon_->api_key) : json(nullptr);
    json since = logon_ ? json(logon_->since_ms) : json(nullptr);
    return json{{"apiKey", std::move(api_key)},
                {"authorizedSince", std::move(since)},
                {"connectedSince", connected_since_ms_},
                {"returnRateLimits", return_rate_limits_},
                {"serverTime", call.now_ms},
                {"userDataStream", !hub().subscriptions(id()).empty()}};
  }

  RestResult subscribe(RestCall& call) {
    if (!hub().subscribe(id(), connection(), call.account, next_subscription_id_)) {
      return make_error(Error::subscription_active);
    }
    return json{{"subscriptionId", next_subscription_id_++}};
  }
  RestResult unsubscribe(RestCall& call) {
    constexpr auto most = std::numeric_limits<std::int64_t>::max();
    auto which = int_param(call.params, "subscriptionId", 0, most);
    if (auto* error = std::get_if<ApiError>(&which)) return *error;
    hub().unsubscribe(id(), std::get<std::optional<std::int64_t>>(which));
    return json::object();
  }
  RestResult subscriptions(RestCall&) {
    json out = json::array();
    for (auto subscription : hub().subscriptions(id())) {
      out.push_back({{"subscriptionId", subscription}});
    }
    return out;
  }

 protected:
  void opened() override {
    connected_since_ms_ = session().clock().now().millis();
    // The connection counts against the IP's weight; over the limit it is still accepted, and
    // its requests are refused with 429 as they come.
    state().limiter.charge_request(ip_, connection_weight, connected_since_ms_);
    // The session's owners end its sockets on reset and close: this one is ours to close.
    auto weak = weak_from_this();
    reset_token_ = session().on_reset([this, weak] {
      if (weak.lock()) close(1012, "session reset");
    });
    close_token_ = session().on_close([this, weak] {
      if (weak.lock()) close(1001, "session closed");
    });
  }

  void closed() override {
    hub().remove_connection(id());
    session().unlisten(reset_token_);
    session().unlisten(close_token_);
  }

  void handle(const std::string& message) override {
    session().clock().catch_up();
    auto parsed = parse_ws_api_request(message);
    if (auto* error = std::get_if<std::string>(&parsed)) return reply(std::move(*error));
    const auto& request = std::get<WsApiRequest>(parsed);
    if (session().faults().watches(fault::Stage::ws_api_request)) {
      fault::Point point;
      point.stage = fault::Stage::ws_api_request;
      point.protocol = "ws-api";
      point.ws_api_method = request.method;
      if (logon_) point.api_key = logon_->api_key;
      std::chrono::microseconds delay{0};
      for (const auto& fired : session().faults().decide(
               point, [&] { return "ws-api " + request.method; })) {
        if (std::holds_alternative<fault::Hang>(fired.effect)) return;  // never answered
        if (const auto* error = std::get_if<fault::ErrorReply>(&fired.effect)) {
          auto now_ms = session().clock().now().millis();
          return answer(request, fault_error(*error, session().scenario(), now_ms), now_ms,
                        false, {});
        }
        if (const auto* latency = std::get_if<fault::Delay>(&fired.effect)) delay += latency->delay;
      }
      if (delay.count() > 0) return handle_later(request, delay);
    }
    serve(request);
  }

 private:
  // A latency fault: the request is served once `delay` has passed (later requests may overtake
  // it, as on a real server).
  void handle_later(const WsApiRequest& request, std::chrono::microseconds delay) {
    auto timer = std::make_shared<boost::asio::steady_timer>(session().executor(), delay);
    auto self = std::static_pointer_cast<WsApiSocket>(shared_from_this());
    timer->async_wait([timer, self, request](const boost::system::error_code& ec) {
      if (ec || self->session().closed()) return;
      self->session().clock().catch_up();
      self->serve(request);
    });
  }

  void serve(const WsApiRequest& request) {
    auto now_ms = session().clock().now().millis();
    auto params = request.as_params();
    const auto* method = find_method(request.method);
    auto rate_limits = return_rate_limits(params);
    if (method == nullptr) {
      return answer(request, make_error(Error::unsupported), now_ms, rate_limits, {});
    }
    auto authenticated = authenticate(request, params, method->auth);
    if (auto* error = std::get_if<ApiError>(&authenticated)) {
      return answer(request, *error, now_ms, rate_limits, {});
    }
    auto account = std::get<core::AccountId>(authenticated);
    auto charge = state().limiter.charge_request(ip_, method->weight(params), now_ms);
    if (charge.refusal) return answer(request, *charge.refusal, now_ms, rate_limits, {});
    core::HeaderList headers;
    RestCall call{session(), state(), upgrade_, params, now_ms, account, headers, std::nullopt};
    auto result = method->body(*this, call);
    if (call.ack_lost) {
      // The order is placed; its answer is lost (dropped and hung both mean no reply here).
      if (*call.ack_lost != fault::AckLostMode::error) return;
      result = ack_lost_error();
    }
    answer(request, std::move(result), now_ms, rate_limits,
           method->counts_orders ? std::optional(account) : std::nullopt);
  }

  struct Logon {
    core::AccountId account;
    std::string api_key;
    std::int64_t since_ms = 0;
  };

  UserDataHub& hub() { return *state().user_data; }

  static const Method* find_method(std::string_view name) {
    for (const auto& method : methods()) {
      if (method.name == name) return &method;
    }
    return nullptr;
  }

  // returnRateLimits=false in the params wins over the connection's URL setting.
  bool return_rate_limits(const Params& params) const {
    auto value = params.get("returnRateLimits");
    return value ? *value != "false" : return_rate_limits_;
  }

  // The checks of spec §3.3 and §3.4 over the params (§11.3). Timing uses the wall clock, as
  // REST does: clients sign with their own clock.
  std::variant<core::AccountId, ApiError> authenticate(const WsApiRequest& request,
                                                       const Params& params, Auth auth) {
    if (auth == Auth::none) return core::AccountId{};
    if (auth == Auth::logged_on || (logon_ && !params.has("apiKey") && !params.has("signature"))) {
      if (!logon_) return make_error(Error::invalid_api_key);
      return logon_->account;
    }
    auto key = params.non_empty("apiKey");
    if (!key) return make_error(Error::mandatory_parameter, {"apiKey"});
    auto account = session().venue().find_account(*key);
    auto secret = session().secret(*key);
    if (!account || !secret) return make_error(Error::invalid_api_key);
    if (auto error = check_timing(params, wall_ms())) return *error;
    if (!signature_matches(*secret, request.signature_payload(), *params.non_empty("signature"))) {
      return make_error(Error::bad_signature);
    }
    return *account;
  }

  // {"id","status","result"|"error","rateLimits"} (spec §11.2).
  void answer(const WsApiRequest& request, RestResult result, std::int64_t now_ms,
              bool with_rate_limits, std::optional<core::AccountId> orders_of) {
    JsonWriter w;
    w.begin_object().key("id").raw(request.id_json);
    if (const auto* error = std::get_if<ApiError>(&result)) {
      w.field("status", error->http_status).key("error").begin_object();
      w.field("code", error->code).field("msg", error->msg);
      if (auto retry = retry_after_s(*error)) {
        // 429 and 418 say when to come back (spec §11.2): a time in ms, not REST's seconds.
        w.key("data").begin_object().field("serverTime", now_ms);
        w.field("retryAfter", now_ms + 1000 * *retry).end_object();
      }
      w.end_object();
    } else {
      w.field("status", 200).key("result").raw(success_text(std::move(result)));
    }
    if (with_rate_limits) {
      auto limits = orders_of ? state().limiter.order_counts(orders_of->value(), now_ms)
                              : LimitCounts{};
      for (auto& weight : state().limiter.weight_counts(ip_, now_ms)) limits.push_back(weight);
      write_rate_limits(w, limits);
    }
    w.end_object();
    reply(w.take(), request.method);
  }

  core::HttpRequest upgrade_;
  std::string ip_;
  bool return_rate_limits_ = true;
  std::int64_t connected_since_ms_ = 0;
  std::optional<Logon> logon_;
  std::int64_t next_subscription_id_ = 0;  // per connection, from 0 (spec §11.4)
  std::uint64_t reset_token_ = 0;
  std::uint64_t close_token_ = 0;
};

// A trading method: the REST endpoint's body.
template <RestResult (*Body)(RestCall&)>
RestResult rest(WsApiSocket&, RestCall& call) {
  return Body(call);
}

template <RestResult (WsApiSocket::*Body)(RestCall&)>
RestResult own(WsApiSocket& socket, RestCall& call) {
  return (socket.*Body)(call);
}

const std::vector<Method>& methods() {
  using S = WsApiSocket;
  static const std::vector<Method> table{
      {"ping", Auth::none, fixed_weight(1), own<&S::ping>, false},
      {"time", Auth::none, fixed_weight(1), own<&S::time>, false},
      {"session.logon", Auth::signed_call, fixed_weight(2), own<&S::logon>, false},
      {"session.status", Auth::none, fixed_weight(2), own<&S::session_status>, false},
      {"session.logout", Auth::none, fixed_weight(2), own<&S::logout>, false},
      {"session.subscriptions", Auth::none, fixed_weight(2), own<&S::subscriptions>, false},
      {"userDataStream.subscribe", Auth::logged_on, fixed_weight(2), own<&S::subscribe>, false},
      {"userDataStream.subscribe.signature", Auth::signed_call, fixed_weight(2),
       own<&S::subscribe>, false},
      {"userDataStream.unsubscribe", Auth::none, fixed_weight(2), own<&S::unsubscribe>, false},
      {"order.place", Auth::signed_call, fixed_weight(1), rest<place_order>, true},
      {"order.cancel", Auth::signed_call, fixed_weight(1), rest<cancel_order>, false},
      {"order.status", Auth::signed_call, fixed_weight(4), rest<query_order>, false},
      {"openOrders.status", Auth::signed_call, open_orders_weight, rest<open_orders>, false},
      {"openOrders.cancelAll", Auth::signed_call, fixed_weight(1), rest<cancel_open_orders>, false},
      {"account.status", Auth::signed_call, fixed_weight(20), rest<account>, false},
  };
  return table;
}

}  // namespace

core::WsHandlerFactory ws_api_socket_factory(session::SessionRegistry& registry) {
  return [&registry](const core::HttpRequest& upgrade) -> core::WsAccept {
    auto found = upgrade_session(registry, upgrade);
    if (auto* refusal = std::get_if<core::HttpResponse>(&found)) return std::move(*refusal);
    auto session = std::get<std::shared_ptr<session::Session>>(std::move(found));
    return std::make_shared<WsApiSocket>(std::move(session), upgrade);
  };
}

}  // namespace mockex::dialect::binance
