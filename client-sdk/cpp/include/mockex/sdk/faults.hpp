#pragma once
// A session's fault rules: session.faults().add(faults::http_error(429)).

#include <mockex/sdk/fault_rule.hpp>
#include <mockex/sdk/session_ref.hpp>

#include <string>
#include <utility>
#include <vector>

namespace mockex::sdk {

class ScopedFault;

class FaultsApi {
 public:
  explicit FaultsApi(detail::SessionPtr session) : session_(std::move(session)) {}

  // 400 invalid_fault (Error::field() names the culprit), 409 fault_exists.
  FaultStatus add(const FaultRule& rule) const;
  // Adds the rule and removes it when the returned handle goes out of scope.
  [[nodiscard]] ScopedFault scoped(const FaultRule& rule) const;
  std::vector<FaultStatus> list() const;
  FaultStatus get(const std::string& name) const;  // 404 fault_not_found
  FaultStatus pause(const std::string& name) const;
  FaultStatus resume(const std::string& name) const;
  void remove(const std::string& name) const;
  void clear() const;  // every rule of the session

 private:
  detail::SessionPtr session_;
};

// A fault rule that lives as long as this handle: the destructor removes it (and never throws;
// a rule already gone, by a reset or with its session, is fine).
class ScopedFault {
 public:
  ScopedFault(detail::SessionPtr session, FaultStatus added);
  ScopedFault(ScopedFault&& other) noexcept;
  ScopedFault& operator=(ScopedFault&& other) noexcept;
  ScopedFault(const ScopedFault&) = delete;
  ScopedFault& operator=(const ScopedFault&) = delete;
  ~ScopedFault();

  const std::string& name() const noexcept { return name_; }
  // The status when it was added; status() asks the daemon for the current one.
  const FaultStatus& added() const noexcept { return added_; }
  FaultStatus status() const;
  // Removes the rule now (throws what FaultsApi::remove throws).
  void remove();
  // Keeps the rule: the handle no longer removes it.
  void release() noexcept;

 private:
  void drop() noexcept;  // removes the rule if still held, swallowing errors

  detail::SessionPtr session_;
  FaultStatus added_;
  std::string name_;
};

}  // namespace mockex::sdk
