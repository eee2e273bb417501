#include <mockex/dialect/binance/ws_messages.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace mockex::dialect::binance {
namespace {

using nlohmann::json;

constexpr std::size_t max_streams_per_request = 1024;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string top_level_error(int code, std::string_view msg, std::string_view id_json) {
  return R"({"code":)" + std::to_string(code) + R"(,"msg":)" + dump(json(msg)) + R"(,"id":)" +
         std::string(id_json) + "}";
}

// Accepts an int64, an alphanumeric string of at most 36 characters, or null (spec §10.2).
std::optional<std::string> valid_id(const json& id) {
  if (id.is_null()) return "null";
  if (id.is_number_integer()) return dump(id);
  if (id.is_string()) {
    const auto& text = id.get_ref<const std::string&>();
    bool ok = text.size() <= 36 && std::all_of(text.begin(), text.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
    if (ok) return dump(id);
  }
  return std::nullopt;
}

// Collects the raw text of floating-point numbers inside the top-level "params" object, so a
// signed `0.001` is verified as `0.001` and never as a re-printed double.
class RawNumberCollector : public nlohmann::json_sax<json> {
 public:
  std::map<std::string, std::string> raw;

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t& text) override {
    if (in_params()) raw[key_] = text;
    return scalar();
  }
  bool string(string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool start_object(std::size_t) override {
    params_depth_ = (depth_ == 1 && key_ == "params") ? depth_ + 1 : params_depth_;
    ++depth_;
    return true;
  }
  bool end_object() override {
    --depth_;
    if (depth_ < params_depth_) params_depth_ = 0;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    return true;
  }
  bool end_array() override {
    --depth_;
    return true;
  }
  bool key(string_t& name) override {
    key_ = name;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool in_params() const { return params_depth_ != 0 && depth_ == params_depth_; }
  bool scalar() { return true; }
  int depth_ = 0;
  int params_depth_ = 0;  // depth inside the params object, 0 when outside
  std::string key_;
};

std::string ws_api_error(std::string_view id_json, int code, std::string_view msg) {
  return R"({"id":)" + std::string(id_json) + R"(,"status":400,"error":{"code":)" +
         std::to_string(code) + R"(,"msg":)" + dump(json(msg)) + "}}";
}

}  // namespace

std::variant<ControlRequest, ControlError> parse_control(std::string_view text) {
  auto doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    return ControlError{top_level_error(3, "Invalid JSON: expected a JSON object", "null")};
  }
  if (!doc.is_object()) {
    return ControlError{top_level_error(2, "Invalid request: expected an object", "null")};
  }
  ControlRequest request;
  if (auto id = doc.find("id"); id != doc.end()) {
    auto valid = valid_id(*id);
    if (!valid) {
      return ControlError{
          top_level_error(2, "Invalid request: request ID must be an unsigned integer", "null")};
    }
    request.id_json = *valid;
  }
  auto invalid = [&](std::string_view why) {
    return ControlError{top_level_error(2, std::string("Invalid request: ") + std::string(why),
                                        request.id_json)};
  };
  auto method = doc.find("method");
  if (method == doc.end() || !method->is_string()) return invalid("missing method");
  const auto& name = method->get_ref<const std::string&>();
  auto params = doc.find("params");
  if (name == "SUBSCRIBE" || name == "UNSUBSCRIBE") {
    request.method = name == "SUBSCRIBE" ? ControlRequest::Method::subscribe
                                         : ControlRequest::Method::unsubscribe;
    if (params == doc.end() || !params->is_array()) return invalid("params must be an array");
    if (params->size() > max_streams_per_request) return invalid("too many parameters");
    for (const auto& stream : *params) {
      if (!stream.is_string()) return invalid("stream names must be strings");
      request.streams.push_back(stream.get<std::string>());
    }
  } else if (name == "LIST_SUBSCRIPTIONS") {
    request.method = ControlRequest::Method::list_subscriptions;
  } else if (name == "SET_PROPERTY" || name == "GET_PROPERTY") {
    bool set = name == "SET_PROPERTY";
    request.method = set ? ControlRequest::Method::set_property
                         : ControlRequest::Method::get_property;
    if (params == doc.end() || !params->is_array() || params->empty() ||
        !(*params)[0].is_string() || params->size() != (set ? 2u : 1u)) {
      return invalid("invalid parameters");
    }
    request.property = (*params)[0].get<std::string>();
    if (request.property != "combined") {
      return ControlError{top_level_error(0, "Unknown property", request.id_json)};
    }
    if (set) {
      if (!(*params)[1].is_boolean()) {
        return ControlError{
            top_level_error(1, "Invalid value type: expected Boolean", request.id_json)};
      }
      request.value = (*params)[1].get<bool>();
    }
  } else {
    return invalid("unknown method");
  }
  return request;
}

std::string control_result(std::string_view id_json, std::string_view result_json) {
  return R"({"result":)" + std::string(result_json) + R"(,"id":)" + std::string(id_json) + "}";
}

std::string control_invalid_stream(std::string_view id_json) {
  return R"({"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":)" +
         std::string(id_json) + "}";
}

std::string control_error(int code, std::string_view msg, std::string_view id_json) {
  return top_level_error(code, msg, id_json);
}

std::string WsApiRequest::signature_payload() const {
  std::string out;
  for (const auto& [name, value] : params) {  // std::map: sorted by name, ASCII order
    if (name == "signature") continue;
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += value;
  }
  return out;
}

Params WsApiRequest::as_params() const {
  std::string query;
  for (const auto& [name, value] : params) {
    if (!query.empty()) query += '&';
    // Encode '%', '&', '+' and '=' so the REST parser gives back exactly these values.
    auto encode = [&](std::string_view text) {
      for (char c : text) {
        if (c == '%' || c == '&' || c == '+' || c == '=') {
          static constexpr char hex[] = "0123456789ABCDEF";
          query += '%';
          query += hex[(static_cast<unsigned char>(c) >> 4) & 0xf];
          query += hex[static_cast<unsigned char>(c) & 0xf];
        } else {
          query += c;
        }
      }
    };
    encode(name);
    query += '=';
    encode(value);
  }
  return std::get<Params>(Params::parse(query, ""));
}

std::variant<WsApiRequest, std::string> parse_ws_api_request(std::string_view text) {
  auto doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return ws_api_error("null", -1000, "Malformed request: not a JSON object.");
  }
  WsApiRequest request;
  if (auto id = doc.find("id"); id != doc.end()) {
    auto valid = valid_id(*id);
    if (!valid) return ws_api_error("null", -1000, "Malformed request: invalid 'id'.");
    request.id_json = *valid;
  }
  auto method = doc.find("method");
  if (method == doc.end() || !method->is_string()) {
    return ws_api_error(request.id_json, -1000, "Malformed request: missing 'method'.");
  }
  request.method = method->get<std::string>();
  if (request.method.starts_with("v3/")) request.method.erase(0, 3);
  auto params = doc.find("params");
  if (params != doc.end() && !params->is_null()) {
    if (!params->is_object()) {
      return ws_api_error(request.id_json, -1000, "Malformed request: 'params' must be an object.");
    }
    RawNumberCollector raw;
    json::sax_parse(text, &raw);
    for (const auto& [name, value] : params->items()) {
      if (value.is_string()) {
        request.params[name] = value.get<std::string>();
      } else if (value.is_number_float()) {
        auto found = raw.raw.find(name);
        request.params[name] = found != raw.raw.end() ? found->second : dump(value);
      } else {
        request.params[name] = dump(value);  // integers, booleans, arrays as their JSON text
      }
    }
  }
  return request;
}

}  // namespace mockex::dialect::binance
