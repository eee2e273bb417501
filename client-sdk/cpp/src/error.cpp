#include <mockex/sdk/error.hpp>

namespace mockex::sdk {

Error::Error(int status, std::string code, std::string message, nlohmann::json body)
    : std::runtime_error(std::to_string(status) + " " + code + ": " + message),
      status_(status),
      code_(std::move(code)),
      message_(std::move(message)),
      body_(std::move(body)) {}

std::vector<std::string> Error::errors() const {
  std::vector<std::string> out;
  if (body_.is_object() && body_.contains("errors") && body_["errors"].is_array()) {
    for (const auto& error : body_["errors"]) {
      if (error.is_string()) out.push_back(error.get<std::string>());
    }
  }
  return out;
}

std::string Error::field() const {
  if (body_.is_object() && body_.contains("field") && body_["field"].is_string()) {
    return body_["field"].get<std::string>();
  }
  return {};
}

}  // namespace mockex::sdk
