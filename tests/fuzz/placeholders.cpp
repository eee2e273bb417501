#include "placeholders.hpp"

#include <mockex/dialect/binance/signature.hpp>
#include <mockex/dialect/binance/ws_messages.hpp>

#include <chrono>

namespace mockex::fuzz {
namespace {

// Replaces every `from` in `text` by `to`; false when there was none.
bool replace_all(std::string& text, std::string_view from, std::string_view to) {
  bool replaced = false;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
    replaced = true;
  }
  return replaced;
}

}  // namespace

std::string with_now(std::string text) {
  if (text.find(kNowPlaceholder) == std::string::npos) return text;
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  replace_all(text, kNowPlaceholder, std::to_string(now_ms));
  return text;
}

void fill_rest(core::HttpRequest& request) {
  auto query = with_now(request.query);
  request.body = with_now(std::move(request.body));
  auto signed_ = dialect::binance::signed_payload(query, request.body);
  if (signed_.signature == kSignPlaceholder) {
    auto pair = "signature=" + std::string(kSignPlaceholder);
    auto hmac = "signature=" + dialect::binance::hmac_sha256_hex(kDemoSecret, signed_.payload);
    if (!replace_all(query, pair, hmac)) replace_all(request.body, pair, hmac);
  }
  if (query != request.query) {
    request.target = request.path + "?" + query;
    request.query = std::move(query);
  }
}

std::string fill_ws_api(std::string message) {
  message = with_now(std::move(message));
  auto parsed = dialect::binance::parse_ws_api_request(message);
  const auto* request = std::get_if<dialect::binance::WsApiRequest>(&parsed);
  if (request == nullptr) return message;
  auto signature = request->params.find("signature");
  if (signature == request->params.end() || signature->second != kSignPlaceholder) return message;
  auto hmac = dialect::binance::hmac_sha256_hex(kDemoSecret, request->signature_payload());
  replace_all(message, "\"" + std::string(kSignPlaceholder) + "\"", "\"" + hmac + "\"");
  return message;
}

}  // namespace mockex::fuzz
