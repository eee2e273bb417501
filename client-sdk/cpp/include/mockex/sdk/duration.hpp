#pragma once
// A duration as the admin API takes it: text such as "250ms", "5s", "1.5s", "2m", or a
// std::chrono duration (sent as whole milliseconds).

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace mockex::sdk {

class Duration {
 public:
  // Implicit on purpose, so advance("5s") and advance(5s) both read well. Text is passed on as
  // written; the daemon checks it (400 invalid_duration).
  Duration(std::string_view text) : value_(std::string(text)) {}
  Duration(const char* text) : value_(std::string(text)) {}
  Duration(const std::string& text) : value_(text) {}
  template <class Rep, class Period>
  Duration(std::chrono::duration<Rep, Period> d)
      : value_(std::chrono::duration_cast<std::chrono::milliseconds>(d).count()) {}

  // How the daemon spells it back: a string, or a (possibly fractional) number of milliseconds.
  static Duration from_json(const nlohmann::json& value);

  // The JSON value sent to the daemon.
  const nlohmann::json& json() const noexcept { return value_; }
  // For query strings: the text, or "<n>ms".
  std::string text() const;

  friend bool operator==(const Duration&, const Duration&) = default;

 private:
  explicit Duration(nlohmann::json value) : value_(std::move(value)) {}
  nlohmann::json value_;
};

}  // namespace mockex::sdk
