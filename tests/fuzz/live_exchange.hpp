#pragma once
// One exchange wired as mockexd wires it, without sockets or threads: a session registry whose
// default session plays the quickstart scenario on a stepped clock from a fixed start, a
// transport::Router holding the routes a target installs, and the io_context both run on. Built
// afresh for every input, so what an input does depends on that input alone.

#include <mockex/core/http.hpp>
#include <mockex/scenario/model.hpp>
#include <mockex/session/registry.hpp>
#include <mockex/transport/router.hpp>

#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace mockex::fuzz {

// Scenario time at which every session the harness makes starts (epoch milliseconds).
inline constexpr std::int64_t kStartMs = 1'700'000'000'000;

// The source tree's scenarios/ directory (the admin API's scenario directory here).
std::string scenarios_dir();

// scenarios/quickstart.yaml, loaded once.
std::shared_ptr<const scenario::Scenario> quickstart();

// Options for a session on a stepped clock at kStartMs: nothing moves unless an input says so.
session::SessionOptions stepped_options();

class LiveExchange {
 public:
  LiveExchange();
  // Closes every session and runs what closing posts.
  ~LiveExchange();
  LiveExchange(const LiveExchange&) = delete;
  LiveExchange& operator=(const LiveExchange&) = delete;

  boost::asio::io_context& io() { return io_; }
  session::SessionRegistry& registry() { return registry_; }
  transport::Router& router() { return router_; }
  // Adds HTTP routes to router(), as the daemon hands them to admin and the dialect.
  core::RouteAdder route_adder();

  // Dispatches `request` as the transport does (the router's 404 or 405, else the matched
  // handler with its path parameters), then runs the io_context until the responder is called.
  // A request answered twice, dropped without an answer, or unanswered after 5 s of wall time
  // is a failure.
  core::HttpResponse serve(core::HttpRequest request);

  // Runs every handler that is ready, and those they post.
  void run_ready();

 private:
  boost::asio::io_context io_;
  session::SessionRegistry registry_;
  transport::Router router_;
};

}  // namespace mockex::fuzz
