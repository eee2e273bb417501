#include "daemon.hpp"

#include "ops_routes.hpp"

#include <mockex/admin/admin.hpp>
#include <mockex/dialect/binance/rest.hpp>
#include <mockex/dialect/binance/websocket.hpp>
#include <mockex/scenario/loader.hpp>
#include <mockex/session/registry.hpp>
#include <mockex/transport/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <optional>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

namespace mockex::app {
namespace net = boost::asio;

namespace {

// Written to a temporary name and renamed, so a reader never sees a half-written port.
bool write_port_file(const std::string& path, std::uint16_t port) {
  auto temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << port << '\n';
    if (!out) return false;
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  return !ec;
}

// Session counts as Prometheus sees them, mirrored from the registry at each scrape.
class SessionMetrics {
 public:
  explicit SessionMetrics(prometheus::Registry& registry)
      : open_(prometheus::BuildGauge()
                  .Name("mockex_sessions_open")
                  .Help("Sessions created through the admin API and not yet deleted or expired")
                  .Register(registry)
                  .Add({})),
        events_(prometheus::BuildCounter()
                   .Name("mockex_sessions_total")
                   .Help("Sessions by what happened to them: created, deleted, expired")
                   .Register(registry)),
        created_(events_.Add({{"event", "created"}})),
        deleted_(events_.Add({{"event", "deleted"}})),
        expired_(events_.Add({{"event", "expired"}})) {}

  void update(const session::SessionRegistry::Stats& stats) {
    open_.Set(static_cast<double>(stats.open));
    catch_up(created_, stats.created);
    catch_up(deleted_, stats.deleted);
    catch_up(expired_, stats.expired);
  }

 private:
  static void catch_up(prometheus::Counter& counter, std::uint64_t total) {
    auto delta = static_cast<double>(total) - counter.Value();
    if (delta > 0) counter.Increment(delta);
  }

  prometheus::Gauge& open_;
  prometheus::Family<prometheus::Counter>& events_;
  prometheus::Counter& created_;
  prometheus::Counter& deleted_;
  prometheus::Counter& expired_;
};

// Faults applied and rules active across every session, mirrored at each scrape.
class FaultMetrics {
 public:
  explicit FaultMetrics(prometheus::Registry& registry)
      : injected_(prometheus::BuildCounter()
                      .Name("mockex_faults_injected_total")
                      .Help("Faults applied, by fault kind and rule name")
                      .Register(registry)),
        active_(prometheus::BuildGauge()
                    .Name("mockex_faults_active")
                    .Help("Fault rules inside their window and not paused, over every session")
                    .Register(registry)
                    .Add({})) {}

  void update(const session::FaultTally& tally) {
    for (const auto& [key, total] : tally.injected_totals()) {
      auto& counter = injected_.Add({{"kind", key.first}, {"name", key.second}});
      auto delta = static_cast<double>(total) - counter.Value();
      if (delta > 0) counter.Increment(delta);
    }
    active_.Set(static_cast<double>(tally.active()));
  }

 private:
  prometheus::Family<prometheus::Counter>& injected_;
  prometheus::Gauge& active_;
};

std::string url_host(const std::string& bind) {
  return bind.find(':') != std::string::npos ? "[" + bind + "]" : bind;
}

}  // namespace

int run_daemon(const Config& config) {
  auto scenario = scenario::load_scenario_file(config.scenario);
  if (!scenario.ok()) {
    for (const auto& error : scenario.errors) spdlog::critical("{}", error.to_string());
    return 2;
  }

  // Declared before the io_context: handlers it still holds at destruction use them.
  auto registry = std::make_shared<prometheus::Registry>();
  transport::TransportMetrics metrics(*registry);
  OpsState ops;
  transport::Router router;        // the exchange port
  transport::Router admin_router;  // the admin API's own port, when configured
  add_ops_routes(router, ops, *registry);
  if (config.admin_port) add_ops_routes(admin_router, ops, *registry);

  net::io_context io(static_cast<int>(config.threads));
  const bool one_thread = config.threads == 1;  // then nothing needs a strand
  session::SessionRegistry sessions(io, {config.max_sessions, config.session_ttl},
                                    {config.journal_dir, config.report_dir}, one_thread);
  auto made = sessions.create_default(
      std::make_shared<const scenario::Scenario>(std::move(*scenario.scenario)), {});
  if (auto* error = std::get_if<session::RegistryError>(&made)) {
    spdlog::critical("{}: {}", config.scenario, error->message);
    return 2;
  }
  const auto default_session = std::get<std::shared_ptr<session::Session>>(made);
  sessions.start_expiry();

  transport::Server server(io, router, metrics,
                           transport::ServerOptions{config.bind, config.port, config.limits,
                                                    one_thread});
  std::optional<transport::Server> admin_server;
  if (config.admin_port) {
    admin_server.emplace(io, admin_router, metrics,
                         transport::ServerOptions{config.bind, *config.admin_port, config.limits,
                                                    one_thread});
  }
  std::string what;
  for (auto* listener : {&server, admin_server ? &*admin_server : nullptr}) {
    if (listener == nullptr) continue;
    if (auto ec = listener->listen(what)) {
      spdlog::error("{}: {}", what, ec.message());
      return 1;
    }
  }
  auto port = server.port();

  auto adder = [](transport::Router& target) -> core::RouteAdder {
    return [&target](std::string method, std::string pattern, core::HttpHandler handler) {
      target.add(std::move(method), std::move(pattern), std::move(handler));
    };
  };
  admin::AdminOptions admin_options{config.scenario_dirs, config.admin_token, std::nullopt,
                                    config.max_scenario_bytes};
  if (admin_server) admin_options.exchange_port = port;
  admin::add_routes(adder(admin_server ? admin_router : router), sessions, admin_options);
  dialect::binance::add_rest_routes(adder(router), sessions);
  dialect::binance::add_websocket_routes(
      [&router](std::string pattern, core::WsHandlerFactory factory) {
        router.add_websocket(std::move(pattern), std::move(factory));
      },
      sessions, {config.ws_max_lifetime});
  SessionMetrics session_metrics(*registry);
  FaultMetrics fault_metrics(*registry);
  ops.before_scrape = [&] {
    session_metrics.update(sessions.stats());
    fault_metrics.update(sessions.fault_tally());
  };

  // Logged before the port files appear, so whoever waits for a file finds the line too.
  spdlog::info("mockexd {} listening on http://{}:{} (scenario '{}' from {}, {} threads)",
               MOCKEX_VERSION, url_host(config.bind), port, default_session->info().scenario,
               config.scenario, config.threads);
  if (admin_server) {
    spdlog::info("admin API listening on http://{}:{}", url_host(config.bind),
                 admin_server->port());
  }
  // The admin port first: whoever waits for the exchange's port file then finds both.
  for (auto [file, bound] : {std::pair{&config.admin_port_file,
                                       admin_server ? admin_server->port() : std::uint16_t{0}},
                             std::pair{&config.port_file, port}}) {
    if (file->empty()) continue;
    if (!write_port_file(*file, bound)) {
      spdlog::error("cannot write the port file {}", *file);
      return 1;
    }
  }
  server.start();
  if (admin_server) admin_server->start();
  ops.readiness = Readiness::ready;
  auto open_connections = [&] {
    return server.open_connections() + (admin_server ? admin_server->open_connections() : 0);
  };

  net::signal_set signals(io, SIGINT, SIGTERM);
  net::steady_timer drain_deadline(io);
  auto on_second_signal = [&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::warn("signal {} during shutdown: stopping now", signal);
    io.stop();
  };
  signals.async_wait([&](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: draining ({} connections open, deadline {} ms)", signal,
                 open_connections(), config.drain_timeout.count());
    ops.readiness = Readiness::draining;
    auto listening = std::make_shared<std::atomic<int>>(admin_server ? 2 : 1);
    auto drained = [&io, listening] {
      if (--*listening > 0) return;
      spdlog::info("all connections closed");
      io.stop();
    };
    server.shutdown(drained);
    if (admin_server) admin_server->shutdown(drained);
    drain_deadline.expires_after(config.drain_timeout);
    drain_deadline.async_wait([&](const boost::system::error_code& wait_ec) {
      if (wait_ec) return;
      spdlog::warn("drain deadline passed with {} connections open: closing them",
                   open_connections());
      io.stop();
    });
    signals.async_wait(on_second_signal);
  });

  std::vector<std::thread> workers;
  for (unsigned i = 1; i < config.threads; ++i) workers.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& worker : workers) worker.join();
  // From here the process only cleans up and exits 0: a late SIGTERM (a supervisor repeating
  // itself) must not kill it halfway through writing journals and reports.
  boost::system::error_code ignored;
  signals.clear(ignored);
  std::signal(SIGTERM, SIG_IGN);
  std::signal(SIGINT, SIG_IGN);
  server.abort_connections();
  if (admin_server) admin_server->abort_connections();
  sessions.close_all_now();  // journals synced and reports written before the process exits

  for (const auto* file : {&config.port_file, &config.admin_port_file}) {
    std::error_code ec;
    if (!file->empty()) std::filesystem::remove(*file, ec);
  }
  spdlog::info("mockexd stopped");
  return 0;
}

}  // namespace mockex::app
