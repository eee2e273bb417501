#include "param_reader.hpp"

#include <charconv>
#include <cmath>
#include <utility>

namespace mockex::fault::detail {

std::optional<std::int64_t> parse_whole(std::string_view text) {
  // A trailing ".0..." is a whole number spelled as a float; any other fraction is not whole.
  const std::size_t point = text.find('.');
  if (point != std::string_view::npos) {
    const std::string_view fraction = text.substr(point + 1);
    if (fraction.empty() || fraction.find_first_not_of('0') != std::string_view::npos) {
      return std::nullopt;
    }
    text = text.substr(0, point);
  }
  if (text.empty() || text.front() == '+') return std::nullopt;
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return value;
}

std::optional<double> parse_number(std::string_view text) {
  if (text.empty() || text.front() == '+') return std::nullopt;
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

ParamReader::ParamReader(Kind kind, const Params& params) : kind_(kind), params_(params) {}

const std::string* ParamReader::find(std::string_view key) {
  bool seen = false;
  for (std::string_view known : known_) seen = seen || known == key;
  if (!seen) known_.push_back(key);
  for (const Param& param : params_) {
    if (param.key == key) return &param.value;
  }
  return nullptr;
}

void ParamReader::fail(std::string_view key, std::string message) {
  if (!error_) error_ = Error{"params." + std::string(key), std::move(message)};
}

std::optional<std::chrono::microseconds> ParamReader::millis(std::string_view key, MillisRule rule,
                                                             bool required) {
  const std::string* value = find(key);
  if (value == nullptr) {
    if (required) fail(key, "required");
    return std::nullopt;
  }
  std::string_view expected = "a whole number of milliseconds >= 0";
  std::int64_t min = 0;
  if (rule == MillisRule::positive) {
    expected = "a whole number of milliseconds > 0";
    min = 1;
  } else if (rule == MillisRule::any_sign) {
    expected = "a whole number of milliseconds (may be negative)";
    min = -kMaxParamMillis;
  }
  const auto whole = parse_whole(*value);
  if (!whole || *whole < min) {
    fail(key, "must be " + std::string(expected));
    return std::nullopt;
  }
  if (*whole > kMaxParamMillis || *whole < -kMaxParamMillis) {
    fail(key, "must be at most " + std::to_string(kMaxParamMillis) + " milliseconds");
    return std::nullopt;
  }
  return std::chrono::milliseconds{*whole};
}

std::optional<std::int64_t> ParamReader::integer(std::string_view key, std::int64_t min,
                                                 std::int64_t max, std::string_view expected) {
  const std::string* value = find(key);
  if (value == nullptr) return std::nullopt;
  const auto whole = parse_whole(*value);
  if (!whole || *whole < min || *whole > max) {
    fail(key, "must be " + std::string(expected));
    return std::nullopt;
  }
  return whole;
}

std::optional<double> ParamReader::number(std::string_view key, bool (*ok)(double),
                                          std::string_view expected) {
  const std::string* value = find(key);
  if (value == nullptr) return std::nullopt;
  const auto parsed = parse_number(*value);
  if (!parsed || !ok(*parsed)) {
    fail(key, "must be " + std::string(expected));
    return std::nullopt;
  }
  return parsed;
}

std::optional<bool> ParamReader::boolean(std::string_view key) {
  const std::string* value = find(key);
  if (value == nullptr) return std::nullopt;
  if (*value == "true") return true;
  if (*value == "false") return false;
  fail(key, "must be true or false");
  return std::nullopt;
}

std::optional<std::size_t> ParamReader::choice(std::string_view key,
                                               std::initializer_list<std::string_view> choices) {
  const std::string* value = find(key);
  if (value == nullptr) return std::nullopt;
  std::size_t index = 0;
  std::string list;
  for (std::string_view option : choices) {
    if (option == *value) return index;
    ++index;
    if (!list.empty()) list += index == choices.size() ? " or " : ", ";
    list += option;
  }
  fail(key, "must be " + list + ", got \"" + *value + "\"");
  return std::nullopt;
}

std::optional<std::string> ParamReader::text(std::string_view key) {
  const std::string* value = find(key);
  if (value == nullptr) return std::nullopt;
  return *value;
}

std::optional<Error> ParamReader::finish() const {
  for (std::size_t i = 0; i < params_.size(); ++i) {
    const Param& param = params_[i];
    bool known = false;
    for (std::string_view key : known_) known = known || key == param.key;
    if (!known) {
      std::string message = "unknown parameter for ";
      message += to_string(kind_);
      if (known_.empty()) {
        message += " (it takes none)";
      } else {
        message += " (expected ";
        for (std::size_t k = 0; k < known_.size(); ++k) {
          if (k > 0) message += ", ";
          message += known_[k];
        }
        message += ")";
      }
      return Error{"params." + param.key, message};
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (params_[j].key == param.key) return Error{"params." + param.key, "given more than once"};
    }
  }
  return error_;
}

}  // namespace mockex::fault::detail

