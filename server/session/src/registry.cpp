#include <mockex/session/registry.hpp>

#include <boost/asio/post.hpp>

#include <algorithm>
#include <random>

namespace mockex::session {

SessionRegistry::SessionRegistry(boost::asio::io_context& io, RegistryLimits limits,
                                 SessionFiles files, bool one_thread)
    : io_(io),
      one_thread_(one_thread),
      limits_(limits),
      files_(std::move(files)),
      id_state_(std::random_device{}() | (std::uint64_t{std::random_device{}()} << 32)),
      expiry_timer_(io) {}

SessionRegistry::~SessionRegistry() { close_all(); }

std::string SessionRegistry::new_id() {
  // splitmix64 over a random start: ids are unique in the process and hard to guess across
  // runs, so one test cannot stumble on another's session.
  static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::uint64_t z = (id_state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  std::string id = "s";
  for (int i = 0; i < 11; ++i) {
    id += alphabet[z % 36];
    z /= 36;
  }
  return id;
}

std::variant<std::shared_ptr<Session>, RegistryError> SessionRegistry::build_session(
    std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options) {
  if (options.journal_dir.empty()) options.journal_dir = files_.journal_dir;
  if (options.report_dir.empty()) options.report_dir = files_.report_dir;
  if (!options.fault_tally) options.fault_tally = fault_tally_;
  auto made = Session::create(io_.get_executor(), std::move(scenario), std::move(options),
                              one_thread_);
  if (auto* error = std::get_if<std::string>(&made)) {
    return RegistryError{422, "invalid_scenario", *error};
  }
  return std::get<std::shared_ptr<Session>>(std::move(made));
}

std::variant<std::shared_ptr<Session>, RegistryError> SessionRegistry::create(
    std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options) {
  {
    std::lock_guard lock(mutex_);
    if (auto refused = refusal_locked()) return *std::move(refused);
    options.id = new_id();
  }
  auto made = build_session(std::move(scenario), std::move(options));
  if (auto* error = std::get_if<RegistryError>(&made)) return *error;
  auto session = std::get<std::shared_ptr<Session>>(std::move(made));
  std::lock_guard lock(mutex_);
  if (sessions_.size() >= limits_.max_sessions) {
    close_on_strand(session);
    return RegistryError{429, "session_limit", "the session limit was reached"};
  }
  sessions_.emplace(session->id(), session);
  order_.push_back(session->id());
  ++created_;
  return session;
}

std::optional<RegistryError> SessionRegistry::refusal() const {
  std::lock_guard lock(mutex_);
  return refusal_locked();
}

std::optional<RegistryError> SessionRegistry::refusal_locked() const {
  if (stopped_) return RegistryError{503, "shutting_down", "the daemon is shutting down"};
  if (sessions_.size() >= limits_.max_sessions) {
    return RegistryError{429, "session_limit",
                         "at most " + std::to_string(limits_.max_sessions) +
                             " sessions may be open; delete some or raise sessions.max"};
  }
  return std::nullopt;
}

std::variant<std::shared_ptr<Session>, RegistryError> SessionRegistry::create_default(
    std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options) {
  options.id = "default";
  auto made = build_session(std::move(scenario), std::move(options));
  if (auto* error = std::get_if<RegistryError>(&made)) return *error;
  auto session = std::get<std::shared_ptr<Session>>(std::move(made));
  std::lock_guard lock(mutex_);
  if (default_) close_on_strand(default_);
  default_ = session;
  return session;
}

std::shared_ptr<Session> SessionRegistry::find(std::string_view id) const {
  std::lock_guard lock(mutex_);
  if (default_ && id == default_->id()) return default_;
  auto it = sessions_.find(std::string(id));
  return it == sessions_.end() ? nullptr : it->second;
}

std::shared_ptr<Session> SessionRegistry::default_session() const {
  std::lock_guard lock(mutex_);
  return default_;
}

std::vector<std::shared_ptr<Session>> SessionRegistry::list() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<Session>> out;
  if (default_) out.push_back(default_);
  for (const auto& id : order_) out.push_back(sessions_.at(id));
  return out;
}

std::size_t SessionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void SessionRegistry::close_on_strand(const std::shared_ptr<Session>& session) {
  boost::asio::post(session->executor(), [session] { session->close(); });
}

bool SessionRegistry::remove(std::string_view id) { return remove(id, false); }

bool SessionRegistry::remove(std::string_view id, bool expired) {
  std::shared_ptr<Session> removed;
  {
    std::lock_guard lock(mutex_);
    auto it = sessions_.find(std::string(id));
    if (it == sessions_.end()) return false;
    removed = std::move(it->second);
    sessions_.erase(it);
    std::erase(order_, std::string(id));
    ++(expired ? expired_ : deleted_);
  }
  close_on_strand(removed);
  return true;
}

SessionRegistry::Stats SessionRegistry::stats() const {
  std::lock_guard lock(mutex_);
  return {sessions_.size(), created_, deleted_, expired_};
}

std::size_t SessionRegistry::expire_idle(std::chrono::steady_clock::time_point now) {
  if (limits_.idle_ttl.count() == 0) return 0;
  std::vector<std::string> idle;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, session] : sessions_) {
      if (session->open_connections() == 0 && now - session->last_used() > limits_.idle_ttl) {
        idle.push_back(id);
      }
    }
  }
  std::size_t removed = 0;
  for (const auto& id : idle) removed += remove(id, true) ? 1 : 0;
  return removed;
}

void SessionRegistry::start_expiry() {
  if (limits_.idle_ttl.count() > 0) arm_expiry();
}

void SessionRegistry::arm_expiry() {
  auto period = std::max<std::chrono::milliseconds>(limits_.idle_ttl / 4,
                                                    std::chrono::milliseconds(10));
  expiry_timer_.expires_after(period);
  expiry_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    expire_idle(std::chrono::steady_clock::now());
    {
      std::lock_guard lock(mutex_);
      if (stopped_) return;
    }
    arm_expiry();
  });
}

std::vector<std::shared_ptr<Session>> SessionRegistry::take_all() {
  std::vector<std::shared_ptr<Session>> all;
  {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    if (default_) all.push_back(std::move(default_));
    for (auto& [id, session] : sessions_) all.push_back(std::move(session));
    sessions_.clear();
    order_.clear();
  }
  expiry_timer_.cancel();
  return all;
}

void SessionRegistry::close_all() {
  for (auto& session : take_all()) close_on_strand(session);
}

void SessionRegistry::close_all_now() {
  for (auto& session : take_all()) session->close();
}

}  // namespace mockex::session
