#pragma once
// Result<T>: a value or an ErrorCode, the return type of every command that can be rejected.
// Status (= Result<void>) is the same without a value. Accessing the wrong alternative is a
// programming error and asserts.

#include <cassert>
#include <optional>
#include <utility>

#include "mockex/core/error.hpp"

namespace mockex::core {

template <class T>
class [[nodiscard]] Result {
 public:
  // Implicit on purpose, so that `return value;` and `return ErrorCode::x;` both read naturally.
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(ErrorCode error) : error_(error) {      // NOLINT(google-explicit-constructor)
    assert(error != ErrorCode::ok && "an error Result needs an error code");
  }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  // ErrorCode::ok when the Result holds a value.
  ErrorCode error() const { return error_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T value_or(T fallback) const { return ok() ? *value_ : std::move(fallback); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  ErrorCode error_ = ErrorCode::ok;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(ErrorCode error) : error_(error) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return error_ == ErrorCode::ok; }
  explicit operator bool() const { return ok(); }
  ErrorCode error() const { return error_; }

 private:
  ErrorCode error_ = ErrorCode::ok;
};

using Status = Result<void>;

}  // namespace mockex::core
