#pragma once
// What the SDK throws. Every call either returns the typed answer or throws one of these two:
// `Error` when mockexd answered with an error, `TransportError` when it could not be asked.

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace mockex::sdk {

// The daemon answered with an error: `{"error": {"code", "message"}, ...}` and a 4xx/5xx status.
// what() is "<status> <code>: <message>".
class Error : public std::runtime_error {
 public:
  Error(int status, std::string code, std::string message, nlohmann::json body);

  int status() const noexcept { return status_; }
  // The admin API's error code: "session_not_found", "invalid_fault", "fault_exists", ...
  const std::string& code() const noexcept { return code_; }
  const std::string& message() const noexcept { return message_; }
  // For invalid_scenario: every problem, positioned as "file:line:column: message".
  std::vector<std::string> errors() const;
  // For invalid_fault: the rule's field at fault ("params.ms", "match.http", ...); else empty.
  std::string field() const;
  // The whole error body as the daemon sent it.
  const nlohmann::json& body() const noexcept { return body_; }

 private:
  int status_;
  std::string code_;
  std::string message_;
  nlohmann::json body_;
};

// The daemon could not be reached, the exchange timed out, or its answer was not the admin API's
// JSON (a wrong URL, a proxy's error page). Nothing says whether a request that was sent took
// effect.
class TransportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace mockex::sdk
