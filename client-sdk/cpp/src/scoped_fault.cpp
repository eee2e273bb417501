#include <mockex/sdk/faults.hpp>

namespace mockex::sdk {

ScopedFault::ScopedFault(detail::SessionPtr session, FaultStatus added)
    : session_(std::move(session)), added_(std::move(added)), name_(added_.rule.name) {}

ScopedFault::ScopedFault(ScopedFault&& other) noexcept
    : session_(std::move(other.session_)),
      added_(std::move(other.added_)),
      name_(std::move(other.name_)) {}

ScopedFault& ScopedFault::operator=(ScopedFault&& other) noexcept {
  if (this != &other) {
    drop();
    session_ = std::move(other.session_);
    added_ = std::move(other.added_);
    name_ = std::move(other.name_);
  }
  return *this;
}

ScopedFault::~ScopedFault() { drop(); }

void ScopedFault::drop() noexcept {
  if (!session_) return;
  // A destructor must not throw: a rule already gone (a reset, a deleted session) or a daemon
  // that went away leaves nothing to undo here.
  try {
    FaultsApi(session_).remove(name_);
  } catch (...) {
  }
  session_.reset();
}

FaultStatus ScopedFault::status() const {
  if (!session_) throw std::logic_error("ScopedFault: released");
  return FaultsApi(session_).get(name_);
}

void ScopedFault::remove() {
  if (!session_) throw std::logic_error("ScopedFault: released");
  auto session = std::move(session_);
  FaultsApi(session).remove(name_);
}

void ScopedFault::release() noexcept { session_.reset(); }

}  // namespace mockex::sdk
