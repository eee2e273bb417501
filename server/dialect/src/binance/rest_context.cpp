#include "rest_context.hpp"

#include "fault_replies.hpp"
#include "rest_faults.hpp"

#include <mockex/core/decimal.hpp>

#include <mockex/dialect/binance/signature.hpp>

#include <boost/asio/post.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <limits>

namespace mockex::dialect::binance {
namespace {

core::HttpResponse json_response(int status, std::string body) {
  core::HttpResponse response{status, {}, std::move(body), {}};
  response.headers.reserve(4);  // room for the rate-limit headers added next
  response.headers.emplace_back("Content-Type", json_content_type);
  return response;
}

void add_headers(core::HttpResponse& response, core::HeaderList&& headers) {
  for (auto& [name, value] : headers) response.set_header(std::move(name), std::move(value));
}

bool legal_symbol(std::string_view symbol) {
  return !symbol.empty() && symbol.size() <= 20 &&
         std::all_of(symbol.begin(), symbol.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.';
         });
}

}  // namespace

std::string client_ip(const core::HttpRequest& request) {
  const auto& remote = request.remote_address;
  auto colon = remote.rfind(':');
  return colon == std::string::npos ? remote : remote.substr(0, colon);
}

// The key and signature checks of spec §3.3 and §3.4, in Binance's order. Timing is checked
// against the wall clock (moved by a clock_skew fault): clients sign with their own clock,
// whatever the session's scenario time.
std::variant<core::AccountId, ApiError> authenticate(session::Session& session,
                                                     const core::HttpRequest& request,
                                                     const Params& params, Security security,
                                                     std::int64_t skew_ms) {
  auto key = request.header("X-MBX-APIKEY");
  if (!key || key->empty()) return make_error(Error::api_key_format);
  auto account = session.venue().find_account(*key);
  auto secret = session.secret(*key);
  if (!account || !secret) return make_error(Error::invalid_api_key);
  if (security == Security::signed_call) {
    auto wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
    if (auto error = check_timing(params, wall_ms + skew_ms)) return *error;
    auto signed_ = signed_payload(request.query, request.body);
    if (!signed_.signature || !signature_matches(*secret, signed_.payload, *signed_.signature)) {
      return make_error(Error::bad_signature);
    }
  }
  return *account;
}

core::HttpHandler rest_handler(session::SessionRegistry& registry, Weight weight, RestBody body,
                               Security security) {
  return [&registry, weight = std::move(weight), body = std::move(body), security](
             core::HttpRequest&& request, core::Responder respond) {
    auto id = request.param("session");
    auto session = id ? registry.find(*id) : registry.default_session();
    if (!session || session->closed()) {
      auto error = make_error(Error::not_found, {request.path});
      error.msg = "Unknown session: " + std::string(id.value_or("default"));
      respond(to_response(error));
      return;
    }
    auto parsed = Params::parse(request.query, request.body);
    // Posted, not dispatched, even when this thread could run it at once: measured with one I/O
    // thread, running each call inside its read ran fewer instructions but answered ~15 % fewer
    // requests a second.
    boost::asio::post(session->executor(), [session, &weight, &body, security,
                                            request = std::move(request),
                                            parsed = std::move(parsed),
                                            respond = std::move(respond)]() mutable {
      if (session->closed()) {
        respond(to_response(make_error(Error::unknown)));
        return;
      }
      session->touch();
      session->clock().catch_up();
      auto now_ms = session->clock().now().millis();
      auto started = std::chrono::steady_clock::now();
      auto api_key = std::string(request.header("X-MBX-APIKEY").value_or(""));
      session->journal().record_http_request(
          session->stamp(), {request.method, request.path, request.query, request.remote_address,
                             api_key, {}, request.body});
      RestFaults faults;
      if (session->faults().watches(fault::Stage::http_request)) {
        faults = decide_rest_faults(*session, request, std::get_if<Params>(&parsed), api_key);
        if (faults.instead && faults.instead->effect.action != core::WireEffect::Action::none) {
          respond(std::move(*faults.instead));  // a hang or a reset: nothing is answered
          return;
        }
      }
      auto& state = binance_state(*session);
      std::optional<std::string> frozen_key;  // set: this answer is kept for a stale fault
      // Every answer goes out through here (all within this call): kept for a stale fault,
      // faults applied, journaled. `respond` alone is for answers that never reach the client.
      auto answer = [&](core::HttpResponse response) {
        if (frozen_key) state.stale_answers.emplace(*frozen_key, response);
        faults.apply(response);
        auto latency = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - started);
        session->journal().record_http_response(
            session->stamp(), {request.method, request.path, request.query, request.remote_address,
                               api_key, response.status, latency.count(), request.body,
                               response.body});
        respond(std::move(response));
      };
      if (faults.instead) return answer(std::move(*faults.instead));
      if (stale_market_data(*session, request, std::get_if<Params>(&parsed))) {
        auto key = request.target.substr(request.path.size() - venue_path(request).size());
        if (auto frozen = state.stale_answers.find(key); frozen != state.stale_answers.end()) {
          return answer(frozen->second);
        }
        frozen_key = std::move(key);
      } else if (!state.stale_answers.empty() &&
                 !session->faults().watches(fault::Stage::market_data)) {
        state.stale_answers.clear();  // the last stale fault is over
      }
      if (auto* error = std::get_if<ApiError>(&parsed)) {
        answer(to_response(*error));
        return;
      }
      const auto& params = std::get<Params>(parsed);
      // A clock_skew fault moves the server's time: serverTime and the timestamp check.
      auto skew_ms = clock_skew_ms(*session, request, api_key);
      now_ms += skew_ms;
      core::AccountId account;
      if (security != Security::none) {
        auto authenticated = authenticate(*session, request, params, security, skew_ms);
        if (auto* error = std::get_if<ApiError>(&authenticated)) {
          answer(to_response(*error));
          return;
        }
        account = std::get<core::AccountId>(authenticated);
      }
      auto charge = state.limiter.charge_request(client_ip(request), weight(params), now_ms);
      if (charge.refusal) {
        answer(to_response(*charge.refusal));
        return;
      }
      core::HeaderList extra_headers;
      RestCall call{*session, state, request, params, now_ms, account, extra_headers, std::nullopt};
      auto result = body(call);
      if (call.ack_lost) {
        // The order is placed; its acknowledgement is what gets lost.
        using Action = core::WireEffect::Action;
        switch (*call.ack_lost) {
          case fault::AckLostMode::drop: return respond(silent_response(Action::reset));
          case fault::AckLostMode::hang: return respond(silent_response(Action::hang));
          case fault::AckLostMode::error: result = ack_lost_error(); break;
        }
      }
      if (!std::holds_alternative<ApiError>(result)) {
        if (auto unread = unread_parameters(call)) result = *unread;
      }
      core::HttpResponse response = std::holds_alternative<ApiError>(result)
                                        ? to_response(std::get<ApiError>(result))
                                        : json_response(200, success_text(std::move(result)));
      add_headers(response, std::move(charge.headers));
      add_headers(response, std::move(extra_headers));
      answer(std::move(response));
    });
  };
}

std::string success_text(RestResult&& result) {
  if (auto* text = std::get_if<JsonText>(&result)) return std::move(text->text);
  return std::get<nlohmann::json>(result).dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace);
}

std::optional<ApiError> unread_parameters(const RestCall& call) {
  if (!call.session.scenario().strict_params) return std::nullopt;
  for (const char* implied : {"signature", "apiKey"}) call.params.get(implied);
  auto read = call.params.read_count();
  if (read == call.params.size()) return std::nullopt;
  return make_error(Error::not_all_read,
                    {std::to_string(read), std::to_string(call.params.size())});
}

std::string decimal(std::int64_t units, core::Scale scale) {
  return core::format_decimal(units, scale);
}

Scales scales_of(const venue::Venue& venue, venue::SymbolId id) {
  const auto& spec = venue.instrument(id);
  return {spec.price_scale, spec.qty_scale, venue.asset(venue.quote_asset(id)).scale};
}

std::variant<venue::SymbolId, ApiError> required_symbol(const RestCall& call) {
  auto text = call.params.non_empty("symbol");
  if (!text) return make_error(Error::mandatory_parameter, {"symbol"});
  if (!legal_symbol(*text)) {
    return make_error(Error::illegal_characters, {"symbol", "^[A-Z0-9-_.]{1,20}$"});
  }
  auto id = call.session.venue().find_symbol(*text);
  if (!id) return make_error(Error::invalid_symbol);
  return *id;
}

std::variant<SymbolSelection, ApiError> selected_symbols(const RestCall& call) {
  auto& venue = call.session.venue();
  auto one = call.params.non_empty("symbol");
  auto many = call.params.non_empty("symbols");
  if (one && many) return make_error(Error::invalid_combination);
  SymbolSelection out;
  if (one) {
    auto id = required_symbol(call);
    if (auto* error = std::get_if<ApiError>(&id)) return *error;
    out.ids.push_back(std::get<venue::SymbolId>(id));
    out.single = true;
  } else if (many) {
    auto names = parse_string_array(*many);
    if (!names || names->empty()) {
      return make_error(Error::illegal_characters, {"symbols", "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$"});
    }
    for (const auto& name : *names) {
      auto id = venue.find_symbol(name);
      if (!id) return make_error(Error::invalid_symbol);
      out.ids.push_back(*id);
    }
  } else {
    for (std::uint32_t i = 0; i < venue.symbol_count(); ++i) out.ids.push_back({i});
  }
  return out;
}

std::variant<std::optional<std::int64_t>, ApiError> int_param(const Params& params,
                                                              std::string_view name,
                                                              std::int64_t min, std::int64_t max) {
  auto text = params.non_empty(name);
  if (!text) return std::optional<std::int64_t>{};
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value < min || value > max) {
    return make_error(Error::illegal_characters, {name, "^[0-9]{1,20}$"});
  }
  return std::optional<std::int64_t>{value};
}

std::variant<std::size_t, ApiError> limit_param(const Params& params, std::size_t fallback,
                                                std::size_t most) {
  auto limit = int_param(params, "limit", 1, std::numeric_limits<std::int64_t>::max());
  if (auto* error = std::get_if<ApiError>(&limit)) return *error;
  auto value = std::get<std::optional<std::int64_t>>(limit);
  if (!value) return fallback;
  return std::min(static_cast<std::size_t>(*value), most);
}

void add_both(const core::RouteAdder& add, const std::string& method, const std::string& pattern,
              const core::HttpHandler& handler) {
  add(method, pattern, handler);
  add(method, "/s/{session}" + pattern, handler);
}

}  // namespace mockex::dialect::binance
