#include "fault_replies.hpp"

namespace mockex::dialect::binance {
namespace {

// The request-weight limit of the scenario, as the 429 message and weight header state it.
std::pair<std::string, std::string> weight_limit(const scenario::Scenario& scenario) {
  for (const auto& limit : scenario.rate_limits) {
    if (limit.type != scenario::RateLimit::Type::request_weight) continue;
    return {std::to_string(limit.limit),
            std::to_string(limit.interval_num) + " " + std::string(scenario::to_string(limit.interval))};
  }
  return {"6000", "1 MINUTE"};
}

// Binance's message for a code a rule names without one (the first of the table with that code).
std::optional<ApiError> known_code(int code) {
  switch (code) {
    case -1000: return make_error(Error::unknown);
    case -1003: return make_error(Error::weight_exceeded, {"6000", "1 MINUTE"});
    case -1007: return make_error(Error::backend_timeout);
    case -1008: return make_error(Error::overloaded);
    case -1013: return make_error(Error::filter_failure, {"PRICE_FILTER"});
    case -1021: return make_error(Error::timestamp_outside_window);
    case -1022: return make_error(Error::bad_signature);
    case -2010: return make_error(Error::insufficient_balance);
    case -2011: return make_error(Error::unknown_order);
    case -2013: return make_error(Error::order_does_not_exist);
    case -2015: return make_error(Error::invalid_api_key);
    default: return std::nullopt;
  }
}

ApiError with_code(ApiError base, std::optional<int> code, const std::optional<std::string>& msg) {
  if (code && *code != base.code) {
    auto known = known_code(*code);
    base.code = *code;
    base.msg = known ? known->msg : "Injected fault.";
  }
  if (msg) base.msg = *msg;
  return base;
}

}  // namespace

ApiError fault_error(const fault::ErrorReply& reply, const scenario::Scenario& scenario,
                     std::int64_t now_ms) {
  auto [limit, interval] = weight_limit(scenario);
  ApiError error;
  switch (reply.status) {
    case 429: error = make_error(Error::weight_exceeded, {limit, interval}); break;
    case 418: {
      auto until = now_ms + 1000LL * reply.retry_after_s.value_or(60);
      error = make_error(Error::ip_banned, {std::to_string(until)});
      break;
    }
    case 503: error = make_error(Error::overloaded); break;
    case 504: error = make_error(Error::backend_timeout); break;
    default: error = make_error(Error::unknown); break;
  }
  error.http_status = reply.status;
  error.headers.clear();
  if (reply.status == 429 || reply.status == 418) {
    error.headers.emplace_back("Retry-After", std::to_string(reply.retry_after_s.value_or(60)));
    error.headers.emplace_back("X-MBX-USED-WEIGHT-1M", limit);
  } else if (reply.retry_after_s) {
    error.headers.emplace_back("Retry-After", std::to_string(*reply.retry_after_s));
  }
  return with_code(std::move(error), reply.code, reply.msg);
}

ApiError order_reject_error(const fault::OrderReject& reject) {
  auto error = with_code(make_error(Error::insufficient_balance), reject.code, reject.msg);
  error.http_status = reject.status;
  return error;
}

ApiError ack_lost_error() { return make_error(Error::backend_timeout); }

std::string malformed_json(std::string text) {
  auto close = text.find_last_of("}]");
  if (close == std::string::npos) return text + ",";
  text.insert(close, ",");
  return text;
}

std::string corrupt_json(std::string text, fault::CorruptMode mode) {
  switch (mode) {
    case fault::CorruptMode::truncate: text.resize(text.size() / 2); return text;
    case fault::CorruptMode::invalid_json: return malformed_json(std::move(text));
    case fault::CorruptMode::wrong_type: break;
  }
  // The event time (a number) becomes a string; without one, the first value becomes an object.
  if (auto at = text.find("\"E\":"); at != std::string::npos) {
    auto start = at + 4;
    auto end = text.find_first_of(",}", start);
    if (end != std::string::npos) {
      return text.substr(0, start) + "\"" + text.substr(start, end - start) + "\"" + text.substr(end);
    }
  }
  if (auto colon = text.find(':'); colon != std::string::npos) {
    auto end = text.find_first_of(",}", colon + 1);
    if (end != std::string::npos) return text.substr(0, colon + 1) + "{}" + text.substr(end);
  }
  return text;
}

}  // namespace mockex::dialect::binance
