#pragma once
// Reads a kind's parameters from their text, checking each as it is asked for. The kind asks for
// every key it knows (so the reader learns them), then finish() reports, in this order: an unknown
// or repeated key, then the first bad value. Fields are "params.<key>".

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mockex/fault/error.hpp"
#include "mockex/fault/kind.hpp"
#include "mockex/fault/spec.hpp"

namespace mockex::fault::detail {

// The largest millisecond parameter: ~31 years, far from overflowing microseconds even when a
// kind adds twenty of them.
inline constexpr std::int64_t kMaxParamMillis = 1'000'000'000'000;

enum class MillisRule : std::uint8_t {
  non_negative,  // >= 0
  positive,      // > 0
  any_sign,      // may be negative (clock_skew)
};

class ParamReader {
 public:
  ParamReader(Kind kind, const Params& params);

  // Whole milliseconds, returned as microseconds; nullopt when absent (an error if `required`)
  // or bad.
  std::optional<std::chrono::microseconds> millis(std::string_view key, MillisRule rule,
                                                  bool required);
  // A whole number in [min, max]; `expected` completes "must be ..." ("a whole number >= 1").
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                      std::string_view expected);
  // A finite decimal number for which `ok` holds; `expected` completes "must be ...".
  std::optional<double> number(std::string_view key, bool (*ok)(double), std::string_view expected);
  std::optional<bool> boolean(std::string_view key);
  // The index of the value among `choices`.
  std::optional<std::size_t> choice(std::string_view key,
                                    std::initializer_list<std::string_view> choices);
  // The text as written.
  std::optional<std::string> text(std::string_view key);

  // Records a problem found across parameters (the first recorded problem wins).
  void fail(std::string_view key, std::string message);

  std::optional<Error> finish() const;

 private:
  // Marks `key` as known and returns its value; nullptr when absent.
  const std::string* find(std::string_view key);

  Kind kind_;
  const Params& params_;
  std::vector<std::string_view> known_;
  std::optional<Error> error_;
};

// Parses "-12", "200", "200.0" (a JSON writer's float spelling of a whole number).
std::optional<std::int64_t> parse_whole(std::string_view text);
// Parses a finite decimal number ("0.5", "1e-3").
std::optional<double> parse_number(std::string_view text);

}  // namespace mockex::fault::detail
