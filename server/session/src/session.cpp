#include <mockex/session/session.hpp>

#include <mockex/session/fault_specs.hpp>
#include <mockex/session/venue_setup.hpp>

#include "order_journal.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <filesystem>

namespace mockex::session {
namespace {

ClockMode to_mode(scenario::ClockMode mode) {
  switch (mode) {
    case scenario::ClockMode::realtime: return ClockMode::realtime;
    case scenario::ClockMode::accelerated: return ClockMode::accelerated;
    case scenario::ClockMode::stepped: return ClockMode::stepped;
  }
  return ClockMode::realtime;
}

std::int64_t system_now_micros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The Rng streams of one session: the venue's (client order ids), the market's and the faults'.
constexpr std::uint64_t venue_stream = 1;
constexpr std::uint64_t fault_stream = 3;

}  // namespace

Session::Session(boost::asio::any_io_executor io,
                 std::shared_ptr<const scenario::Scenario> scenario, SessionOptions options,
                 bool serial)
    : strand_(serial ? io : Executor(boost::asio::make_strand(io))),
      scenario_(std::move(scenario)),
      options_(std::move(options)) {
  info_.id = options_.id;
  info_.scenario = scenario_->name;
  info_.seed = options_.seed.value_or(scenario_->seed);
  info_.clock = options_.clock.value_or(to_mode(scenario_->clock.mode));
  info_.created_wall_ms = system_now_micros() / 1000;
  touch();
}

Session::~Session() { close(); }

std::variant<std::shared_ptr<Session>, std::string> Session::create(
    boost::asio::any_io_executor io, std::shared_ptr<const scenario::Scenario> scenario,
    SessionOptions options, bool serial) {
  std::shared_ptr<Session> session(new Session(std::move(io), std::move(scenario),
                                               std::move(options), serial));
  if (!session->options_.journal_dir.empty()) {
    auto path = session->options_.journal_dir + "/" + session->info_.id + ".jsonl";
    std::error_code dir_error;
    std::filesystem::create_directories(session->options_.journal_dir, dir_error);
    if (auto ec = session->journal_.open_file_sink({path, 0, false})) {
      return "cannot open the journal file " + path + ": " + ec.message();
    }
  }
  if (auto error = session->build()) return *error;
  return session;
}

std::optional<std::string> Session::build() {
  if (player_) player_->stop();
  player_.reset();
  faults_.reset();
  if (clock_) clock_->stop();
  double speed = options_.speed.value_or(scenario_->clock.speed.to_double());
  // A scenario that starts `now` starts again now on reset, so its times keep up with the
  // clients' clocks; a fixed start is the same instant every time.
  auto start = options_.start.value_or(
      scenario_->clock.start.value_or(core::Timestamp::from_micros(system_now_micros())));
  start_micros_.store(start.micros());
  clock_ = std::make_unique<SessionClock>(strand_, info_.clock, speed, start);
  clock_->hold();  // nothing may run on the strand until the session is whole (release below)
  core::Rng root(info_.seed);
  auto made = make_venue(*scenario_, root.fork(venue_stream), start);
  if (auto* error = std::get_if<std::string>(&made)) return *error;
  venue_ = std::get<std::unique_ptr<venue::Venue>>(std::move(made));
  market_data_ = marketdata::MarketData();
  market_data_.add_symbols(*venue_);
  PlayerHooks hooks;
  hooks.on_events = [this](const venue::Events& events) { publish(events); };
  hooks.on_note = [this](const std::string& text) {
    journal_.record_event(stamp(), journal::EntryKind::market, text);
  };
  faults_ = std::make_unique<SessionFaults>(
      root.fork(fault_stream).next_u64(), *clock_, *clock_, journal_, [this] { return stamp(); },
      options_.fault_tally, [this](const fault::Spec& spec, const std::string& account) {
        auto callbacks = activation_callbacks_;
        for (auto& [token, callback] : callbacks) callback(spec, account);
      });
  // Checked once more here (validate and the loader do): a scenario is usable only whole.
  if (auto errors = check_timeline_faults(*scenario_); !errors.empty()) return errors.front();
  hooks.on_fault_window = [this](const scenario::FaultSpec& fault, bool opened) {
    if (!opened) {
      if (fault.trigger) return;  // its window runs from the trigger, on the plan's clock
      journal_.record_event(stamp(), journal::EntryKind::fault, "window closed",
                            {{"name", fault.name}, {"kind", fault.kind}});
      return;
    }
    auto spec = to_fault_spec(fault, scenario_->file);
    if (auto* converted = std::get_if<fault::Spec>(&spec)) {
      // The player closes the window itself; the plan's own window ends at the same instant.
      if (auto error = faults_->add(std::move(*converted), "scenario")) {
        journal_.record_event(stamp(), journal::EntryKind::error, "fault not added",
                              {{"name", fault.name}, {"reason", fault::to_string(*error)}});
      }
    }
  };
  player_ = std::make_unique<ScenarioPlayer>(*scenario_, *venue_, *clock_, *clock_, root,
                                             std::move(hooks));
  if (auto status = player_->start(); !status) return "the scenario's timers do not fit";
  journal_.record_event(stamp(), journal::EntryKind::session, "started",
                        {{"scenario", scenario_->name}, {"seed", info_.seed},
                         {"clock", std::string(to_string(info_.clock))}});
  clock_->catch_up();  // what is due at the start (the initial books) is there at once
  clock_->release();   // the last step on this thread: from here on the strand runs the session
  return std::nullopt;
}

journal::Stamp Session::stamp() const {
  return {clock_ ? clock_->now() : core::Timestamp::from_micros(start_micros_.load()),
          system_now_micros() / 1000};
}

SessionInfo Session::info() const {
  auto copy = info_;
  copy.start = core::Timestamp::from_micros(start_micros_.load());
  return copy;
}

void Session::touch() {
  last_used_ns_.store(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::chrono::steady_clock::time_point Session::last_used() const {
  return std::chrono::steady_clock::time_point(
      std::chrono::steady_clock::duration(last_used_ns_.load()));
}

std::optional<std::string_view> Session::secret(std::string_view api_key) const {
  if (const auto* account = scenario_->find_account(api_key)) return account->secret;
  return std::nullopt;
}

std::uint64_t Session::listen(Listener listener) {
  auto token = next_token_++;
  listeners_.emplace(token, std::move(listener));
  return token;
}

void Session::unlisten(std::uint64_t token) {
  listeners_.erase(token);
  reset_callbacks_.erase(token);
  close_callbacks_.erase(token);
  activation_callbacks_.erase(token);
}

void Session::publish(const venue::Events& events) {
  market_data_.apply(events);
  journal_order_events(journal_, stamp(), *venue_, events);
  // A listener may unlisten while it runs: iterate over a snapshot of the tokens.
  std::vector<std::uint64_t> tokens;
  tokens.reserve(listeners_.size());
  for (const auto& [token, listener] : listeners_) tokens.push_back(token);
  for (auto token : tokens) {
    auto it = listeners_.find(token);
    if (it != listeners_.end()) it->second(events);
  }
}

std::uint64_t Session::on_reset(std::function<void()> callback) {
  auto token = next_token_++;
  reset_callbacks_.emplace(token, std::move(callback));
  return token;
}

std::uint64_t Session::on_fault_activation(SessionFaults::Activation callback) {
  auto token = next_token_++;
  activation_callbacks_.emplace(token, std::move(callback));
  return token;
}

std::uint64_t Session::on_close(std::function<void()> callback) {
  auto token = next_token_++;
  close_callbacks_.emplace(token, std::move(callback));
  return token;
}

std::optional<std::string> Session::reset() {
  if (closed_) return "the session is closed";
  if (auto error = build()) return error;
  auto callbacks = reset_callbacks_;
  for (auto& [token, callback] : callbacks) callback();
  return std::nullopt;
}

void Session::close() {
  if (closed_.exchange(true)) return;
  if (player_) player_->stop();
  if (clock_) clock_->stop();
  auto closing = std::move(close_callbacks_);
  close_callbacks_.clear();
  for (auto& [token, callback] : closing) callback();
  journal_.record_event(stamp(), journal::EntryKind::session, "closed");
  if (!options_.report_dir.empty() && venue_) {
    if (auto error = write_report(options_.report_dir)) {
      journal_.record_event(stamp(), journal::EntryKind::error, "report not written",
                            {{"reason", *error}});
    }
  }
  journal_.sync_sink();
  listeners_.clear();
  reset_callbacks_.clear();
  activation_callbacks_.clear();
  faults_.reset();
}

}  // namespace mockex::session
